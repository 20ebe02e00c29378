import type { WorkflowDescription } from '@liaison/domain';

type Event = WorkflowDescription['events'][number];

/**
 * The usual course of a request, from the draft to its successful end: at each state the first way forward
 * (not refusing, ending or going back, not open to every state), a child's branch where the victim is a child,
 * and for a decision the outcome that carries the request on. A readable spine for the full diagram.
 */
export function usualCourse(workflow: WorkflowDescription, childVictim = false): string[] {
  const course = [workflow.initialState];
  const stateOf = (name: string) => workflow.states.find((state) => state.name === name);
  const onwardFrom = (state: string) =>
    workflow.events
      .filter((event) => !event.fromGroup && !event.destructive && event.from.includes(state))
      .map((event) => targetOf(event, childVictim, workflow))
      .filter((target): target is string => target !== undefined);
  // a side trip (asking for information, postponing) only comes back to where the request was
  const leadsOn = (state: string) =>
    stateOf(state)?.final === true || onwardFrom(state).some((target) => target !== state && !course.includes(target));
  for (;;) {
    const current = course[course.length - 1];
    if (stateOf(current)?.final) return course;
    const next = onwardFrom(current).find(
      (target) => !course.includes(target) && !stateOf(target)?.heldByEnteringSide && leadsOn(target),
    );
    if (!next) return course;
    course.push(next);
  }
}

function targetOf(event: Event, childVictim: boolean, workflow: WorkflowDescription): string | undefined {
  const { to } = event;
  if (to.type === 'state') return to.state;
  if (to.type === 'previous') return undefined;
  const fact = to.branches.find((branch) => 'fact' in branch.when);
  if (fact) return childVictim === (fact.when as { equals: boolean }).equals ? fact.to : to.otherwise.to;
  const onward = to.branches.find((branch) => {
    const state = workflow.states.find((each) => each.name === branch.to);
    return state && !state.final && !state.heldByEnteringSide;
  });
  return onward?.to ?? to.otherwise.to;
}
