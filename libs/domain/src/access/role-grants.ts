import { hasRole, type Actor } from './actor';
import { ROLES, type Role } from './role';

/** What an administrator grants: a role within the grantee's agency, or the platform-admin flag. */
export const GRANTS = [...ROLES, 'PLATFORM_ADMIN'] as const;
export type Grant = (typeof GRANTS)[number];

/**
 * Grants that a second administrator must confirm (four eyes): the central authority's power to approve and
 * decide, the auditor's reading of the trail, and operating the platform.
 */
const SECOND_ADMINISTRATOR_GRANTS: readonly Grant[] = ['SUPERVISOR', 'AUDITOR', 'PLATFORM_ADMIN'];

export function needsSecondAdministrator(grant: Grant): boolean {
  return SECOND_ADMINISTRATOR_GRANTS.includes(grant);
}

/** The roles a change adds, split into those that apply at once and those that wait for a second administrator. */
export function addedRoles(
  current: readonly Role[],
  requested: readonly Role[],
): { immediate: Role[]; pending: Role[] } {
  const added = requested.filter((role) => !current.includes(role));
  return {
    immediate: added.filter((role) => !needsSecondAdministrator(role)),
    pending: added.filter((role) => needsSecondAdministrator(role)),
  };
}

export type ProposalRefusal = 'self_grant' | 'platform_admins_only';

/** Why the actor may not grant these to the grantee: no one grants themselves anything; the flag is operators'. */
export function proposalRefusal(actor: Actor, granteeId: string, grants: readonly Grant[]): ProposalRefusal | null {
  if (!grants.length) return null;
  if (granteeId === actor.userId) return 'self_grant';
  if (grants.includes('PLATFORM_ADMIN') && !actor.platformAdmin) return 'platform_admins_only';
  return null;
}

/** A grant waiting for its second administrator, as the rules see it. */
export interface PendingGrant {
  grant: Grant;
  agencyId: string;
  userId: string;
  proposedById: string;
}

/** Who decides a pending grant: the grantee agency's ADMINs for a role, platform admins for the flag. */
export function mayDecideGrant(actor: Actor, pending: PendingGrant): boolean {
  if (pending.grant === 'PLATFORM_ADMIN') return actor.platformAdmin;
  return hasRole(actor, 'ADMIN') && actor.agencyId === pending.agencyId;
}

export type ConfirmationRefusal = 'own_proposal' | 'own_grant';

/** The second administrator must be a second person: neither the one who proposed it nor the one who would get it. */
export function confirmationRefusal(actor: Actor, pending: PendingGrant): ConfirmationRefusal | null {
  if (pending.proposedById === actor.userId) return 'own_proposal';
  if (pending.userId === actor.userId) return 'own_grant';
  return null;
}
