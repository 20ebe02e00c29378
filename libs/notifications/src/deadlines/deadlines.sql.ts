import { sql, transactionLockSql, type Sql } from '@liaison/data';

/** Serialises the deadline syncs of one request (its jobs may run at once on several workers). */
export const deadlineSyncLockSql = (requestId: string): Sql => transactionLockSql(`deadline:${requestId}`);

/** What the deadline code reads of a request, as plain columns. */
export function requestClockSql(requestId: string): Sql {
  return sql`select id, reference, kind, legal_basis, state, version, timers, requesting_agency_id, requested_agency_id
  from request where id = ${requestId}`;
}
