import { insertAuditEventSql, streamHeadSql, type ChainedEntry } from '@liaison/audit';
import { list, raw, sql, type Sql, inLinkedTaskForceSql } from '@liaison/data';
import { insertOutboxSql, type OutboxRow } from '@liaison/notifications';

/*
 * The write path's SQL, sent as multi-statement messages (PooledTransaction): each is one round trip (simple
 * protocol), and PostgreSQL still runs, snapshots and logs every statement on its own. A failing statement skips
 * the rest of its message. The audit entry and its stream's lock come from libs/audit, the outbox rows from
 * libs/notifications; the request and its history are this lib's.
 */

const agencyJson = (alias: string) =>
  raw(`json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'country', ${alias}.country,
    'acceptedLanguages', ${alias}.accepted_languages)`);

/**
 * The select list over `request r`, `agency requesting`, `agency requested`: times as JSON (ISO 8601 strings), the
 * persons' facts (never their identities) and the task-force links as subqueries (a `LockedRequestRow`).
 */
const LOCKED_REQUEST_COLUMNS = sql`r.id, r.reference, r.kind, r.legal_basis as "legalBasis", r.urgency, r.language,
  r.handling_code as "handlingCode", r.handling_restriction as "handlingRestriction", r.title,
  encode(r.sealed_content, 'base64') as "sealedContent", r.clear_content as "clearContent",
  to_json(r.personal_data_purged_at) as "personalDataPurgedAt",
  (select json_build_object('wrappedDataKey', encode(k.wrapped_data_key, 'base64'), 'masterKeyId', k.master_key_id)
    from request_key k where k.request_id = r.id) as "requestKey",
  to_json(r.suggested_deadline) as "suggestedDeadline", r.state, r.previous_state as "previousState",
  r.held_by_side as "heldBySide", r.best_interests_outcome as "bestInterestsOutcome", r.timers, r.version, r.overdue,
  to_json(r.created_at) as "createdAt", to_json(r.updated_at) as "updatedAt",
  to_json(r.last_activity_at) as "lastActivityAt",
  ${agencyJson('requesting')} as "requestingAgency", ${agencyJson('requested')} as "requestedAgency",
  (select coalesce(json_agg(json_build_object('role', p.role, 'minor', p.minor, 'nationality', p.nationality)), '[]')
    from person p where p.request_id = r.id) as persons,
  exists (select 1 from task_force_request l where l.request_id = r.id) as "taskForceLinked"`;

/**
 * Begins the transaction, locks the request (`FOR NO KEY UPDATE`: rows that only reference it take `FOR KEY SHARE`,
 * which this does not block; `NOWAIT`: a concurrent change is a 409, not a queue) and reads it with what the rules
 * need; then the audit stream's lock and head. Results: begin, request (0 or 1 row), lock, head (0 or 1 row).
 */
export function openTransitionSql(requestId: string, stream: string, callerId: string): Sql[] {
  const callerInLinkedTaskForce = inLinkedTaskForceSql(raw('r.id'), sql`${callerId}`);
  return [
    sql`begin`,
    sql`select ${LOCKED_REQUEST_COLUMNS}, ${callerInLinkedTaskForce} as "callerInLinkedTaskForce"
    from request r
    join agency requesting on requesting.id = r.requesting_agency_id
    join agency requested on requested.id = r.requested_agency_id
    where r.id = ${requestId}
    for no key update of r nowait`,
    ...streamHeadSql(stream),
  ];
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
  /** Sealed under the request's data key (base64), or in clear for a request from before encryption. */
  payload: { sealed: string } | { clear: Record<string, unknown> } | null;
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

/**
 * An accepted transition: history, audit entry, outbox rows, the request itself, the answer to the call's
 * `Idempotency-Key` if it came with one (libs/data's `idempotentAnswerSql`), commit.
 */
export function acceptTransitionSql(write: {
  history: HistoryRow;
  audit: ChainedEntry;
  outbox: OutboxRow[];
  request: RequestChange;
  idempotentAnswer: readonly Sql[];
}): Sql[] {
  const { history: h, request: r } = write;
  const sealed = h.payload && 'sealed' in h.payload ? sql`decode(${h.payload.sealed}, 'base64')` : sql`null`;
  const clear = h.payload && 'clear' in h.payload ? sql`${h.payload.clear}::jsonb` : sql`null`;
  return [
    sql`insert into request_history (id, request_id, version, event, from_state, to_state, actor_id, actor_agency_id,
    sealed_payload, clear_payload, occurred_at) values (${h.id}, ${h.requestId}, ${h.version}, ${h.event},
    ${h.fromState}, ${h.toState}, ${h.actorId}, ${h.actorAgencyId},
    ${sealed}, ${clear}, ${h.occurredAt})`,
    insertAuditEventSql(write.audit),
    ...(write.outbox.length ? [insertOutboxSql(write.outbox)] : []),
    sql`update request set state = ${r.state}, previous_state = ${r.previousState},
    held_by_side = ${r.heldBySide}, best_interests_outcome = ${r.bestInterestsOutcome},
    timers = ${r.timers}::jsonb, version = ${r.version}, overdue = ${r.overdue},
    requested_agency_id = ${r.requestedAgencyId}, last_activity_at = ${r.lastActivityAt},
    updated_at = ${r.updatedAt} where id = ${r.id}`,
    ...write.idempotentAnswer,
    sql`commit`,
  ];
}

/** A refused event changes nothing but is recorded: the audit entry, commit. */
export function refuseTransitionSql(audit: ChainedEntry): Sql[] {
  return [insertAuditEventSql(audit), sql`commit`];
}

/** How many of these attachments belong to the request: one row, `found`. */
export function attachmentCountSql(requestId: string, ids: readonly string[]): Sql {
  return sql`select count(*)::int as found from attachment
    where request_id = ${requestId} and id in (${list(ids)})`;
}

/** An agency that may become a party of a request (an `AgencyParty` with its `type`). */
export function agencyPartySql(id: string): Sql {
  return sql`select id, name, country, accepted_languages as "acceptedLanguages", type from agency where id = ${id}`;
}
