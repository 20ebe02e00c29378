import { sql, type Sql } from '@liaison/data';
import type { RequestKind } from '@liaison/domain';

/** Takes the next number of a kind and year (the counter's row stays locked until commit): one row, `last`. */
export function nextReferenceSql(kind: RequestKind, year: number): Sql {
  return sql`insert into reference_counter (kind, year, last) values (${kind}, ${year}, 1) on conflict (kind, year) do update set last = reference_counter.last + 1 returning last`;
}
