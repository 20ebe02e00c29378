import { deadlineUrgency, describeRemaining, formatSpan } from './time-left';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('time left', () => {
  it.each([
    [3 * DAY + 4 * HOUR + 59 * MINUTE, '3 d 4 h'],
    [2 * DAY + 30 * MINUTE, '2 d'],
    [5 * HOUR + 20 * MINUTE, '5 h 20 min'],
    [5 * HOUR, '5 h 0 min'],
    [12 * MINUTE + 59_000, '12 min'],
    [20_000, '0 min'],
    [-(26 * HOUR), '1 d 2 h'],
  ])('shows %d ms as the largest two units: %s', (ms, text) => {
    expect(formatSpan(ms)).toBe(text);
  });

  it('is overdue below zero, close under two days, comfortable beyond', () => {
    expect(deadlineUrgency(-1)).toBe('overdue');
    expect(deadlineUrgency(0)).toBe('soon');
    expect(deadlineUrgency(2 * DAY - 1)).toBe('soon');
    expect(deadlineUrgency(2 * DAY)).toBe('ok');
  });

  it('words a running, a paused and a missed deadline', () => {
    expect(describeRemaining(3 * HOUR + 5 * MINUTE)).toBe('3 h 5 min left');
    expect(describeRemaining(4 * DAY, true)).toBe('paused, 4 d left');
    expect(describeRemaining(-(90 * MINUTE))).toBe('overdue by 1 h 30 min');
  });
});
