import { sql, transactionLockSql, type Sql } from '@liaison/data';
import type { ChainedEntry } from './audit-trail';

/**
 * Before appending to a stream: its lock, then its head (the last entry, none for a new stream). In this order, in
 * the transaction that inserts the entry, which holds the lock until it ends: appends to one stream are
 * serialised, different streams never wait for each other. The head is read by a statement of its own, so that its
 * snapshot is taken after the lock is granted. The head's row (0 or 1) is the second statement's.
 */
export function streamHeadSql(stream: string): readonly [lock: Sql, head: Sql] {
  return [
    transactionLockSql(stream),
    sql`select seq, hash from audit_event where stream = ${stream} order by seq desc limit 1`,
  ];
}

/** The entry `chainEntry` made; `txid` is the database's. */
export function insertAuditEventSql(e: ChainedEntry): Sql {
  return sql`insert into audit_event (id, stream, seq, occurred_at, actor_user_id, actor_agency_id, action, subject_type,
    subject_id, data, client_request_id, prev_hash, hash) values (${e.id}, ${e.stream}, ${e.seq}, ${e.occurredAt},
    ${e.actorUserId}, ${e.actorAgencyId}, ${e.action}, ${e.subjectType}, ${e.subjectId}, ${e.data}::jsonb,
    ${e.clientRequestId}, ${e.prevHash}, ${e.hash})`;
}
