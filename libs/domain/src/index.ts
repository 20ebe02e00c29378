export { hasRole, type Actor } from './access/actor';
export type { CallerContext } from './access/caller-context';
export { ROLES, isRole, type Role } from './access/role';
export { mayAdministerUsersOf, mayCreateAgencies } from './access/user-administration';
export { AGENCY_TYPES, type AgencyType } from './agencies/agency-type';
export * from './workflows';
export { GENDERS, PERSON_ROLES, type Gender, type PersonRole } from './persons/person-role';
export {
  AGE_BANDS,
  SUPPRESSION_THRESHOLD,
  ageBandOf,
  isSmallCount,
  statisticsScopeOf,
  suppressCells,
  suppressCount,
  suppressNestedCells,
  type AgeBand,
  type PublishedCell,
  type PublishedCount,
  type StatisticsScope,
} from './statistics';
export { mayAddToRequest, mayEditDraft, mayFileRequests } from './access/request-editing';
export {
  actingSide,
  mayView,
  relationToRequest,
  type RequestParties,
  type RequestRelation,
} from './access/request-relation';
export {
  mayCreateTaskForce,
  mayManageTaskForceMembers,
  mayViewTaskForce,
  memberIsReadOnly,
  type TaskForceStanding,
} from './access/task-force-access';
export {
  decideOnwardSharing,
  taskForceLinkRefusal,
  type OnwardSharing,
  type OnwardSharingDecision,
  type TaskForceLinkRefusal,
} from './access/task-force-linking';
