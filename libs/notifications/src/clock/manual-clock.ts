import type { Clock } from './clock';

/** A clock that runs with real time plus an offset the caller moves: deadlines pass without anyone waiting. */
export class ManualClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Moves the clock to just after `instant`. */
  passTo(instant: Date, plusMs = 1): void {
    this.offsetMs = instant.getTime() + plusMs - Date.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
