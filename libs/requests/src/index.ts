export { RequestsModule } from './requests.module';
export { RequestAccess, type VisibleRequest } from './access/request-access';
export { inLinkedTaskForceSql, sentOutSql } from './access/request-access.sql';
export { ATTACHMENT_STORE, type AttachmentStore } from './attachments/attachment-store';
export { PersonIdentityStore } from './persons/person-identity-store';
export type { PersonIdentity } from './persons/person-identity';
export { MasterKeyring } from './persons/encryption/master-keyring';
export { rotateMasterKey, type MasterKeyRotation } from './persons/encryption/master-key-rotation';
export { PersonRetentionModule } from './persons/retention/person-retention.module';
export { PersonRetentionService } from './persons/retention/person-retention.service';
export {
  buildSearchSql,
  type SearchFilters,
  type SearchPage,
  type SearchRow,
  type SearchScope,
} from './search/search.sql';
export { decodeSearchCursor, encodeSearchCursor, type SearchCursor, type SearchSort } from './search/search-cursor';
export { RequestPresenter } from './view/request-presenter';
export { PartyView, RequestView, TimerView, toRequestView, type PresentableRequest } from './view/request-view';
export { loadRequestFacts, requestFacts, type PersonFact } from './workflow-state/request-facts';
export {
  applyPosition,
  fromStoredTimer,
  toSnapshot,
  toStoredTimer,
  type PositionedRequest,
} from './workflow-state/request-snapshot';
