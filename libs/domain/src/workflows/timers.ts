import { addDuration, type Duration } from './duration';
import { deadlineOverride } from './legal-basis';
import type { RequestFacts } from './request-facts';
import type { TimerActions, WorkflowDefinition } from './workflow-definition';

/** A clock of a request: running towards its due date, or paused with the time it had left. */
export type TimerState =
  { name: string; status: 'running'; dueAt: Date } | { name: string; status: 'paused'; remainingMs: number };

export type TimerEffect =
  | { type: 'start_timer'; timer: string; dueAt: Date; source: string }
  | { type: 'stop_timer'; timer: string }
  | { type: 'pause_timer'; timer: string; remainingMs: number }
  | { type: 'resume_timer'; timer: string; dueAt: Date };

export interface ResolvedDeadline {
  duration: Duration;
  source: string;
}

const SUGGESTED_DEADLINE_SOURCE = 'Deadline suggested by the requesting side (UNTOC Art. 18(24))';

/** The time left on a clock; negative once overdue. */
export function timeRemaining(timer: TimerState, now: Date): number {
  return timer.status === 'paused' ? timer.remainingMs : timer.dueAt.getTime() - now.getTime();
}

/** A timer's length under the request's legal basis, or the workflow default, with its source. */
export function resolveDeadline(
  workflow: WorkflowDefinition,
  timer: string,
  facts: Pick<RequestFacts, 'legalBasis'>,
): ResolvedDeadline {
  const override = deadlineOverride(facts.legalBasis, workflow.kind, timer);
  const { duration, source } = workflow.timers[timer];
  return override ? { duration: { days: override.days }, source: override.source } : { duration, source };
}

export interface ClockChange {
  timers: TimerState[];
  effects: TimerEffect[];
}

interface ClockSetting {
  workflow: WorkflowDefinition;
  facts: RequestFacts;
  now: Date;
  /** When the started clocks run from. */
  anchor: Date;
  /** Entering a final state stops every clock. */
  final: boolean;
}

/** Applies a transition's timer actions to the request's clocks. */
export function changeClocks(
  current: readonly TimerState[],
  actions: TimerActions<string> | undefined,
  setting: ClockSetting,
): ClockChange {
  const clocks = new Map(current.map((timer) => [timer.name, timer]));
  const effects: TimerEffect[] = [];
  const { now } = setting;

  const stop = (name: string) => {
    if (clocks.delete(name)) effects.push({ type: 'stop_timer', timer: name });
  };
  const pause = (name: string) => {
    const timer = clocks.get(name);
    if (timer?.status !== 'running') return;
    const remainingMs = timeRemaining(timer, now);
    clocks.set(name, { name, status: 'paused', remainingMs });
    effects.push({ type: 'pause_timer', timer: name, remainingMs });
  };
  const resume = (name: string) => {
    const timer = clocks.get(name);
    if (timer?.status !== 'paused') return;
    const dueAt = new Date(now.getTime() + timer.remainingMs);
    clocks.set(name, { name, status: 'running', dueAt });
    effects.push({ type: 'resume_timer', timer: name, dueAt });
  };
  const start = (name: string) => {
    if (clocks.has(name)) return;
    const { dueAt, source } = dueDate(name, setting);
    clocks.set(name, { name, status: 'running', dueAt });
    effects.push({ type: 'start_timer', timer: name, dueAt, source });
  };
  const all = (names: readonly string[] | 'all' | undefined) => (names === 'all' ? [...clocks.keys()] : (names ?? []));

  if (setting.final) {
    [...clocks.keys()].forEach(stop);
    return { timers: [...clocks.values()], effects };
  }
  actions?.stop?.forEach(stop);
  const nextDue = nextDueOf(actions?.stopNextDue ?? [], clocks, now);
  if (nextDue) stop(nextDue);
  all(actions?.pause).forEach(pause);
  all(actions?.resume).forEach(resume);
  actions?.restart?.forEach((name) => {
    stop(name);
    start(name);
  });
  actions?.start?.forEach(start);
  return { timers: [...clocks.values()], effects };
}

function dueDate(name: string, { workflow, facts, anchor }: ClockSetting): { dueAt: Date; source: string } {
  const { duration, source } = resolveDeadline(workflow, name, facts);
  const dueAt = addDuration(anchor, duration);
  const suggested = facts.suggestedDeadline;
  if (workflow.timers[name].cappedBySuggestedDeadline && suggested && suggested < dueAt) {
    return { dueAt: suggested, source: SUGGESTED_DEADLINE_SOURCE };
  }
  return { dueAt, source };
}

function nextDueOf(names: readonly string[], clocks: Map<string, TimerState>, now: Date): string | undefined {
  const present = names.flatMap((name) => clocks.get(name) ?? []);
  present.sort((a, b) => timeRemaining(a, now) - timeRemaining(b, now));
  return present[0]?.name;
}
