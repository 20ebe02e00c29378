import { needsPermissionToShareOnward, type Handling } from '../workflows/handling-code';
import { hasRole, type Actor } from './actor';
import type { RequestParties, RequestRelation } from './request-relation';
import type { TaskForceStanding } from './task-force-access';

/** Why a user may not link a request to (or unlink it from) a task force. */
export type TaskForceLinkRefusal = 'NOT_PARTY_SUPERVISOR' | 'NOT_WRITING_MEMBER';

/**
 * Linking shares a request with the task force: only the central authority (SUPERVISOR) of one of its two
 * agencies may do it, and only from inside the task force as a member who may change things.
 */
export function taskForceLinkRefusal(
  actor: Actor,
  relation: RequestRelation,
  standing: TaskForceStanding,
): TaskForceLinkRefusal | null {
  const party = relation === 'requesting' || relation === 'requested';
  if (!party || !hasRole(actor, 'SUPERVISOR')) return 'NOT_PARTY_SUPERVISOR';
  if (!standing.membership || standing.membership.readOnly) return 'NOT_WRITING_MEMBER';
  return null;
}

export interface OnwardSharing {
  handling: Handling;
  parties: RequestParties;
  /** Agencies that would see the request through the task force: its members' agencies and its lead agency. */
  viewingAgencyIds: readonly string[];
  /** The caller gives the provider's permission for the onward sharing. */
  permissionConfirmed: boolean;
  /** The caller's agency: only the provider's own word counts as its permission. */
  confirmingAgencyId: string;
}

/**
 * Refused: `permission_required`, the permission was not given; `not_provider`, it was, but by another agency than
 * the provider.
 */
export type OnwardSharingDecision =
  | { allowed: true; permission: 'not_needed' | 'confirmed'; thirdAgencyIds: string[] }
  | { allowed: false; refusal: 'permission_required' | 'not_provider'; thirdAgencyIds: string[] };

/** The agency that provided a request's information and chose its handling code: the requesting agency. */
export function providerOf(parties: RequestParties): string {
  return parties.requestingAgencyId;
}

/**
 * docs/domain.md, Handling codes: checked when a task force or a third agency would see the item. A request whose code
 * forbids onward sharing (H2, H3) reaches agencies beyond its two parties only with the provider's permission,
 * which the caller confirms and the trail records. The provider alone gives it: the receiving side and a task
 * force's lead may not.
 */
export function decideOnwardSharing(sharing: OnwardSharing): OnwardSharingDecision {
  const { requestingAgencyId, requestedAgencyId } = sharing.parties;
  const thirdAgencyIds = [...new Set(sharing.viewingAgencyIds)]
    .filter((agencyId) => agencyId !== requestingAgencyId && agencyId !== requestedAgencyId)
    .sort();
  if (thirdAgencyIds.length === 0 || !needsPermissionToShareOnward(sharing.handling)) {
    return { allowed: true, permission: 'not_needed', thirdAgencyIds };
  }
  if (!sharing.permissionConfirmed) return { allowed: false, refusal: 'permission_required', thirdAgencyIds };
  if (sharing.confirmingAgencyId !== providerOf(sharing.parties)) {
    return { allowed: false, refusal: 'not_provider', thirdAgencyIds };
  }
  return { allowed: true, permission: 'confirmed', thirdAgencyIds };
}
