import type { EntityManager } from '@mikro-orm/postgresql';
import type { Sql } from './sql';

/**
 * Runs a statement in the entity manager's transaction when it has one, otherwise on a pooled connection; the rows
 * as the caller types them. The statement goes as one message with its values inlined (see {@link Sql.inline}).
 */
export function runSql<Row extends object = Record<string, unknown>>(
  em: EntityManager,
  statement: Sql,
): Promise<Row[]> {
  return em.getConnection().execute<Row[]>(statement.inline(), [], 'all', em.getTransactionContext());
}
