export { RequestsModule } from './requests.module';
export { RequestAccess } from './access/request-access';
export { ATTACHMENT_STORE, type AttachmentStore } from './attachments/attachment-store';
export { IdempotentReplays, type ReplayedAnswer } from './idempotency/idempotent-replays';
export { PersonIdentityStore } from './persons/person-identity-store';
export { OpenedRequestKey, RequestVault } from './encryption/request-vault';
export { sealLegacyRequests } from './encryption/request-sealing';
export { rotateMasterKey } from './encryption/master-key-rotation';
export { PersonRetentionModule } from './persons/retention/person-retention.module';
export { PersonRetentionService } from './persons/retention/person-retention.service';
export {
  buildSearchSql,
  type SearchFilters,
  type SearchPage,
  type SearchRow,
  type SearchScope,
} from './search/search.sql';
export { RequestView, toRequestView, type PresentableRequest } from './view/request.view';
export { requestFacts } from './workflow-state/request-facts-loader';
export { applyPosition, toSnapshot, type PositionedRequest } from './workflow-state/request-snapshot';
