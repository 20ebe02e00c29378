import { hasRole, type Actor } from './actor';
import type { Role } from './role';

/**
 * An agency's ADMINs manage its users. Platform admins have no say inside other agencies: they create an agency's
 * first administrator ({@link mayCreateFirstAdministrator}) and nothing more.
 */
export function mayAdministerUsersOf(actor: Actor, agencyId: string): boolean {
  return hasRole(actor, 'ADMIN') && actor.agencyId === agencyId;
}

/** A platform admin creates the first administrator of an agency that has none, with the ADMIN role alone. */
export function mayCreateFirstAdministrator(actor: Actor, roles: readonly Role[]): boolean {
  return actor.platformAdmin && roles.length === 1 && roles[0] === 'ADMIN';
}

/** Only the platform's operators create agencies. */
export function mayCreateAgencies(actor: Actor): boolean {
  return actor.platformAdmin;
}

/** Only the platform's operators retry or clear the failed jobs of the queues. */
export function mayOperateQueues(actor: Actor): boolean {
  return actor.platformAdmin;
}
