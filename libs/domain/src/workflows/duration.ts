/** A deadline's length: calendar days, or calendar months for the long follow-up clocks. */
export type Duration = { days: number } | { months: number };

const DAY_MS = 24 * 60 * 60 * 1000;

export function addDuration(from: Date, duration: Duration): Date {
  return 'days' in duration ? new Date(from.getTime() + duration.days * DAY_MS) : addMonths(from, duration.months);
}

/** Same day of the month, or the month's last day when it is shorter (31 January + 1 month = 28/29 February). */
function addMonths(from: Date, months: number): Date {
  const target = new Date(from.getTime());
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

export function formatDuration(duration: Duration): string {
  const [count, unit] = 'days' in duration ? [duration.days, 'day'] : [duration.months, 'month'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
