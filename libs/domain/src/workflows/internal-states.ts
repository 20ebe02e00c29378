import type { RequestKind } from './request-kind';
import { REQUEST_KINDS } from './request-kind';
import { isBeyondRequestingSide, isInternal, stateNames } from './workflow-queries';
import { workflowOf } from './workflows';

/** Whether a request in this state is still the requesting side's alone (its counterpart does not see it yet). */
export function isInternalState(kind: RequestKind, state: string): boolean {
  return isInternal(workflowOf(kind), state);
}

/** The internal states of a kind, for queries that must leave them out for the counterpart. */
export function internalStates(kind: RequestKind): string[] {
  return stateNames(workflowOf(kind)).filter((state) => isInternalState(kind, state));
}

/** Every (kind, state) pair still internal to the requesting side, for queries over several kinds. */
export function internalStatePairs(): [kind: RequestKind, state: string][] {
  return REQUEST_KINDS.flatMap((kind) => internalStates(kind).map((state): [RequestKind, string] => [kind, state]));
}

/**
 * Whether an accepted event of a request's history may be shown beyond the requesting side: what happened during its
 * internal phase (a submission, a return for amendment and its reason) stays with that side even once transmitted.
 */
export function isEventBeyondRequestingSide(kind: RequestKind, from: string, to: string): boolean {
  return isBeyondRequestingSide(workflowOf(kind), from, to);
}
