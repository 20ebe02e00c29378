import type { RequestKind } from './request-kind';
import { otherSide, SIDES, type Side } from './side';
import type { SideRule, TransitionDefinition, WorkflowDefinition } from './workflow-definition';
import { expandFrom, isBeyondRequestingSide, isFinal } from './workflow-queries';

/**
 * Who hears of a transition, by reference only: the write path resolves them to users and channels.
 * `party` is the officers or supervisors of the requesting or requested agency (after any reassignment in
 * the same decision); `filer` is the officer who filed the request.
 */
export type Recipient =
  { type: 'party'; side: Side; role: 'OFFICER' | 'SUPERVISOR' } | { type: 'task_force' } | { type: 'filer' };

/**
 * Why they hear of it: `counterpart`, the other side's officers; `task_force`, members of the linked task
 * force; `decision_owed`, supervisors whose central authority must act next; `outcome`, the filer.
 */
export type NotificationReason = 'counterpart' | 'task_force' | 'decision_owed' | 'outcome';

/** One notification per recipient group: references and states, never personal data. */
export interface NotifyEffect {
  type: 'notify';
  recipient: Recipient;
  reason: NotificationReason;
  kind: RequestKind;
  event: string;
  from: string;
  to: string;
}

export interface NotificationSetting {
  workflow: WorkflowDefinition;
  transition: TransitionDefinition<string, string>;
  event: string;
  from: string;
  to: string;
  actorSide: Side;
  taskForceLinked: boolean;
}

export function notificationsFor(setting: NotificationSetting): NotifyEffect[] {
  const { workflow, transition, event, from, to, actorSide, taskForceLinked } = setting;
  const notify = (recipient: Recipient, reason: NotificationReason): NotifyEffect => ({
    type: 'notify',
    recipient,
    reason,
    kind: workflow.kind,
    event,
    from,
    to,
  });
  // before transmission the request is the requesting side's own business, and so is withdrawing it then
  const visible = isBeyondRequestingSide(workflow, from, to);
  return [
    ...(visible ? [notify({ type: 'party', side: otherSide(actorSide), role: 'OFFICER' }, 'counterpart')] : []),
    ...(visible && taskForceLinked ? [notify({ type: 'task_force' }, 'task_force')] : []),
    ...sidesOwingDecision(workflow, to, actorSide).map((side) =>
      notify({ type: 'party', side, role: 'SUPERVISOR' }, 'decision_owed'),
    ),
    ...(isFinal(workflow, to) || transition.outcome ? [notify({ type: 'filer' }, 'outcome')] : []),
  ];
}

/**
 * Sides whose central authority alone can move the request on from `state` (the approvals they owe); events
 * open to any state, such as withdraw, do not count.
 */
export function sidesOwingDecision(workflow: WorkflowDefinition, state: string, actorSide: Side): Side[] {
  const owed = Object.values(workflow.events)
    .filter((transition) => Array.isArray(transition.from) && expandFrom(workflow, transition.from).includes(state))
    .filter((transition) => transition.roles.length > 0 && transition.roles.every((role) => role === 'SUPERVISOR'))
    .flatMap((transition) => sidesOf(transition.side, actorSide));
  return SIDES.filter((side) => owed.includes(side));
}

function sidesOf(rule: SideRule, actorSide: Side): Side[] {
  if (rule === 'either') return [...SIDES];
  if (rule === 'holding') return [actorSide];
  return [rule];
}
