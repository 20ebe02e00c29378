import { sql, transactionLockSql, type Sql } from '@liaison/data';

/** Serialises the deadline syncs of one request (its jobs may run at once on several workers). */
export const deadlineSyncLockSql = (requestId: string): Sql => transactionLockSql(`deadline:${requestId}`);

/** What the deadline code reads of a request, as plain columns. */
export function requestClockSql(requestId: string): Sql {
  return sql`select id, reference, kind, legal_basis, state, version, timers, requesting_agency_id, requested_agency_id
  from request where id = ${requestId}`;
}

/** Whether this reminder of a deadline (its key: deadline, due time, how long before) was already sent. */
export function reminderSentSql(deadlineId: string, key: string): Sql {
  return sql`select exists (select 1 from audit_event where subject_type = 'deadline' and subject_id = ${deadlineId}
    and action = 'deadline.reminder' and data ->> 'key' = ${key}) as sent`;
}
