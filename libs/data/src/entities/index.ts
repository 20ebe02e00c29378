import { AccountLinkSchema } from './account-link.entity';
import { AgencySchema } from './agency.entity';
import { AgencySignOnSchema } from './agency-sign-on.entity';
import { AttachmentSchema } from './attachment.entity';
import { AuthSessionSchema } from './auth-session.entity';
import { AuditCheckpointSchema } from './audit-checkpoint.entity';
import { AuditEventSchema } from './audit-event.entity';
import { AuditWitnessCursorSchema } from './audit-witness-cursor.entity';
import { DeadlineSchema } from './deadline.entity';
import { IdempotencyRecordSchema } from './idempotency-record.entity';
import { InboxItemSchema } from './inbox-item.entity';
import { OutboxMessageSchema } from './outbox-message.entity';
import { PasskeyCredentialSchema } from './passkey-credential.entity';
import { PersonSchema } from './person.entity';
import { PersonPurgeProposalSchema } from './person-purge-proposal.entity';
import { RecoveryCodeSchema } from './recovery-code.entity';
import { ReferenceCounterSchema } from './reference-counter.entity';
import { RefreshTokenSchema } from './refresh-token.entity';
import { RequestHistorySchema } from './request-history.entity';
import { RequestKeySchema } from './request-key.entity';
import { RequestLinkSchema } from './request-link.entity';
import { RequestNoteSchema } from './request-note.entity';
import { RequestSchema } from './request.entity';
import { RoleGrantSchema } from './role-grant.entity';
import { TaskForceRequestSchema } from './task-force-request.entity';
import { TotpCredentialSchema } from './totp-credential.entity';
import { UserSchema } from './user.entity';
import { WebhookDeliverySchema } from './webhook-delivery.entity';
import { WebhookEndpointSchema } from './webhook-endpoint.entity';
import { TaskForceMemberSchema, TaskForceSchema } from './task-force.entity';

export {
  ACCOUNT_LINK_PURPOSES,
  AccountLinkSchema,
  type AccountLink,
  type AccountLinkPurpose,
} from './account-link.entity';
export { AgencySchema, type Agency } from './agency.entity';
export { AgencySignOnSchema, type AgencySignOn } from './agency-sign-on.entity';
export { AttachmentSchema, type Attachment } from './attachment.entity';
export { AuthSessionSchema, type AuthSession } from './auth-session.entity';
export { AuditCheckpointSchema, type AuditCheckpoint } from './audit-checkpoint.entity';
export { AuditEventSchema, type AuditEvent } from './audit-event.entity';
export { AuditWitnessCursorSchema, type AuditWitnessCursor } from './audit-witness-cursor.entity';
export { DeadlineSchema, type Deadline, type DeadlineStatus } from './deadline.entity';
export { IdempotencyRecordSchema, type IdempotencyRecord } from './idempotency-record.entity';
export { InboxItemSchema, type InboxItem } from './inbox-item.entity';
export { OutboxMessageSchema, type OutboxMessage } from './outbox-message.entity';
export { PasskeyCredentialSchema, type PasskeyCredential } from './passkey-credential.entity';
export { PersonSchema, type Person } from './person.entity';
export { PersonPurgeProposalSchema, type PersonPurgeProposal } from './person-purge-proposal.entity';
export { RecoveryCodeSchema, type RecoveryCode } from './recovery-code.entity';
export { ReferenceCounterSchema, type ReferenceCounter } from './reference-counter.entity';
export { RefreshTokenSchema, type RefreshToken } from './refresh-token.entity';
export { RequestHistorySchema, type RequestHistory } from './request-history.entity';
export { RequestKeySchema, type RequestKey } from './request-key.entity';
export { RequestLinkSchema, type RequestLink, REQUEST_LINK_RELATIONS } from './request-link.entity';
export { RequestNoteSchema, type RequestNote } from './request-note.entity';
export { RequestSchema, type Request, type StoredTimer } from './request.entity';
export { RoleGrantSchema, type RoleGrant } from './role-grant.entity';
export { TaskForceRequestSchema, type TaskForceRequest } from './task-force-request.entity';
export { TotpCredentialSchema, type TotpCredential } from './totp-credential.entity';
export { UserSchema, type User } from './user.entity';
export {
  WebhookDeliverySchema,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
} from './webhook-delivery.entity';
export { WebhookEndpointSchema, type WebhookEndpoint } from './webhook-endpoint.entity';
export { TaskForceMemberSchema, TaskForceSchema, type TaskForce, type TaskForceMember } from './task-force.entity';

export const ENTITIES = [
  AccountLinkSchema,
  AgencySchema,
  AgencySignOnSchema,
  AttachmentSchema,
  AuthSessionSchema,
  AuditCheckpointSchema,
  AuditEventSchema,
  AuditWitnessCursorSchema,
  DeadlineSchema,
  IdempotencyRecordSchema,
  InboxItemSchema,
  OutboxMessageSchema,
  PasskeyCredentialSchema,
  PersonSchema,
  PersonPurgeProposalSchema,
  RecoveryCodeSchema,
  ReferenceCounterSchema,
  RefreshTokenSchema,
  RequestHistorySchema,
  RequestKeySchema,
  RequestLinkSchema,
  RequestNoteSchema,
  RequestSchema,
  RoleGrantSchema,
  TaskForceRequestSchema,
  TotpCredentialSchema,
  UserSchema,
  TaskForceSchema,
  TaskForceMemberSchema,
  WebhookEndpointSchema,
  WebhookDeliverySchema,
];
