import { internalStatePairs, isEventBeyondRequestingSide } from './internal-states';

describe('the requesting side’s internal phase', () => {
  it('is read from the workflow definitions', () => {
    expect(internalStatePairs()).toEqual([
      ['mla', 'draft'],
      ['mla', 'under_review'],
      ['extradition', 'draft'],
      ['extradition', 'under_review'],
      ['repatriation', 'draft'],
    ]);
  });

  it('keeps events within it, and a withdrawal before transmission, from the other side', () => {
    expect(isEventBeyondRequestingSide('mla', 'draft', 'under_review')).toBe(false);
    expect(isEventBeyondRequestingSide('mla', 'under_review', 'draft')).toBe(false);
    expect(isEventBeyondRequestingSide('mla', 'draft', 'withdrawn')).toBe(false);
    expect(isEventBeyondRequestingSide('mla', 'under_review', 'transmitted')).toBe(true);
    expect(isEventBeyondRequestingSide('mla', 'received', 'received')).toBe(true);
    expect(isEventBeyondRequestingSide('repatriation', 'draft', 'draft')).toBe(false);
  });
});
