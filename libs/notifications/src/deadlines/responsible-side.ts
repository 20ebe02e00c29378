import type { Side, WorkflowDefinition } from '@liaison/domain';

/**
 * The side whose move stops a clock: the side of the events that stop it. A clock no single side's event stops
 * (it ends only with the request) belongs to the requested side, which is asked to act.
 */
export function responsibleSide(workflow: WorkflowDefinition, timer: string): Side {
  for (const transition of Object.values(workflow.events)) {
    const actions = transition.timers;
    const stops = [...(actions?.stop ?? []), ...(actions?.stopNextDue ?? [])].includes(timer);
    if (stops && (transition.side === 'requesting' || transition.side === 'requested')) return transition.side;
  }
  return 'requested';
}
