import type { EntityManager } from '@mikro-orm/postgresql';

/** A raw query inside the EntityManager's transaction, if it has one. */
export function query<T>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());
}
