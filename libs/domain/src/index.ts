export { hasRole, type Actor } from './access/actor';
export type { CallerContext } from './access/caller-context';
export { ROLES, type Role } from './access/role';
export {
  AUTHENTICATION_METHODS,
  SECOND_FACTOR_METHODS,
  STEP_UP_WINDOW_SECONDS,
  needsSecondFactor,
  steppedUp,
  type AuthenticationMethod,
} from './access/second-factor';
export {
  addedRoles,
  confirmationRefusal,
  GRANTS,
  mayDecideGrant,
  needsSecondAdministrator,
  proposalRefusal,
  type Grant,
  type PendingGrant,
} from './access/role-grants';
export {
  mayAdministerUsersOf,
  mayCreateAgencies,
  mayCreateFirstAdministrator,
  mayOperateQueues,
} from './access/user-administration';
export { AGENCY_TYPES, isGovernmentAgency, type AgencyType } from './agencies/agency-type';
export * from './workflows';
export { GENDERS, PERSON_ROLES, type Gender, type PersonRole } from './persons/person-role';
export {
  purgeConfirmationRefusal,
  purgeProposalExpiry,
  purgeProposalLapsed,
  type PurgeConfirmationRefusal,
  type PurgeProposalTerms,
} from './persons/purge-proposal';
export {
  AGE_BANDS,
  SUPPRESSION_THRESHOLD,
  ageBandOf,
  monthBoundary,
  statisticsScopeOf,
  suppressCells,
  suppressCount,
  suppressNestedCells,
  type AgeBand,
  type StatisticsScope,
  type WindowEnd,
} from './statistics';
export { mayAddToRequest, mayEditDraft, mayFileRequests } from './access/request-editing';
export { actingSide, mayView, relationToRequest, type RequestRelation } from './access/request-relation';
export {
  mayCreateTaskForce,
  mayManageTaskForceMembers,
  mayViewTaskForce,
  memberIsReadOnly,
  type TaskForceStanding,
} from './access/task-force-access';
export {
  decideOnwardSharing,
  providerOf,
  taskForceLinkRefusal,
  type TaskForceLinkRefusal,
} from './access/task-force-linking';
export {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordRefusal,
  passwordRefusalText,
  type PasswordOwner,
  type PasswordRefusal,
} from './accounts/password-policy';
export {
  idpSatisfiesSecondFactor,
  isSingleFactorAmr,
  type IdpAuthentication,
  type IdpSecondFactorPolicy,
} from './sign-in/idp-second-factor';
export { mayConfigureSingleSignOn } from './sign-in/single-sign-on-administration';
