import { monthBoundary } from './month-boundary';

describe('monthBoundary', () => {
  it('reads a month as its start for from and its end for to', () => {
    expect(monthBoundary('2026-03', 'from')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(monthBoundary('2026-03', 'to')?.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(monthBoundary('2026-12', 'to')?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('takes instants that are the start of a month, in any spelling', () => {
    for (const value of [
      '2026-03-01',
      '2026-03-01T00:00:00Z',
      '2026-03-01T05:45:00+05:45',
      '2026-02-28T19:00:00-05:00',
    ]) {
      expect(monthBoundary(value, 'to')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    }
  });

  it('refuses anything finer than a month, and what is no date', () => {
    for (const value of [
      '2026-03-02',
      '2026-03-01T00:00:00.001Z',
      '2026-03-01T10:00:00Z',
      '2026-13',
      '2026-00',
      'soon',
    ]) {
      expect(monthBoundary(value, 'from')).toBeNull();
    }
  });
});
