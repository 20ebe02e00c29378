import { isUUID } from 'class-validator';
import { fieldError, InvalidInputException } from '@liaison/platform';

/** The orders a search can be sorted in: newest activity or newest creation first. */
export const SEARCH_SORTS = ['lastActivityAt', 'createdAt'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Where the previous page stopped: the sort key of its last row (microsecond ISO text) and that row's id. */
export interface SearchCursor {
  sort: SearchSort;
  key: string;
  id: string;
}

const KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** Opaque to clients; it names its sort so that a cursor cannot be replayed against another order. */
export function encodeSearchCursor(cursor: SearchCursor): string {
  return Buffer.from(`${cursor.sort}|${cursor.key}|${cursor.id}`, 'utf8').toString('base64url');
}

/** The cursor a client sent back, checked against the sort it is used with; a 400 naming `cursor` otherwise. */
export function decodeSearchCursor(text: string, sort: SearchSort): SearchCursor {
  const [cursorSort, key, id, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || cursorSort !== sort || !KEY.test(key ?? '') || !isUUID(id ?? '')) {
    throw new InvalidInputException([
      fieldError(['cursor'], 'cursor is not one this search returned (or was made for another sort)', 'query'),
    ]);
  }
  return { sort, key: key as string, id: (id as string).toLowerCase() };
}
