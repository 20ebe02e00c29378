import type { Request } from '@liaison/data';
import { actingSide, hasRole, workflowOf, type Actor, type RequestRelation } from '@liaison/domain';
import { notADraft, notYours } from './request-problems';

/** Requests are filed by officers and supervisors (central authorities) of the requesting agency. */
export function assertMayFile(actor: Actor): void {
  if (!hasRole(actor, 'OFFICER', 'SUPERVISOR')) throw notYours('Only officers and supervisors file requests');
}

/** Drafts, and their persons, are written by the requesting side's officers and supervisors. */
export function assertRequestingEditor(actor: Actor, relation: RequestRelation): void {
  if (actingSide(actor, relation) !== 'requesting') {
    throw notYours("Only the requesting agency's officers and supervisors edit a draft");
  }
}

/** Notes, attachments and links come from an officer or supervisor of either party. */
export function assertActingParty(actor: Actor, relation: RequestRelation): void {
  if (!actingSide(actor, relation)) throw notYours("Only the two agencies' officers and supervisors add to a request");
}

export function isDraft(request: Request): boolean {
  return request.state === workflowOf(request.kind).initial;
}

export function assertDraft(request: Request): void {
  if (!isDraft(request)) throw notADraft();
}

export function isFinal(request: Request): boolean {
  return workflowOf(request.kind).states[request.state]?.final === true;
}
