import { t } from '../i18n/t';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span as the largest two units: "3 d 4 h", "5 h 20 min", "12 min". */
export function formatSpan(ms: number): string {
  const span = Math.abs(ms);
  const days = Math.floor(span / DAY);
  const hours = Math.floor((span % DAY) / HOUR);
  const minutes = Math.floor((span % HOUR) / MINUTE);
  const parts =
    days > 0
      ? [t('time.days', { n: days }), hours > 0 ? t('time.hours', { n: hours }) : '']
      : hours > 0
        ? [t('time.hours', { n: hours }), t('time.minutes', { n: minutes })]
        : [t('time.minutes', { n: Math.max(minutes, 0) })];
  return parts.filter(Boolean).join(' ');
}

/** How a deadline stands: overdue, close (under 20 % of a week or two days), or comfortable. */
export type Urgency = 'overdue' | 'soon' | 'ok';

export function deadlineUrgency(remainingMs: number): Urgency {
  if (remainingMs < 0) return 'overdue';
  return remainingMs < 2 * DAY ? 'soon' : 'ok';
}

export function describeRemaining(remainingMs: number, paused = false): string {
  const duration = formatSpan(remainingMs);
  if (remainingMs < 0) return t('time.overdueBy', { duration });
  return paused ? t('time.paused', { duration }) : t('time.left', { duration });
}
