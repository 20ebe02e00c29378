import { SUPPRESSION_THRESHOLD, isSmallCount, suppressCells, suppressCount, suppressNestedCells } from './suppression';

const cells = (...counts: number[]) => counts.map((count, index) => ({ key: `c${index}`, count }));
const shown = (result: { count: number | null }[]) => result.map((cell) => cell.count);
/** What a reader learns by subtracting the published cells from the total. */
const remainder = (counts: number[], result: { count: number | null }[]) =>
  counts.reduce((a, b) => a + b, 0) - result.reduce((sum, cell) => sum + (cell.count ?? 0), 0);

describe('small-cell suppression', () => {
  it('withholds counts of 1 to 4 and publishes 5 and more (and zero)', () => {
    expect(SUPPRESSION_THRESHOLD).toBe(5);
    expect([0, 1, 2, 3, 4, 5, 6, 100].map((count) => isSmallCount(count))).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(suppressCount(4)).toEqual({ count: null, suppressed: true });
    expect(suppressCount(5)).toEqual({ count: 5, suppressed: false });
    expect(suppressCount(0)).toEqual({ count: 0, suppressed: false });
  });

  it('publishes a breakdown without small cells as it is, keys and order kept', () => {
    expect(suppressCells(cells(5, 12, 7))).toEqual([
      { key: 'c0', count: 5, suppressed: false },
      { key: 'c1', count: 12, suppressed: false },
      { key: 'c2', count: 7, suppressed: false },
    ]);
  });

  it('suppresses a cell under 5 and keeps one of exactly 5', () => {
    const result = suppressCells(cells(3, 5, 9, 20));
    expect(result[0]).toEqual({ key: 'c0', count: null, suppressed: true });
    expect(result[3]).toEqual({ key: 'c3', count: 20, suppressed: false });
  });

  it('suppresses the smallest other cell too, so the total minus the rest does not give the small one', () => {
    const counts = [3, 5, 9, 20];
    const result = suppressCells(cells(...counts));
    expect(shown(result)).toEqual([null, null, 9, 20]);
    expect(remainder(counts, result)).toBe(8);
  });

  it('adds cells until the suppressed ones are at least two and hold at least 5 together', () => {
    expect(shown(suppressCells(cells(1, 1, 6, 8)))).toEqual([null, null, null, 8]);
    expect(shown(suppressCells(cells(2, 4, 30)))).toEqual([null, null, 30]);
    expect(shown(suppressCells(cells(1, 1, 1, 1, 1, 9)))).toEqual([null, null, null, null, null, 9]);
  });

  it('breaks ties in the order of the cells', () => {
    expect(shown(suppressCells(cells(7, 2, 7, 7)))).toEqual([null, null, 7, 7]);
  });

  it('never leaves exactly one suppressed cell in a breakdown of several', () => {
    for (const counts of [
      [1, 5],
      [4, 100],
      [2, 5, 5],
      [4, 6, 50, 7],
      [3, 3, 3],
    ]) {
      const result = suppressCells(cells(...counts));
      const suppressed = result.filter((cell) => cell.suppressed);
      expect(suppressed.length).not.toBe(1);
      const hidden = suppressed.length === 0 ? 0 : remainder(counts, result);
      expect(hidden === 0 || hidden >= SUPPRESSION_THRESHOLD).toBe(true);
    }
  });

  it('suppresses the lone cell of a small population, whose total is withheld as well', () => {
    expect(shown(suppressCells(cells(3)))).toEqual([null]);
    expect(suppressCount(3).suppressed).toBe(true);
    expect(shown(suppressCells(cells(1, 2)))).toEqual([null, null]);
    expect(suppressCount(1 + 2).suppressed).toBe(true);
  });

  it('handles an empty breakdown', () => {
    expect(suppressCells([])).toEqual([]);
  });

  describe('nested in a coarser breakdown (states within kinds)', () => {
    const states = (...rows: [string, string, number][]) =>
      rows.map(([kind, state, count]) => ({ kind, state, count }));
    const nested = (rows: ReturnType<typeof states>) => shown(suppressNestedCells(rows, (row) => row.kind));

    it("keeps a small state from being the kind's count minus the kind's other states", () => {
      // suppressCells alone would pair mla/a (3) with extradition/c (6): 20 − 17 would give mla/a away
      const rows = states(['mla', 'a', 3], ['mla', 'b', 17], ['extradition', 'c', 6], ['extradition', 'd', 9]);
      expect(shown(suppressCells(rows))).toEqual([null, 17, null, 9]);
      expect(nested(rows)).toEqual([null, null, 6, 9]);
    });

    it('re-applies the rule in a kind a complement reaches from another kind', () => {
      // the lone small state of extradition (its count 3 is suppressed in byKind) pairs with the smallest other
      // cell, mla/a; then mla must lose another cell, else mla's count minus mla/b gives mla/a away
      const rows = states(['extradition', 'c', 3], ['mla', 'a', 6], ['mla', 'b', 8], ['mla', 'e', 30]);
      expect(nested(rows)).toEqual([null, null, null, 30]);
    });

    it('publishes groups without small cells as they are', () => {
      expect(nested(states(['mla', 'a', 5], ['mla', 'b', 7], ['extradition', 'c', 12]))).toEqual([5, 7, 12]);
    });
  });
});
