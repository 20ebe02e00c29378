import type { Request, StoredTimer } from '@liaison/data';
import type { RequestFacts, TimerState, WorkflowPosition, WorkflowSnapshot } from '@liaison/domain';

/** The fields of a request that make its position in the workflow. */
export type PositionedRequest = Pick<
  Request,
  'state' | 'previousState' | 'heldBySide' | 'bestInterestsOutcome' | 'timers'
>;

/** The request as the workflow rules see it. */
export function toSnapshot(request: PositionedRequest, facts: RequestFacts): WorkflowSnapshot {
  return {
    state: request.state,
    previousState: request.previousState ?? undefined,
    heldBySide: request.heldBySide ?? undefined,
    bestInterestsOutcome: request.bestInterestsOutcome ?? undefined,
    timers: request.timers.map(fromStoredTimer),
    facts,
  };
}

/** Writes an accepted position and its clocks back onto the request. */
export function applyPosition(request: PositionedRequest, position: WorkflowPosition, timers: TimerState[]): void {
  request.state = position.state;
  request.previousState = position.previousState ?? null;
  request.heldBySide = position.heldBySide ?? null;
  request.bestInterestsOutcome = position.bestInterestsOutcome ?? null;
  request.timers = timers.map(toStoredTimer);
}

function fromStoredTimer(timer: StoredTimer): TimerState {
  return timer.status === 'running' ? { ...timer, dueAt: new Date(timer.dueAt) } : timer;
}

function toStoredTimer(timer: TimerState): StoredTimer {
  return timer.status === 'running' ? { ...timer, dueAt: timer.dueAt.toISOString() } : timer;
}
