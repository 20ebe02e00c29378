export { RequestsModule } from './requests.module';
export { RequestAccess, type VisibleRequest } from './access/request-access';
export { RequestPresenter } from './view/request-presenter';
export { PartyView, RequestView, TimerView, toRequestView } from './view/request-view';
export { loadRequestFacts } from './workflow-state/request-facts';
export { applyPosition, fromStoredTimer, toSnapshot, toStoredTimer } from './workflow-state/request-snapshot';
