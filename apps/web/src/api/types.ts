import type { components } from './schema.gen';

export type {
  WorkflowDescription,
  EventDescription,
  PayloadField,
  RequestKind,
  RequestRelation,
  Role,
} from '@liaison/domain';

/**
 * The `/v1` answers under the console's names: the schemas of the api's OpenAPI document, generated into
 * schema.gen.ts by `npm run api:types` (a test fails when it falls behind the server's views and DTOs).
 */
type Schemas = components['schemas'];

export type TokenPair = Schemas['TokenPairView'];
export type SecondFactorChallenge = Schemas['SecondFactorChallengeView'];
export type TotpEnrolment = Schemas['TotpEnrolmentView'];
export type Enrolled = Schemas['EnrolledView'];
export type SecondFactorStatus = Schemas['SecondFactorStatusView'];
export type RecoveryCodes = Schemas['RecoveryCodesView'];
export type Passkey = Schemas['PasskeyView'];
export type PasskeyList = Schemas['PasskeyListView'];
export type SignedInSession = Schemas['SessionView'];
export type SignedInSessionList = Schemas['SessionListView'];
export type Me = Schemas['MeView'];
export type Agency = Schemas['AgencyView'];
export type SsoAgency = Schemas['SsoAgencyView'];
export type SsoSettings = Schemas['SsoSettingsView'];

export type Party = Schemas['PartyView'];
export type Timer = Schemas['TimerView'];
export type RequestView = Schemas['RequestView'];
export type TransitionResult = Schemas['TransitionResultView'];
export type RequestSummary = Schemas['RequestSummaryView'];
export type RequestSummaryPage = Schemas['RequestSummaryPageView'];
export type HistoryEntry = Schemas['HistoryEntryView'];
export type PersonIdentity = Schemas['PersonIdentityView'];
export type Person = Schemas['PersonView'];
export type Attachment = Schemas['AttachmentView'];

export type InboxItem = Schemas['InboxItemView'];
export type InboxPage = Schemas['InboxPageView'];
export type InboxRequest = Schemas['InboxRequestView'];
export type WorkItem = Schemas['WorkItemView'];
export type MyWork = Schemas['MyWorkView'];

export type TaskForceSummaryPage = Schemas['TaskForceSummaryPageView'];
export type TaskForceDetail = Schemas['TaskForceView'];
export type Board = Schemas['BoardView'];
export type BoardColumn = Schemas['BoardColumnView'];
export type BoardCard = Schemas['BoardCardView'];

export type AgencyUser = Schemas['UserView'];
export type PasswordLink = Schemas['PasswordLinkView'];
export type PasswordResetIssued = Schemas['PasswordResetIssuedView'];
export type PasswordResetSent = Schemas['PasswordResetSentView'];
export type AgencyUserPage = Schemas['UserPageView'];
export type RoleGrant = Schemas['RoleGrantView'];
export type RoleGrantPage = Schemas['RoleGrantPageView'];
export type WebhookEndpoint = Schemas['WebhookView'];
export type WebhookEndpointPage = Schemas['WebhookPageView'];
export type CreatedWebhookEndpoint = Schemas['CreatedWebhookView'];
export type WebhookDelivery = Schemas['WebhookDeliveryView'];
export type WebhookDeliveryPage = Schemas['WebhookDeliveryPageView'];

export type AuditEntry = Schemas['AuditEntryView'];
export type AuditEntryPage = Schemas['AuditEntryPageView'];
export type Verification = Schemas['VerificationView'];
export type Checkpoint = Schemas['CheckpointView'];
export type CheckpointPage = Schemas['CheckpointPageView'];

export type StatisticsView = Schemas['StatisticsView'];
export type CountCell = Schemas['CountCell'];
