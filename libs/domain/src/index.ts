export { hasRole, type Actor } from './access/actor';
export { ROLES, isRole, type Role } from './access/role';
export { mayAdministerUsersOf, mayCreateAgencies } from './access/user-administration';
export { AGENCY_TYPES, type AgencyType } from './agencies/agency-type';
export * from './workflows';
