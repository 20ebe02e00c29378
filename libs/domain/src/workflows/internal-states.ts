import type { RequestKind } from './request-kind';
import { REQUEST_KINDS } from './request-kind';
import { isBeyondRequestingSide, isFinal, isInternal, isWithRequestingSideAlone, stateNames } from './workflow-queries';
import { workflowOf } from './workflows';

/** Whether a request in this state is still the requesting side's alone (its counterpart does not see it yet). */
export function isInternalState(kind: RequestKind, state: string): boolean {
  return isInternal(workflowOf(kind), state);
}

/**
 * Whether a request (its kind, state and the state it entered that one from) is still its requesting side's alone:
 * internal, or withdrawn or cancelled before it was ever sent. The one rule for everything the counterpart, task
 * forces and their auditors may see of it.
 */
export function isKnownToRequestingSideAlone(
  kind: RequestKind,
  state: string,
  previousState: string | null | undefined,
): boolean {
  return isWithRequestingSideAlone(workflowOf(kind), state, previousState);
}

/** The internal states of a kind, for queries that must leave them out for the counterpart. */
export function internalStates(kind: RequestKind): string[] {
  return stateNames(workflowOf(kind)).filter((state) => isInternalState(kind, state));
}

/** Every (kind, state) pair that ends a request, for queries over several kinds. */
export function finalStatePairs(): [kind: RequestKind, state: string][] {
  return REQUEST_KINDS.flatMap((kind) => {
    const workflow = workflowOf(kind);
    return stateNames(workflow)
      .filter((state) => isFinal(workflow, state))
      .map((state): [RequestKind, string] => [kind, state]);
  });
}

/** Every (kind, state) pair still internal to the requesting side, for queries over several kinds. */
export function internalStatePairs(): [kind: RequestKind, state: string][] {
  return REQUEST_KINDS.flatMap((kind) => internalStates(kind).map((state): [RequestKind, string] => [kind, state]));
}

/**
 * Every (kind, final state, internal state) triple of a request that ended before it was sent: a final state entered
 * straight from an internal one, for queries over several kinds.
 */
export function endedUnsentTriples(): [kind: RequestKind, state: string, previousState: string][] {
  return REQUEST_KINDS.flatMap((kind) => {
    const internal = internalStates(kind);
    return finalStatePairs()
      .filter(([finalKind]) => finalKind === kind)
      .flatMap(([, state]) => internal.map((previous): [RequestKind, string, string] => [kind, state, previous]));
  });
}

/**
 * Whether an accepted event of a request's history may be shown beyond the requesting side: what happened during its
 * internal phase (a submission, a return for amendment and its reason) stays with that side even once transmitted.
 */
export function isEventBeyondRequestingSide(kind: RequestKind, from: string, to: string): boolean {
  return isBeyondRequestingSide(workflowOf(kind), from, to);
}
