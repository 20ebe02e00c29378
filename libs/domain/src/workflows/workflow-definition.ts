import type { Role } from '../access/role';
import type { Duration } from './duration';
import type { PayloadField } from './payload';
import type { RequestKind } from './request-kind';
import type { Side } from './side';

/**
 * One request kind's workflow as plain data: the single source for the rules (`decideTransition`), the
 * description clients read (`describeWorkflow`) and the diagrams in the docs (`renderMermaid`).
 */
export interface WorkflowDefinition<S extends string = string, E extends string = string, T extends string = string> {
  kind: RequestKind;
  initial: S;
  states: Readonly<Record<S, StateDefinition>>;
  /** One transition per event, in the order of its table in docs/domain.md. */
  events: Readonly<Record<E, TransitionDefinition<S, T>>>;
  timers: Readonly<Record<T, TimerDefinition>>;
  refusalGrounds: readonly RefusalGround[];
  /** Reasons the law says are no ground for refusal, shown beside the grounds. */
  notGrounds: readonly NotAGround[];
}

export interface StateDefinition {
  description: string;
  final?: boolean;
  /** Known only to the requesting side: the request has not left it yet. */
  internal?: boolean;
  /** Only the side that entered this state may resume from it (the halted repatriation). */
  heldByEnteringSide?: boolean;
  /** A child may be here only after a best-interests determination in favour of return (CRC Art. 3). */
  childNeedsBestInterests?: boolean;
}

/**
 * Where an event may be sent from: listed states, or a group.
 * `any_non_final`: every state that is not final; `any_active`: those that are also neither internal nor held.
 */
export type FromStates<S extends string> = readonly S[] | StateGroup;
export const STATE_GROUPS = ['any_non_final', 'any_active'] as const;
export type StateGroup = (typeof STATE_GROUPS)[number];
export const STATE_GROUP_LABELS: Readonly<Record<StateGroup, string>> = {
  any_non_final: 'any non-final state',
  any_active: 'any active state',
};

/** Who may send an event: one side, either, or the side that put the request on hold. */
export type SideRule = Side | 'either' | 'holding';

export type Target<S extends string> =
  S | { previous: true } | { branches: readonly Branch<S>[]; otherwise: S; otherwiseLabel: string };

/** A conditional target: the first branch whose condition holds wins. */
export interface Branch<S extends string> {
  when: Condition;
  to: S;
  label: string;
}

export type Condition = { payload: string; equals: string } | { fact: 'victimIsChild'; equals: boolean };

export const GUARDS = ['request_complete', 'urgent'] as const;
/** `request_complete`: UNTOC Art. 18(15) and the kind's additions; `urgent`: the request is marked urgent. */
export type Guard = (typeof GUARDS)[number];

export interface TransitionDefinition<S extends string, T extends string> {
  from: FromStates<S>;
  to: Target<S>;
  side: SideRule;
  /** Any one of these roles suffices. */
  roles: readonly Role[];
  payload?: readonly PayloadField[];
  guards?: readonly Guard[];
  /** Checks that warn without refusing. */
  warnings?: readonly 'request_language'[];
  timers?: TimerActions<T>;
  /** The filer hears of it even though the request is not closed (final states always count). */
  outcome?: boolean;
  /** Keeps a payload choice for later guards: the child's best-interests determination. */
  remember?: { bestInterestsOutcome: string };
  effects?: readonly EffectRule[];
  /** Ends or halts the request short of its purpose (refuse, withdraw, cancel, halt): asks for confirmation. */
  destructive?: boolean;
  note?: string;
  source?: string;
}

/**
 * What a transition does to the clocks, applied in this order: stop, pause, resume, restart, start.
 * Starting a clock that is already running or paused leaves it as it is; restarting begins it afresh.
 * Entering a final state stops every clock.
 */
export interface TimerActions<T extends string> {
  stop?: readonly T[];
  pause?: readonly T[] | 'all';
  resume?: readonly T[] | 'all';
  restart?: readonly T[];
  start?: readonly T[];
  /** Stops whichever of these clocks falls due first (one follow-up done). */
  stopNextDue?: readonly T[];
  /** A payload date the started clocks run from (the arrest, the consent, the return); otherwise now. */
  anchor?: string;
}

export interface TimerDefinition {
  description: string;
  duration: Duration;
  source: string;
  /** The requesting side's suggested deadline (UNTOC Art. 18(24)) shortens it. */
  cappedBySuggestedDeadline?: boolean;
}

export type EffectRule =
  | { type: 'reassign_requested_agency'; agencyField: string; source: string }
  | { type: 'offer_domestic_prosecution'; whenGround: string; source: string };

export interface RefusalGround {
  code: string;
  description: string;
  source: string;
}

export interface NotAGround {
  description: string;
  source: string;
}

/** Infers state, event and timer names from the literal, so a misspelt state or timer does not compile. */
export function defineWorkflow<S extends string, E extends string, T extends string>(
  definition: WorkflowDefinition<S, E, T>,
): WorkflowDefinition<S, E, T> {
  return definition;
}
