import type { Role } from '../access/role';
import type { Payload } from './payload';
import type { RequestFacts } from './request-facts';
import type { Side } from './side';
import type { TimerState } from './timers';

/** Where a request stands in its workflow: what the write path persists after each accepted event. */
export interface WorkflowPosition {
  state: string;
  /** The state left by the last transition: where `provide_information` and `resume` return to. */
  previousState?: string;
  /** The side that put the request on hold, which alone may resume it. */
  heldBySide?: Side;
  /** The child's best-interests determination, once recorded (`return` or `no_return`). */
  bestInterestsOutcome?: string;
}

/** Everything the rules read to decide one event. */
export interface WorkflowSnapshot extends WorkflowPosition {
  /** The request's running and paused clocks. */
  timers: readonly TimerState[];
  facts: RequestFacts;
}

export interface WorkflowEvent {
  type: string;
  payload?: Payload;
}

/** Who sends the event, as a party to the request, and when. */
export interface TransitionContext {
  side: Side;
  roles: readonly Role[];
  now: Date;
}
