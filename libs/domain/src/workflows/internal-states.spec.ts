import {
  endedUnsentTriples,
  internalStatePairs,
  isEventBeyondRequestingSide,
  isKnownToRequestingSideAlone,
} from './internal-states';

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

  it('keeps a request withdrawn or cancelled before it was sent with the requesting side, as if still internal', () => {
    expect(isKnownToRequestingSideAlone('mla', 'draft', null)).toBe(true);
    expect(isKnownToRequestingSideAlone('mla', 'under_review', 'draft')).toBe(true);
    expect(isKnownToRequestingSideAlone('mla', 'withdrawn', 'draft')).toBe(true);
    expect(isKnownToRequestingSideAlone('mla', 'withdrawn', 'under_review')).toBe(true);
    expect(isKnownToRequestingSideAlone('repatriation', 'cancelled', 'draft')).toBe(true);
    expect(isKnownToRequestingSideAlone('mla', 'transmitted', 'under_review')).toBe(false);
    expect(isKnownToRequestingSideAlone('mla', 'withdrawn', 'transmitted')).toBe(false);
    expect(isKnownToRequestingSideAlone('repatriation', 'cancelled', 'referred')).toBe(false);
    expect(isKnownToRequestingSideAlone('mla', 'transmitted', null)).toBe(false);
    expect(endedUnsentTriples()).toContainEqual(['mla', 'withdrawn', 'under_review']);
    expect(endedUnsentTriples()).toContainEqual(['repatriation', 'cancelled', 'draft']);
    expect(endedUnsentTriples()).not.toContainEqual(['repatriation', 'cancelled', 'referred']);
  });
});
