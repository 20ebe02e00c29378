import { isUUID } from 'class-validator';
import { fieldError, InvalidInputException } from '@liaison/platform';

/** Where a column's page stopped: its state, the last card's activity (microsecond ISO text) and id. */
export interface BoardCursor {
  state: string;
  key: string;
  id: string;
}

const KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** Opaque to clients, in the style of the search's cursor; it names its column so that it pages no other. */
export function encodeBoardCursor(cursor: BoardCursor): string {
  return Buffer.from(`${cursor.state}|${cursor.key}|${cursor.id}`, 'utf8').toString('base64url');
}

/** The cursor a client sent back as `after`, checked against the column it pages; a 400 naming `after` otherwise. */
export function decodeBoardCursor(text: string, state: string): BoardCursor {
  const [cursorState, key, id, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || cursorState !== state || !KEY.test(key ?? '') || !isUUID(id ?? '')) {
    throw new InvalidInputException([
      fieldError(['after'], 'after is not a cursor this board returned for the column of state', 'query'),
    ]);
  }
  return { state, key: key as string, id: (id as string).toLowerCase() };
}
