import { EntityManager } from '@mikro-orm/postgresql';
import { formatReference, type RequestKind } from '@liaison/domain';

/**
 * The next reference of a kind and year, taken inside the caller's transaction. The upsert locks the counter
 * row until commit, so concurrent drafts queue for it and a rolled-back draft gives its number back: gapless.
 */
export async function nextReference(em: EntityManager, kind: RequestKind, year: number): Promise<string> {
  const [row] = await em
    .getConnection()
    .execute<{ last: number }[]>(
      'insert into reference_counter (kind, year, last) values (?, ?, 1) ' +
        'on conflict (kind, year) do update set last = reference_counter.last + 1 returning last',
      [kind, year],
      'all',
      em.getTransactionContext(),
    );
  return formatReference(kind, year, Number(row?.last));
}
