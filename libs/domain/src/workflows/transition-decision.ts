import type { CompletenessItem } from './completeness';
import type { NotifyEffect } from './notifications';
import type { FieldProblem } from './payload';
import type { TimerEffect, TimerState } from './timers';
import type { WorkflowPosition } from './workflow-snapshot';

export const REFUSAL_REASONS = [
  /** The snapshot does not fit the workflow (unknown state, no previous state to return to). */
  'INVALID_SNAPSHOT',
  'UNKNOWN_EVENT',
  'WRONG_STATE',
  'WRONG_SIDE',
  'WRONG_ROLE',
  'MISSING_PAYLOAD',
  'INVALID_PAYLOAD',
  /** Submission without what UNTOC Art. 18(15) and the kind's additions require. */
  'INCOMPLETE_REQUEST',
  /** Provisional arrest on a request not marked urgent (UNTOC Art. 16(9)). */
  'NOT_URGENT',
  /** A child on the way to return without a best-interests determination in favour of it. */
  'BEST_INTERESTS_REQUIRED',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** The rules refuse the event: nothing changes, and the refusal itself goes into the audit trail. */
export interface TransitionRefusal {
  ok: false;
  reason: RefusalReason;
  message: string;
  fields?: readonly FieldProblem[];
  missing?: readonly CompletenessItem[];
}

export type WorkflowEffect =
  | TimerEffect
  | NotifyEffect
  /** Forwarded to the competent agency, which becomes the requested agency before anyone is notified. */
  | { type: 'reassign_requested_agency'; agencyId: string; source: string }
  /** Extradition refused for nationality: offer a linked domestic-prosecution follow-up (aut dedere aut judicare). */
  | { type: 'offer_domestic_prosecution'; source: string };

/** The rules accept the event: persist `next` and `timers`, and one outbox row per effect, in order. */
export interface TransitionAcceptance {
  ok: true;
  event: string;
  from: string;
  nextState: string;
  next: WorkflowPosition;
  timers: TimerState[];
  effects: WorkflowEffect[];
  /** Accepted, but worth telling the sender (a language the requested agency does not accept). */
  warnings: string[];
}

export type TransitionDecision = TransitionAcceptance | TransitionRefusal;
