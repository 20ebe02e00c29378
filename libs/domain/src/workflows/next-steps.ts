import type { Role } from '../access/role';
import type { WorkflowDescription } from './describe-workflow';
import { SIDES, type Side } from './side';

/** Who the request waits on: a role of one side's agency, and the events it is expected to send. */
export interface NextStep {
  side: Side;
  role: Role;
  /** In the workflow's order. */
  events: string[];
}

/**
 * The steps a request in `state` waits on, read from its workflow: the events offered from this very state, the
 * ways forward first.
 * Events open to any state (withdraw, cancel, halt) are always possible and are not what the request waits on.
 * A halted request waits on the side that halted it (`holdingSide`; both sides when it is not known).
 */
export function nextSteps(workflow: WorkflowDescription, state: string, holdingSide?: Side): NextStep[] {
  const steps: NextStep[] = [];
  for (const event of workflow.events) {
    if (event.fromGroup || !event.from.includes(state)) continue;
    for (const side of sidesOf(event.side, holdingSide)) {
      for (const role of event.roles) {
        const step = steps.find((each) => each.side === side && each.role === role);
        if (step) step.events.push(event.name);
        else steps.push({ side, role, events: [event.name] });
      }
    }
  }
  const order = (event: string) => (setsBack(workflow, event, state) ? 1 : 0);
  for (const step of steps) step.events.sort((a, b) => order(a) - order(b));
  return steps.sort((a, b) => SIDES.indexOf(a.side) - SIDES.indexOf(b.side));
}

/** Refusing, or sending the request back to an earlier state: named after the ways forward. */
function setsBack(workflow: WorkflowDescription, name: string, state: string): boolean {
  const event = workflow.events.find((each) => each.name === name);
  if (!event) return false;
  if (event.destructive) return true;
  const index = (each: string) => workflow.states.findIndex((described) => described.name === each);
  return event.to.type === 'state' && index(event.to.state) < index(state);
}

function sidesOf(rule: WorkflowDescription['events'][number]['side'], holdingSide?: Side): readonly Side[] {
  if (rule === 'either') return SIDES;
  if (rule === 'holding') return holdingSide ? [holdingSide] : SIDES;
  return [rule];
}

/**
 * Where a request waits on a side's role: `always`, whatever the request's history; `whenHolding`, only if this
 * side put it on hold (a halted repatriation). The worklist's filter.
 */
export function statesWaitingOn(
  workflow: WorkflowDescription,
  side: Side,
  role: Role,
): { always: string[]; whenHolding: string[] } {
  const waits = (state: string, holding: Side) =>
    nextSteps(workflow, state, holding).some((step) => step.side === side && step.role === role);
  const other: Side = side === 'requesting' ? 'requested' : 'requesting';
  const names = workflow.states.map((state) => state.name);
  return {
    always: names.filter((state) => waits(state, side) && waits(state, other)),
    whenHolding: names.filter((state) => waits(state, side) && !waits(state, other)),
  };
}
