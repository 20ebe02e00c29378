import type { EventDescription, WorkflowDescription } from '@liaison/domain';

export interface LaidOutState {
  name: string;
  layer: number;
  row: number;
  final: boolean;
  internal: boolean;
}

export interface Edge {
  from: string;
  to: string;
  event: string;
}

/** States an event can lead to (a return to the previous state has no fixed target and is not drawn). */
export function targetsOf(event: EventDescription): string[] {
  const { to } = event;
  if (to.type === 'state') return [to.state];
  if (to.type === 'branches') return [...to.branches.map((branch) => branch.to), to.otherwise.to];
  return [];
}

/**
 * Columns by distance from the initial state (breadth first over every event), rows in table order.
 * Events sent from a whole group of states (withdraw, halt…) count for the distance but are not drawn as
 * edges: they would connect everything to everything; the diagram lists them apart.
 */
export function layOut(workflow: WorkflowDescription): {
  states: LaidOutState[];
  edges: Edge[];
  groupEvents: EventDescription[];
} {
  const layer = new Map<string, number>([[workflow.initialState, 0]]);
  const queue = [workflow.initialState];
  while (queue.length > 0) {
    const state = queue.shift() as string;
    const depth = layer.get(state) as number;
    for (const event of workflow.events.filter((candidate) => candidate.from.includes(state))) {
      for (const target of targetsOf(event)) {
        if (!layer.has(target)) {
          layer.set(target, depth + 1);
          queue.push(target);
        }
      }
    }
  }
  const deepest = Math.max(...layer.values());
  const rows = new Map<number, number>();
  const states = workflow.states.map((state) => {
    const column = layer.get(state.name) ?? deepest + 1;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    return { name: state.name, layer: column, row, final: state.final, internal: state.internal };
  });
  const drawn = workflow.events.filter((event) => !event.fromGroup);
  const edges = drawn.flatMap((event) =>
    event.from.flatMap((from) => targetsOf(event).map((to) => ({ from, to, event: event.name }))),
  );
  const unique = [...new Map(edges.map((edge) => [`${edge.from}>${edge.to}`, edge])).values()];
  return { states, edges: unique, groupEvents: workflow.events.filter((event) => !!event.fromGroup) };
}
