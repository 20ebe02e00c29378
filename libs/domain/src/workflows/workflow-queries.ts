import type { FromStates, TransitionDefinition, WorkflowDefinition } from './workflow-definition';

type AnyTransition = TransitionDefinition<string, string>;

export function stateNames(workflow: WorkflowDefinition): string[] {
  return Object.keys(workflow.states);
}

export function eventNames(workflow: WorkflowDefinition): string[] {
  return Object.keys(workflow.events);
}

export function isState(workflow: WorkflowDefinition, state: string): boolean {
  return Object.hasOwn(workflow.states, state);
}

/** Known to the requesting side alone: a draft, or a request under its own central authority's review. */
export function isInternal(workflow: WorkflowDefinition, state: string): boolean {
  return workflow.states[state]?.internal === true;
}

export function isFinal(workflow: WorkflowDefinition, state: string): boolean {
  return workflow.states[state]?.final === true;
}

/**
 * Whether a request in `state`, entered from `previousState`, has never left its requesting side: it is in an internal
 * state, or ended straight from one (withdrawn or cancelled before it was sent). No event leads from a state others
 * know back into an internal one, so the state a final one was entered from says whether it was ever sent.
 */
export function isWithRequestingSideAlone(
  workflow: WorkflowDefinition,
  state: string,
  previousState: string | null | undefined,
): boolean {
  if (isInternal(workflow, state)) return true;
  return isFinal(workflow, state) && typeof previousState === 'string' && isInternal(workflow, previousState);
}

/**
 * Whether an event from `from` to `to` is known beyond the requesting side: not when it happens wholly within the
 * side's internal phase (submission, return for amendment) or ends the request before it ever left (withdrawal).
 */
export function isBeyondRequestingSide(workflow: WorkflowDefinition, from: string, to: string): boolean {
  return !isInternal(workflow, from) || (!isInternal(workflow, to) && !isFinal(workflow, to));
}

/** The transition an event triggers, or undefined when the event is not part of this workflow. */
export function transitionOf(workflow: WorkflowDefinition, event: string): AnyTransition | undefined {
  return Object.hasOwn(workflow.events, event) ? workflow.events[event] : undefined;
}

/** The states a `from` clause covers, in the workflow's order. */
export function expandFrom(workflow: WorkflowDefinition, from: FromStates<string>): string[] {
  if (from === 'any_non_final') return stateNames(workflow).filter((state) => !isFinal(workflow, state));
  if (from === 'any_active') return stateNames(workflow).filter((state) => isActive(workflow, state));
  return [...from];
}

/** Neither final, nor still with the requesting side alone, nor on hold. */
function isActive(workflow: WorkflowDefinition, state: string): boolean {
  const definition = workflow.states[state];
  return !definition.final && !definition.internal && !definition.heldByEnteringSide;
}

/** Every state a transition can lead to (each branch; for a return to the previous state, none is known). */
export function possibleTargets(transition: AnyTransition): string[] {
  const { to } = transition;
  if (typeof to === 'string') return [to];
  if ('previous' in to) return [];
  return [...to.branches.map((branch) => branch.to), to.otherwise];
}
