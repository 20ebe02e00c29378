/**
 * Small-cell suppression for published statistics (monitoring and evaluation without exposing victims;
 * docs/domain.md, Statistics).
 * A count of 1 to 4 people or requests is too small to publish: it may single someone out.
 */
export const SUPPRESSION_THRESHOLD = 5;

/** A published count: the number, or nothing at all when it is suppressed. */
export type PublishedCount = { count: number; suppressed: false } | { count: null; suppressed: true };

/** A cell of a breakdown with its published count in place of the true one. */
export type PublishedCell<T extends { count: number }> = Omit<T, 'count'> & PublishedCount;

/** Whether a count is small enough to single someone out (zero singles nobody out). */
export function isSmallCount(count: number, threshold = SUPPRESSION_THRESHOLD): boolean {
  return count > 0 && count < threshold;
}

const published = (count: number): PublishedCount => ({ count, suppressed: false });
const withheld = (): PublishedCount => ({ count: null, suppressed: true });

/** A count that stands on its own (a total, the number of stays behind a median): withheld when small. */
export function suppressCount(count: number, threshold = SUPPRESSION_THRESHOLD): PublishedCount {
  return isSmallCount(count, threshold) ? withheld() : published(count);
}

/**
 * One breakdown (a partition of a population whose total is published, or can be derived from another breakdown of
 * the same population in the same answer):
 * 1. primary suppression: every cell under the threshold;
 * 2. complementary suppression: while any cell is suppressed, further cells (smallest first, ties in input order)
 *    are suppressed until at least two are and they hold together at least the threshold, so that the total minus
 *    the published cells gives only the sum of several suppressed cells, itself not a small number.
 * A breakdown that cannot reach that (a single cell, or all cells together under the threshold) has a small total,
 * which {@link suppressCount} withholds. Cells keep their order.
 */
export function suppressCells<T extends { count: number }>(
  cells: readonly T[],
  threshold = SUPPRESSION_THRESHOLD,
): PublishedCell<T>[] {
  return suppressNestedCells(cells, () => '', threshold);
}

/**
 * A breakdown whose groups of cells are themselves published elsewhere in the answer as cells of a coarser
 * breakdown (states within a kind: the cells of one kind add up to that kind's count). The rule of
 * {@link suppressCells} holds within every group and over the whole breakdown at once, applied until nothing
 * changes, so that neither a group's count nor the total minus published cells gives a suppressed cell away. A group
 * with a single small cell has a small count itself, suppressed in the coarser breakdown.
 */
export function suppressNestedCells<T extends { count: number }>(
  cells: readonly T[],
  groupOf: (cell: T) => string,
  threshold = SUPPRESSION_THRESHOLD,
): PublishedCell<T>[] {
  const suppressed = new Set<number>();
  cells.forEach((cell, index) => {
    if (isSmallCount(cell.count, threshold)) suppressed.add(index);
  });
  const groups = new Map<string, number[]>();
  cells.forEach((cell, index) => groups.set(groupOf(cell), [...(groups.get(groupOf(cell)) ?? []), index]));
  const everything = cells.map((_cell, index) => index);
  for (let changed = suppressed.size > 0; changed;) {
    changed = false;
    for (const members of [...groups.values(), everything]) {
      if (complement(cells, members, suppressed, threshold)) changed = true;
    }
  }
  return cells.map((cell, index) => ({
    ...withoutCount(cell),
    ...(suppressed.has(index) ? withheld() : published(cell.count)),
  }));
}

/**
 * Within `members`, if any is suppressed, suppresses further ones (smallest first) until at least two are and they
 * hold at least the threshold, or none is left. Whether it suppressed anything.
 */
function complement(
  cells: readonly { count: number }[],
  members: readonly number[],
  suppressed: Set<number>,
  threshold: number,
): boolean {
  const hidden = members.filter((index) => suppressed.has(index));
  if (hidden.length === 0) return false;
  let sum = hidden.reduce((total, index) => total + (cells[index]?.count ?? 0), 0);
  let count = hidden.length;
  let changed = false;
  const candidates = members
    .filter((index) => !suppressed.has(index))
    .sort((a, b) => (cells[a]?.count ?? 0) - (cells[b]?.count ?? 0) || a - b);
  for (const index of candidates) {
    if (count >= 2 && sum >= threshold) break;
    suppressed.add(index);
    sum += cells[index]?.count ?? 0;
    count += 1;
    changed = true;
  }
  return changed;
}

function withoutCount<T extends { count: number }>(cell: T): Omit<T, 'count'> {
  const { count: _count, ...rest } = cell;
  return rest;
}
