import { hasRole, type Actor } from './actor';
import type { Side } from '../workflows/side';

/** How a user stands to a request: one of its two agencies, a member of a linked task force, or a stranger. */
export type RequestRelation = 'requesting' | 'requested' | 'task_force' | 'none';

export interface RequestParties {
  requestingAgencyId: string;
  requestedAgencyId: string;
  /** In a state known to the requesting side alone (a draft, a request under its own review). */
  internal?: boolean;
}

/**
 * docs/architecture.md, Access: visible to its two agencies and to members of task forces it is linked to; while it is
 * still internal to the requesting side (draft, under review), to that side only.
 */
export function relationToRequest(actor: Actor, parties: RequestParties, inLinkedTaskForce: boolean): RequestRelation {
  if (actor.agencyId === parties.requestingAgencyId) return 'requesting';
  if (parties.internal) return 'none';
  if (actor.agencyId === parties.requestedAgencyId) return 'requested';
  return inLinkedTaskForce ? 'task_force' : 'none';
}

export function mayView(relation: RequestRelation): boolean {
  return relation !== 'none';
}

/** Only officers and supervisors of a party act on a request; auditors and task-force members read. */
export function actingSide(actor: Actor, relation: RequestRelation): Side | null {
  if (relation !== 'requesting' && relation !== 'requested') return null;
  return hasRole(actor, 'OFFICER', 'SUPERVISOR') ? relation : null;
}
