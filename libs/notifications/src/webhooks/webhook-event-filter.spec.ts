import { EVENT_FILTER_PATTERN, matchesEventFilter } from './webhook-event-filter';

describe('webhook event filters', () => {
  it('accepts every kind of deadline notice by name, and their family', () => {
    for (const filter of ['*', 'request.*', 'request.approve', 'deadline.*', 'deadline.overdue', 'deadline.reminder'])
      expect(EVENT_FILTER_PATTERN.test(filter)).toBe(true);
    for (const filter of ['deadline.later', 'deadline.', 'reminder', 'request.Approve'])
      expect(EVENT_FILTER_PATTERN.test(filter)).toBe(false);
  });

  it('sends a reminder to its own filter and to the family, not to the overdue one', () => {
    expect(matchesEventFilter(['deadline.reminder'], 'deadline.reminder')).toBe(true);
    expect(matchesEventFilter(['deadline.*'], 'deadline.reminder')).toBe(true);
    expect(matchesEventFilter(['deadline.overdue'], 'deadline.reminder')).toBe(false);
  });
});
