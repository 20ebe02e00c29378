import type { BoardCardView } from '../dto/board.view';
import { toColumn, toColumns, type ColumnCount, type PagedCard } from './board-columns';
import { decodeBoardCursor } from './board-cursor';

const ID = '0190f5e2-0000-7000-8000-00000000000';
const paged = (reference: string, state: string, overdue = false): PagedCard => ({
  card: { id: `${ID}${reference.slice(-1)}`, reference, state, overdue } as BoardCardView,
  cursorKey: `2026-06-0${reference.slice(-1)}T10:00:00.123456Z`,
});
const counted = (state: string, count: number, overdue = 0): ColumnCount => ({ state, count, overdue });

describe('board columns', () => {
  it('orders the counted states as the workflows do, keeping the order of the cards within a column', () => {
    const columns = toColumns(
      [counted('in_execution', 2, 1), counted('person_in_custody', 1), counted('transmitted', 1), counted('draft', 1)],
      [
        paged('MLA-1', 'in_execution', true),
        paged('EXT-1', 'person_in_custody'),
        paged('MLA-2', 'transmitted'),
        paged('MLA-3', 'in_execution'),
        paged('MLA-4', 'draft'),
      ],
      50,
    );
    expect(columns.map((column) => column.state)).toEqual([
      'draft',
      'transmitted',
      'in_execution',
      'person_in_custody',
    ]);
    expect(columns[2]).toMatchObject({ count: 2, overdue: 1, nextCursor: null });
    expect(columns[2].cards.map((c) => c.reference)).toEqual(['MLA-1', 'MLA-3']);
  });

  it('puts states no workflow knows last, alphabetically', () => {
    const columns = toColumns(
      [counted('zeta', 1), counted('alpha', 1), counted('closed', 1)],
      [paged('X-1', 'zeta'), paged('X-2', 'alpha'), paged('MLA-1', 'closed')],
      50,
    );
    expect(columns.map((column) => column.state)).toEqual(['closed', 'alpha', 'zeta']);
  });

  it('keeps perColumn cards and a cursor after the last one kept when one more row came', () => {
    const rows = [paged('MLA-1', 'received'), paged('MLA-2', 'received'), paged('MLA-3', 'received')];
    const column = toColumn('received', [counted('received', 7, 2)], rows, 2);
    expect(column).toMatchObject({ state: 'received', count: 7, overdue: 2 });
    expect(column.cards.map((c) => c.reference)).toEqual(['MLA-1', 'MLA-2']);
    expect(decodeBoardCursor(column.nextCursor as string, 'received')).toEqual({
      state: 'received',
      key: '2026-06-02T10:00:00.123456Z',
      id: `${ID}2`,
    });
    expect(toColumn('received', [counted('received', 2)], rows.slice(0, 2), 2).nextCursor).toBeNull();
  });

  it('answers a column the board has no request in as empty', () => {
    expect(toColumn('executed', [counted('received', 3)], [], 50)).toEqual({
      state: 'executed',
      count: 0,
      overdue: 0,
      cards: [],
      nextCursor: null,
    });
  });

  it('refuses a cursor made for another column, or not made by the board', () => {
    const [first, second] = [paged('MLA-1', 'received'), paged('MLA-2', 'received')];
    const cursor = toColumn('received', [], [first, second], 1).nextCursor as string;
    expect(() => decodeBoardCursor(cursor, 'in_execution')).toThrow();
    expect(() => decodeBoardCursor('AAAA', 'received')).toThrow();
    expect(() =>
      decodeBoardCursor(Buffer.from(`received|2026-06-01|${ID}1`).toString('base64url'), 'received'),
    ).toThrow();
  });
});
