import type { ChainedEntry } from '@liaison/audit';
import type { OutboxRow } from '@liaison/notifications';
import { inLinkedTaskForceSql } from '@liaison/requests';
import { LOCKED_REQUEST_COLUMNS } from './locked-request';
import { literal } from './sql-literal';

/*
 * The write path's SQL, as multi-statement messages: each is one round trip (simple protocol), and PostgreSQL still
 * runs, snapshots and logs every statement on its own. A failing statement skips the rest of its message.
 */

/**
 * Begins the transaction, locks the request (`FOR NO KEY UPDATE`: rows that only reference it take `FOR KEY SHARE`,
 * which this does not block; `NOWAIT`: a concurrent change is a 409, not a queue) and reads it with what the rules
 * need; then takes the audit stream's lock and reads the stream's head. The head read is its own statement, so its
 * snapshot is taken after the lock is granted. Results: begin, request (0 or 1 row), lock, head (0 or 1 row).
 */
export function openTransitionSql(requestId: string, stream: string, callerId: string): string {
  const id = literal(requestId);
  return [
    'begin',
    `select ${LOCKED_REQUEST_COLUMNS}, ${inLinkedTaskForceSql('r.id', literal(callerId))} as "callerInLinkedTaskForce"
    from request r
    join agency requesting on requesting.id = r.requesting_agency_id
    join agency requested on requested.id = r.requested_agency_id
    where r.id = ${id}
    for no key update of r nowait`,
    `select pg_advisory_xact_lock(hashtextextended(${literal(stream)}, 0))`,
    `select seq, hash from audit_event where stream = ${literal(stream)} order by seq desc limit 1`,
  ].join(';\n');
}

export const OPEN_RESULTS = { request: 1, head: 3 } as const;

export interface HistoryRow {
  id: string;
  requestId: string;
  version: number;
  event: string;
  fromState: string;
  toState: string;
  actorId: string;
  actorAgencyId: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/** The request's columns an accepted transition writes. */
export interface RequestChange {
  id: string;
  state: string;
  previousState: string | null;
  heldBySide: string | null;
  bestInterestsOutcome: string | null;
  timers: unknown[];
  version: number;
  overdue: boolean;
  requestedAgencyId: string;
  lastActivityAt: Date;
  updatedAt: Date;
}

/** An accepted transition: history, audit entry, outbox rows, the request itself, commit. */
export function acceptTransitionSql(write: {
  history: HistoryRow;
  audit: ChainedEntry;
  outbox: OutboxRow[];
  request: RequestChange;
}): string {
  const { history: h, request: r } = write;
  return [
    `insert into request_history (id, request_id, version, event, from_state, to_state, actor_id, actor_agency_id,
    payload, occurred_at) values (${literal(h.id)}, ${literal(h.requestId)}, ${literal(h.version)}, ${literal(h.event)},
    ${literal(h.fromState)}, ${literal(h.toState)}, ${literal(h.actorId)}, ${literal(h.actorAgencyId)},
    ${literal(h.payload)}::jsonb, ${literal(h.occurredAt)})`,
    insertAuditSql(write.audit),
    ...(write.outbox.length ? [insertOutboxSql(write.outbox)] : []),
    `update request set state = ${literal(r.state)}, previous_state = ${literal(r.previousState)},
    held_by_side = ${literal(r.heldBySide)}, best_interests_outcome = ${literal(r.bestInterestsOutcome)},
    timers = ${literal(r.timers)}::jsonb, version = ${literal(r.version)}, overdue = ${literal(r.overdue)},
    requested_agency_id = ${literal(r.requestedAgencyId)}, last_activity_at = ${literal(r.lastActivityAt)},
    updated_at = ${literal(r.updatedAt)} where id = ${literal(r.id)}`,
    'commit',
  ].join(';\n');
}

/** A refused event changes nothing but is recorded: the audit entry, commit. */
export function refuseTransitionSql(audit: ChainedEntry): string {
  return [insertAuditSql(audit), 'commit'].join(';\n');
}

function insertAuditSql(e: ChainedEntry): string {
  return `insert into audit_event (id, stream, seq, occurred_at, actor_user_id, actor_agency_id, action, subject_type,
    subject_id, data, client_request_id, prev_hash, hash) values (${literal(e.id)}, ${literal(e.stream)},
    ${literal(e.seq)}, ${literal(e.occurredAt)}, ${literal(e.actorUserId)}, ${literal(e.actorAgencyId)},
    ${literal(e.action)}, ${literal(e.subjectType)}, ${literal(e.subjectId)}, ${literal(e.data)}::jsonb,
    ${literal(e.clientRequestId)}, ${literal(e.prevHash)}, ${literal(e.hash)})`;
}

function insertOutboxSql(rows: OutboxRow[]): string {
  const values = rows.map(
    (row) =>
      `(${literal(row.id)}, ${literal(row.topic)}, ${literal(row.requestId)}, ${literal(row.payload)}::jsonb, ` +
      `${literal(row.createdAt)}, null)`,
  );
  return `insert into outbox_message (id, topic, request_id, payload, created_at, published_at) values ${values.join(', ')}`;
}
