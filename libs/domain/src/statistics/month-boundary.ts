const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Which end of a statistics window a boundary is: `from` counts from it, `to` up to it (exclusive). */
export type WindowEnd = 'from' | 'to';

/**
 * A statistics time filter as a calendar-month boundary (UTC), or null when it is not one: `YYYY-MM` (as `from`, the
 * month's start; as `to`, its end, so that month is counted), or an ISO 8601 instant that falls exactly on the start
 * of a month. Nothing finer is taken, so two windows never differ by less than a whole month of requests and one
 * request cannot be isolated by differencing them.
 */
export function monthBoundary(value: string, end: WindowEnd): Date | null {
  const month = MONTH.exec(value);
  if (month) {
    const index = Number(month[2]) - 1;
    return new Date(Date.UTC(Number(month[1]), end === 'from' ? index : index + 1, 1));
  }
  const instant = new Date(value);
  return isMonthStart(instant) ? instant : null;
}

function isMonthStart(date: Date): boolean {
  return !Number.isNaN(date.getTime()) && date.getUTCDate() === 1 && date.getTime() % 86_400_000 === 0;
}
