import { sql, type Sql } from './sql';

/*
 * Transaction-scoped advisory locks on a text key: held until the transaction ends, whatever the statements after.
 * Two keys collide only if their 64-bit hashes do.
 */

/** Waits for the lock on `key`. */
export function transactionLockSql(key: string): Sql {
  return sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

/** Takes the lock on `key` if it is free, never waits: one row, `locked`. */
export function tryTransactionLockSql(key: string): Sql {
  return sql`select pg_try_advisory_xact_lock(hashtextextended(${key}, 0)) as locked`;
}
