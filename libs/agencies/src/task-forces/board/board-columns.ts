import { REQUEST_KINDS, workflowOf } from '@liaison/domain';
import type { BoardCardView, BoardColumnView } from '../dto/board.view';
import { encodeBoardCursor } from './board-cursor';

/** Every state of the three workflows, in the order the workflows define them (a draft's column comes first). */
const STATE_ORDER: ReadonlyMap<string, number> = new Map(
  [...new Set(REQUEST_KINDS.flatMap((kind) => Object.keys(workflowOf(kind).states)))].map((state, index) => [
    state,
    index,
  ]),
);

/** Requests and overdue requests of one state. */
export interface ColumnCount {
  state: string;
  count: number;
  overdue: number;
}

/** A card with the key its column is paged by (last activity, microsecond ISO text). */
export interface PagedCard {
  card: BoardCardView;
  cursorKey: string;
}

export function isWorkflowState(state: string): boolean {
  return STATE_ORDER.has(state);
}

/**
 * The columns of the counted states, in workflow order (unknown states last, alphabetically). Cards come in board
 * order, at most perColumn + 1 of a state: the extra one only says that a next page follows the last card kept.
 */
export function toColumns(counts: ColumnCount[], cards: PagedCard[], perColumn: number): BoardColumnView[] {
  const byState = groupByState(cards);
  return counts
    .map((count) => count.state)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((state) => toColumn(state, counts, byState.get(state) ?? [], perColumn));
}

/** One column (the page asked for), present even when the state holds no request. */
export function toColumn(state: string, counts: ColumnCount[], cards: PagedCard[], perColumn: number): BoardColumnView {
  const counted = counts.find((count) => count.state === state);
  const page = cards.slice(0, perColumn);
  const last = page[page.length - 1];
  return {
    state,
    count: counted?.count ?? 0,
    overdue: counted?.overdue ?? 0,
    cards: page.map(({ card }) => card),
    nextCursor:
      cards.length > perColumn && last ? encodeBoardCursor({ state, key: last.cursorKey, id: last.card.id }) : null,
  };
}

function groupByState(cards: PagedCard[]): Map<string, PagedCard[]> {
  const byState = new Map<string, PagedCard[]>();
  for (const paged of cards) {
    const column = byState.get(paged.card.state);
    if (column) column.push(paged);
    else byState.set(paged.card.state, [paged]);
  }
  return byState;
}

function rank(state: string): number {
  return STATE_ORDER.get(state) ?? Number.MAX_SAFE_INTEGER;
}
