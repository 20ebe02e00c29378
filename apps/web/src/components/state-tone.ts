import { describeWorkflow, type RequestKind, type WorkflowDescription } from '@liaison/domain';

/**
 * What a state means at a glance: `draft`; `waiting` for an approval, an acknowledgement, information or the end
 * of a postponement or halt; `active`, being worked on; `done`; `ended` short of its purpose (refused, withdrawn,
 * cancelled, released). Read from the workflow's own description.
 */
export type StateTone = 'draft' | 'waiting' | 'active' | 'done' | 'ended';

export function stateTone(workflow: WorkflowDescription, state: string): StateTone {
  const described = workflow.states.find((each) => each.name === state);
  if (!described) return 'active';
  const entering = workflow.events.filter((event) => event.to.type === 'state' && event.to.state === state);
  if (described.final) return entering.some((event) => event.destructive) ? 'ended' : 'done';
  if (state === workflow.initialState) return 'draft';
  const paused = entering.some((event) => event.timers.pause !== undefined);
  const acknowledged = workflow.events.some((event) => event.name === 'acknowledge' && event.from.includes(state));
  return described.internal || described.heldByEnteringSide || paused || acknowledged ? 'waiting' : 'active';
}

const workflows = new Map<RequestKind, WorkflowDescription>();

/** The tone of a kind's state, with the kind's workflow described once. */
export function toneOf(kind: RequestKind, state: string): StateTone {
  if (!workflows.has(kind)) workflows.set(kind, describeWorkflow(kind));
  return stateTone(workflows.get(kind) as WorkflowDescription, state);
}
