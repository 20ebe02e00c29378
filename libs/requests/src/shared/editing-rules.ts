import type { Request } from '@liaison/data';
import {
  mayAddToRequest,
  mayEditDraft,
  mayFileRequests,
  workflowOf,
  type Actor,
  type RequestRelation,
} from '@liaison/domain';
import { notADraft, notYours } from '../requests-problems';

export function assertMayFile(actor: Actor): void {
  if (!mayFileRequests(actor)) throw notYours('Only officers and supervisors file requests');
}

export function assertRequestingEditor(actor: Actor, relation: RequestRelation): void {
  if (!mayEditDraft(actor, relation))
    throw notYours("Only the requesting agency's officers and supervisors edit a draft");
}

export function assertActingParty(actor: Actor, relation: RequestRelation): void {
  if (!mayAddToRequest(actor, relation)) {
    throw notYours("Only the two agencies' officers and supervisors add to a request");
  }
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
