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

export type TokenPair = Schemas['TokenPairDto'];
export type Me = Schemas['MeDto'];
export type Agency = Schemas['AgencyDto'];

export type Party = Schemas['PartyView'];
export type Timer = Schemas['TimerView'];
export type RequestView = Schemas['RequestView'];
export type TransitionResult = Schemas['TransitionResultView'];
export type RequestSummary = Schemas['RequestSummaryView'];
export type RequestSummaryPage = Schemas['RequestSummaryPage'];
export type HistoryEntry = Schemas['HistoryEntryView'];
export type PersonIdentity = Schemas['PersonIdentityView'];
export type Person = Schemas['PersonView'];
export type Attachment = Schemas['AttachmentView'];

export type InboxItem = Schemas['InboxItemView'];
export type InboxPage = Schemas['InboxPageView'];

export type TaskForceSummaryPage = Schemas['TaskForceSummaryPage'];
export type TaskForceDetail = Schemas['TaskForceDto'];
export type Board = Schemas['BoardDto'];
export type BoardColumn = Schemas['BoardColumnDto'];
export type BoardCard = Schemas['BoardCardDto'];

export type AgencyUser = Schemas['UserDto'];
export type AgencyUserPage = Schemas['UserPage'];
export type WebhookEndpoint = Schemas['WebhookView'];
export type WebhookEndpointPage = Schemas['WebhookPage'];
export type CreatedWebhookEndpoint = Schemas['CreatedWebhookView'];
export type WebhookDelivery = Schemas['WebhookDeliveryView'];
export type WebhookDeliveryPage = Schemas['WebhookDeliveryPage'];

export type AuditEntry = Schemas['AuditEntryDto'];
export type AuditEntryPage = Schemas['AuditEntryPage'];
export type Verification = Schemas['VerificationDto'];
export type Checkpoint = Schemas['CheckpointDto'];
export type CheckpointPage = Schemas['CheckpointPage'];

export type StatisticsView = Schemas['StatisticsView'];
export type CountCell = Schemas['CountCell'];
