import { cursorParts, keysetCursor } from '@liaison/platform';

/** Where a column's page stopped: its state, the last card's activity (microsecond ISO text) and id. */
export interface BoardCursor {
  state: string;
  key: string;
  id: string;
}

/** A column's cursor names its state, so that it pages no other column. */
const columnCursor = (state: string) =>
  keysetCursor({
    field: 'after',
    message: 'after is not a cursor this board returned for the column of state',
    parts: [cursorParts.exactly(state), cursorParts.timestamp, cursorParts.uuid],
  });

export function encodeBoardCursor(cursor: BoardCursor): string {
  return columnCursor(cursor.state).encode([cursor.state, cursor.key, cursor.id]);
}

/** The cursor a client sent back as `after`, checked against the column it pages; a 400 naming `after` otherwise. */
export function decodeBoardCursor(text: string, state: string): BoardCursor {
  const [, key, id] = columnCursor(state).decode(text);
  return { state, key, id };
}
