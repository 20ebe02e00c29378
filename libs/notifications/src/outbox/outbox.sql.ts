import { join, raw, sql, type Sql } from '@liaison/data';
import type { OutboxRow } from './outbox';

/** Outbox rows in one multi-row insert, unpublished. */
export function insertOutboxSql(rows: readonly OutboxRow[]): Sql {
  const values = rows.map(
    (row) => sql`(${row.id}, ${row.topic}, ${row.requestId}, ${row.payload}::jsonb, ${row.createdAt}, null)`,
  );
  return sql`insert into outbox_message (id, topic, request_id, payload, created_at, published_at) values ${join(values)}`;
}

/** Locks a batch (rows another replica holds are skipped) and marks it published: undone if publishing fails. */
export function claimOutboxBatchSql(limit: number): Sql {
  return sql`update outbox_message set published_at = now() where id in (
    select id from outbox_message where published_at is null order by created_at, id limit ${limit} for update skip locked)
  returning id, topic, request_id, payload, created_at`;
}

/** How many committed rows wait for the relay, and the age of the oldest in seconds (null: none). */
export const OUTBOX_BACKLOG_SQL: Sql = sql`select count(*) as count, extract(epoch from now() - min(created_at)) as oldest from outbox_message where published_at is null`;

/** The channel the outbox trigger notifies on every committed insert (see the notifications migration). */
export const OUTBOX_CHANNEL = 'outbox_message';

/** The relay's listening connection: woken on every committed insert. */
export const LISTEN_OUTBOX_SQL: Sql = sql`listen ${raw(OUTBOX_CHANNEL)}`;

/**
 * A notice's outbox row as a channel's job rebuilds it: only a committed `notify` or deadline row, with
 * its request's reference and kind as they stand.
 */
export function noticeRowSql(outboxId: string): Sql {
  return sql`select o.id, o.topic, o.request_id, o.payload, o.created_at, r.reference, r.kind from outbox_message o
  join request r on r.id = o.request_id where o.id = ${outboxId} and o.topic in ('notify', 'deadline_overdue', 'deadline_reminder')`;
}
