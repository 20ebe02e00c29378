import { describeWorkflow, type EventDescription, type WorkflowDescription } from './describe-workflow';
import type { RequestKind } from './request-kind';
import { STATE_GROUP_LABELS, STATE_GROUPS, type StateGroup } from './workflow-definition';

/**
 * The workflow as a Mermaid state diagram. Events open to a whole group of states start from one dashed node
 * for the group, and "back to the previous state" goes to each state the request can have come from.
 */
export function renderMermaid(kind: RequestKind): string {
  const workflow = describeWorkflow(kind);
  const groups = usedGroups(workflow);
  const lines = [
    'stateDiagram-v2',
    ...groups.map((group) => `  state "${STATE_GROUP_LABELS[group]}" as ${group}`),
    `  [*] --> ${workflow.initialState}`,
    ...workflow.events.flatMap((event) => edges(event).map(([from, to, label]) => `  ${from} --> ${to} : ${label}`)),
    ...workflow.states.filter((state) => state.final).map((state) => `  ${state.name} --> [*]`),
    ...(groups.length > 0
      ? ['  classDef group fill:none,stroke-dasharray:5 5', `  class ${groups.join(',')} group`]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}

function usedGroups(workflow: WorkflowDescription): StateGroup[] {
  const used = workflow.events.flatMap((event) => [
    ...(event.fromGroup ? [event.fromGroup] : []),
    ...(event.to.type === 'previous' ? event.to.groups : []),
  ]);
  return STATE_GROUPS.filter((group) => used.includes(group));
}

type Edge = [from: string, to: string, label: string];

function edges(event: EventDescription): Edge[] {
  const sources = event.fromGroup ? [event.fromGroup] : event.from;
  const who = `${event.sideName} ${event.roles.join('/')}`;
  const label = (detail?: string) => `${event.name}${detail ? `, ${detail}` : ''} (${who})`;
  const { to } = event;
  const targets: [string, string | undefined][] =
    to.type === 'state'
      ? [[to.state, undefined]]
      : to.type === 'branches'
        ? [
            ...to.branches.map((branch): [string, string] => [branch.to, branch.label]),
            [to.otherwise.to, to.otherwise.label],
          ]
        : previousTargets(to.states, to.groups);
  return sources.flatMap((from) => targets.map(([target, detail]): Edge => [from, target, label(detail)]));
}

/** Back to where the request was: to the group node when it came from a group, else to each state. */
function previousTargets(states: string[], groups: StateGroup[]): [string, string][] {
  const detail = 'back to the previous state';
  if (groups.length > 0) return groups.map((group) => [group, detail]);
  return states.map((state) => [state, detail]);
}
