import type { Role } from '../access/role';
import { completenessItems, type CompletenessItem } from './completeness';
import type { Duration } from './duration';
import type { LegalBasis } from './legal-basis';
import type { PayloadField } from './payload';
import { REQUEST_KIND_TITLES, type RequestKind } from './request-kind';
import { sideName, SIDES, type Side } from './side';
import { resolveDeadline } from './timers';
import type {
  Condition,
  EffectRule,
  Guard,
  NotAGround,
  RefusalGround,
  SideRule,
  StateGroup,
  TimerActions,
  TransitionDefinition,
  WorkflowDefinition,
} from './workflow-definition';
import { expandFrom, possibleTargets, stateNames } from './workflow-queries';
import { workflowOf } from './workflows';

/** A workflow as JSON, for `GET /v1/workflows/:kind`: clients show allowed actions and build forms from it. */
export interface WorkflowDescription {
  kind: RequestKind;
  title: string;
  /** What each side is called in this kind of request. */
  sides: Record<Side, string>;
  initialState: string;
  states: StateDescription[];
  events: EventDescription[];
  timers: TimerDescription[];
  refusalGrounds: RefusalGround[];
  notGrounds: NotAGround[];
  /** What submission requires (UNTOC Art. 18(15) and the kind's additions). */
  completeness: CompletenessItem[];
  /** The legal basis the timers were resolved for, if any. */
  legalBasisId?: string;
}

export interface StateDescription {
  name: string;
  description: string;
  final: boolean;
  internal: boolean;
  heldByEnteringSide: boolean;
  childNeedsBestInterests: boolean;
}

export interface EventDescription {
  name: string;
  /** Every state the event may be sent from. */
  from: string[];
  /** Set when `from` is a group rather than a list. */
  fromGroup?: StateGroup;
  to: TargetDescription;
  side: SideRule;
  /** `side` as the field calls it for this kind (`receiving`, `origin`...). */
  sideName: string;
  roles: Role[];
  payload: PayloadField[];
  guards: Guard[];
  warnings: string[];
  timers: TimerActions<string>;
  /** The filer is notified. */
  outcome: boolean;
  effects: EffectRule[];
  /** Ends or halts the request short of its purpose: clients ask for confirmation. */
  destructive: boolean;
  note?: string;
  source?: string;
}

export type TargetDescription =
  | { type: 'state'; state: string }
  /** Back to the state the request was in before; `states` lists those it can be. */
  | { type: 'previous'; states: string[]; groups: StateGroup[] }
  | {
      type: 'branches';
      branches: { when: Condition; to: string; label: string }[];
      otherwise: { to: string; label: string };
    };

export interface TimerDescription {
  name: string;
  description: string;
  duration: Duration;
  source: string;
  /** The requesting side's suggested deadline shortens it (UNTOC Art. 18(24)). */
  cappedBySuggestedDeadline: boolean;
}

/** The workflow of a kind; with a legal basis, the timers show that basis's figures. */
export function describeWorkflow(kind: RequestKind, legalBasis?: LegalBasis): WorkflowDescription {
  const workflow = workflowOf(kind);
  return {
    kind,
    title: REQUEST_KIND_TITLES[kind],
    sides: { requesting: sideName(kind, 'requesting'), requested: sideName(kind, 'requested') },
    initialState: workflow.initial,
    states: stateNames(workflow).map((name) => describeState(workflow, name)),
    events: Object.entries(workflow.events).map(([name, transition]) => describeEvent(workflow, name, transition)),
    timers: Object.entries(workflow.timers).map(([name, timer]) => ({
      name,
      description: timer.description,
      ...resolveDeadline(workflow, name, { legalBasis }),
      cappedBySuggestedDeadline: timer.cappedBySuggestedDeadline === true,
    })),
    refusalGrounds: [...workflow.refusalGrounds],
    notGrounds: [...workflow.notGrounds],
    completeness: [...completenessItems(kind)],
    ...(legalBasis && { legalBasisId: legalBasis.id }),
  };
}

function describeState(workflow: WorkflowDefinition, name: string): StateDescription {
  const state = workflow.states[name];
  return {
    name,
    description: state.description,
    final: state.final === true,
    internal: state.internal === true,
    heldByEnteringSide: state.heldByEnteringSide === true,
    childNeedsBestInterests: state.childNeedsBestInterests === true,
  };
}

function describeEvent(
  workflow: WorkflowDefinition,
  name: string,
  transition: TransitionDefinition<string, string>,
): EventDescription {
  const from = expandFrom(workflow, transition.from);
  return {
    name,
    from,
    ...(typeof transition.from === 'string' && { fromGroup: transition.from }),
    to: describeTarget(workflow, transition, from),
    side: transition.side,
    sideName: describeSide(workflow.kind, transition.side),
    roles: [...transition.roles],
    payload: [...(transition.payload ?? [])],
    guards: [...(transition.guards ?? [])],
    warnings: [...(transition.warnings ?? [])],
    timers: transition.timers ?? {},
    outcome: transition.outcome === true,
    effects: [...(transition.effects ?? [])],
    destructive: transition.destructive === true,
    ...(transition.note && { note: transition.note }),
    ...(transition.source && { source: transition.source }),
  };
}

function describeSide(kind: RequestKind, side: SideRule): string {
  if (side === 'either') return SIDES.map((each) => sideName(kind, each)).join(' or ');
  if (side === 'holding') return 'halting';
  return sideName(kind, side);
}

function describeTarget(
  workflow: WorkflowDefinition,
  transition: TransitionDefinition<string, string>,
  from: string[],
): TargetDescription {
  const { to } = transition;
  if (typeof to === 'string') return { type: 'state', state: to };
  if ('previous' in to) return { type: 'previous', ...enteredFrom(workflow, from) };
  return {
    type: 'branches',
    branches: to.branches.map(({ when, to: state, label }) => ({ when, to: state, label })),
    otherwise: { to: to.otherwise, label: to.otherwiseLabel },
  };
}

/** The states (and groups) from which a request can have come into any of `states`. */
function enteredFrom(workflow: WorkflowDefinition, states: string[]): { states: string[]; groups: StateGroup[] } {
  const entering = Object.values(workflow.events).filter((transition) =>
    possibleTargets(transition).some((target) => states.includes(target)),
  );
  const sources = new Set(entering.flatMap((transition) => expandFrom(workflow, transition.from)));
  const groups = new Set(
    entering.flatMap((transition) => (typeof transition.from === 'string' ? [transition.from] : [])),
  );
  return { states: stateNames(workflow).filter((state) => sources.has(state)), groups: [...groups] };
}
