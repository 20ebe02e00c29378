import type { RequestKind } from './request-kind';
import { isInternal, stateNames } from './workflow-queries';
import { workflowOf } from './workflows';

/** Whether a request in this state is still the requesting side's alone (its counterpart does not see it yet). */
export function isInternalState(kind: RequestKind, state: string): boolean {
  return isInternal(workflowOf(kind), state);
}

/** The internal states of a kind, for queries that must leave them out for the counterpart. */
export function internalStates(kind: RequestKind): string[] {
  return stateNames(workflowOf(kind)).filter((state) => isInternalState(kind, state));
}
