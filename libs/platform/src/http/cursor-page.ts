import type { Type as Class } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

export interface CursorPage<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * The OpenAPI schema of a `CursorPage` of `item`, named `name` (a route's `@ApiOkResponse({ type })`): one class per
 * item type, since the document has no generics.
 */
export function cursorPageView<T>(item: Class<T>, name: string): Class<CursorPage<T>> {
  class Page implements CursorPage<T> {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last.' })
    nextCursor!: string | null;
  }
  Object.defineProperty(Page, 'name', { value: name });
  return Page;
}

/** Builds a page from `limit + 1` rows fetched in id order: the extra row only says there is more. */
export function toCursorPage<Row extends { id: string }, T>(
  rows: Row[],
  limit: number,
  map: (row: Row) => T,
): CursorPage<T> {
  const items = rows.slice(0, limit);
  return { items: items.map(map), nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}
