import { formatReference, parseReference } from './reference';

describe('request references', () => {
  it.each([
    ['mla', 'MLA-2026-000123'],
    ['extradition', 'EXT-2026-000123'],
    ['repatriation', 'REP-2026-000123'],
  ] as const)('formats a %s reference as %s', (kind, reference) => {
    expect(formatReference(kind, 2026, 123)).toBe(reference);
  });

  it('parses what it formats', () => {
    expect(parseReference(formatReference('extradition', 2027, 999_999))).toEqual({
      kind: 'extradition',
      year: 2027,
      sequence: 999_999,
    });
    expect(parseReference(' REP-2026-000001 ')).toEqual({ kind: 'repatriation', year: 2026, sequence: 1 });
  });

  it.each([
    'MLA-2026-123',
    'mla-2026-000123',
    'ABC-2026-000123',
    'MLA-26-000123',
    'MLA-2026-000000',
    'MLA-2026-0001234',
    '',
  ])('does not parse %p', (text) => {
    expect(parseReference(text)).toBeUndefined();
  });

  it.each([
    [2026, 0],
    [2026, 1_000_000],
    [2026, 1.5],
    [26, 1],
  ])('refuses year %p with sequence %p', (year, sequence) => {
    expect(() => formatReference('mla', year, sequence)).toThrow(RangeError);
  });
});
