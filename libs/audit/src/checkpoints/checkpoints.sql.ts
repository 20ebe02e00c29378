import { raw, sql, tryTransactionLockSql, type Sql } from '@liaison/data';

/** One builder at a time across worker replicas: a transaction-scoped advisory lock, tried, never waited for. */
const BUILDER_LOCK = 'liaison:audit-checkpoint-builder';

/** The order of the leaves: a total order on the entries of finished transactions, reproducible at any time. */
export const LEAF_ORDER = raw('e.txid, e.id');

export const builderLockSql = (): Sql => tryTransactionLockSql(BUILDER_LOCK);

/** The xmin of the transaction's snapshot: every transaction below it has finished. */
export const snapshotXminSql = (): Sql => sql`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`;

/** The hashes and transactions of the entries with `from <= txid < to`, in leaf order, at most `limit` of them. */
export function leafHashesSql(from: string, to: string, limit?: number): Sql {
  const select = sql`select e.hash, e.txid::text as txid from audit_event e where e.txid >= ${from} and e.txid < ${to}`;
  return limit === undefined
    ? sql`${select} order by ${LEAF_ORDER}`
    : sql`${select} order by ${LEAF_ORDER} limit ${limit}`;
}

/** The entries a checkpoint covers, in leaf order. */
export function checkpointLeavesSql(range: { xidFrom: string; xidTo: string }): Sql {
  return sql`select e.id, e.hash from audit_event e where e.txid >= ${range.xidFrom} and e.txid < ${range.xidTo} order by ${LEAF_ORDER}`;
}
