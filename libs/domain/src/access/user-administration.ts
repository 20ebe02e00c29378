import { hasRole, type Actor } from './actor';

/** An agency ADMIN manages the users of their own agency; a platform admin those of any agency. */
export function mayAdministerUsersOf(actor: Actor, agencyId: string): boolean {
  return actor.platformAdmin || (hasRole(actor, 'ADMIN') && actor.agencyId === agencyId);
}

/** Only the platform's operators create agencies. */
export function mayCreateAgencies(actor: Actor): boolean {
  return actor.platformAdmin;
}

/** Only the platform's operators retry or clear the failed jobs of the queues. */
export function mayOperateQueues(actor: Actor): boolean {
  return actor.platformAdmin;
}
