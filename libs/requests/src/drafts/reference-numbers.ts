import { EntityManager } from '@mikro-orm/postgresql';
import { runSql } from '@liaison/data';
import { formatReference, type RequestKind } from '@liaison/domain';
import { nextReferenceSql } from './reference-numbers.sql';

/**
 * The next reference of a kind and year, taken inside the caller's transaction. The upsert locks the counter
 * row until commit, so concurrent drafts queue for it and a rolled-back draft gives its number back: gapless.
 */
export async function nextReference(em: EntityManager, kind: RequestKind, year: number): Promise<string> {
  const [row] = await runSql<{ last: number }>(em, nextReferenceSql(kind, year));
  return formatReference(kind, year, Number(row?.last));
}
