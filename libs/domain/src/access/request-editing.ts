import { hasRole, type Actor } from './actor';
import { actingSide, type RequestRelation } from './request-relation';

/** Requests are filed by officers and supervisors (central authorities) of the requesting agency. */
export function mayFileRequests(actor: Actor): boolean {
  return hasRole(actor, 'OFFICER', 'SUPERVISOR');
}

/** A draft, and its persons, are written by the requesting side's officers and supervisors. */
export function mayEditDraft(actor: Actor, relation: RequestRelation): boolean {
  return actingSide(actor, relation) === 'requesting';
}

/** Notes, attachments and links come from an officer or supervisor of either party. */
export function mayAddToRequest(actor: Actor, relation: RequestRelation): boolean {
  return actingSide(actor, relation) !== null;
}
