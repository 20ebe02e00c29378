import { cursorParts, keysetCursor } from '@liaison/platform';

/** The orders a search can be sorted in: newest activity or newest creation first. */
export const SEARCH_SORTS = ['lastActivityAt', 'createdAt'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Where the previous page stopped: the sort key of its last row (microsecond ISO text) and that row's id. */
export interface SearchCursor {
  sort: SearchSort;
  key: string;
  id: string;
}

/** A search's cursor names its sort, so that it cannot be replayed against another order. */
const sortedCursor = (sort: SearchSort) =>
  keysetCursor({
    field: 'cursor',
    message: 'cursor is not one this search returned (or was made for another sort)',
    parts: [cursorParts.exactly(sort), cursorParts.timestamp, cursorParts.uuid],
  });

export function encodeSearchCursor(cursor: SearchCursor): string {
  return sortedCursor(cursor.sort).encode([cursor.sort, cursor.key, cursor.id]);
}

/** The cursor a client sent back, checked against the sort it is used with; a 400 naming `cursor` otherwise. */
export function decodeSearchCursor(text: string, sort: SearchSort): SearchCursor {
  const [, key, id] = sortedCursor(sort).decode(text);
  return { sort, key, id };
}
