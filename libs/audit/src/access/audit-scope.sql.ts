import { eventBeyondRequestingSideSql, raw, sentOutSql, sql, type Sql } from '@liaison/data';
import type { AuditScope } from './audit-scope';

/*
 * The trail's own view of the requests, task forces and members that make a stream a reader's, kept here because the
 * libs that own those tables depend on this one.
 */

/**
 * The requests of other agencies a reader follows (ids and kinds): asked of their agency, or linked to a task force
 * they are a member of; once sent out, as everywhere else.
 */
function followedRequestsSql(agencyId: string, userId: string): Sql {
  return sql`select r.id, r.kind from request r
     where r.requested_agency_id = ${agencyId} and r.requesting_agency_id <> ${agencyId} and ${sentOutSql()}
    union
    select r.id, r.kind from task_force_request l join task_force_member m on m.task_force_id = l.task_force_id
      join request r on r.id = l.request_id
     where m.user_id = ${userId} and r.requesting_agency_id <> ${agencyId} and ${sentOutSql()}`;
}

/**
 * The first entry of a request's stream (`stream`, of a request of kind `kind`) that others may read: the one of the
 * event that sent it, as its history shows it; the entries before it are the requesting side's internal phase. A
 * request that never went through that event (created already sent) shows its whole stream.
 */
export function sentFromSeqSql(stream: Sql, kind: Sql): Sql {
  const beyond = eventBeyondRequestingSideSql(kind, raw(`s.data ->> 'from'`), raw(`s.data ->> 'to'`));
  return sql`coalesce((select min(s.seq) from audit_event s
     where s.stream = ${stream} and s.action = 'request.transition' and ${beyond}), 1)`;
}

/** The kind of the request whose stream `e.stream` is (null for any other stream). */
const KIND_OF_ENTRY_STREAM = sql`(select r.kind from request r where r.id = case
    when e.stream ~ '^request:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then substr(e.stream, 9)::uuid end)`;

/**
 * A condition on an entry `e` that keeps the scope's: the streams of the reader's agency, of the requests it files
 * and of the task forces it leads or has members in, whole; the streams of the requests it follows from the entry of
 * the event that sent them on (the requesting side's internal phase stays with that side). A chain the reader gets
 * is complete from its first entry on: whole, or from the entry an export's `withheld` line names.
 */
export function entryConditionSql(scope: AuditScope): Sql {
  if (scope.kind === 'all') return sql`true`;
  const { agencyId, userId } = scope;
  return sql`(e.stream = 'agency:' || ${agencyId}::text
    or e.stream in (select 'request:' || r.id from request r where r.requesting_agency_id = ${agencyId})
    or (e.stream in (select 'request:' || f.id from (${followedRequestsSql(agencyId, userId)}) f)
        and e.seq >= ${sentFromSeqSql(raw('e.stream'), KIND_OF_ENTRY_STREAM)})
    or e.stream in (select 'task-force:' || t.id from task_force t where t.lead_agency_id = ${agencyId} or exists (
                      select 1 from task_force_member m join app_user u on u.id = m.user_id
                      where m.task_force_id = t.id and u.agency_id = ${agencyId})))`;
}

/**
 * The streams of the scope that begin after withheld entries (the requesting side's internal phase), by stream
 * (byte order): each with the first entry the reader gets and the hash it links to.
 */
export function withheldStreamsSql(scope: AuditScope): Sql | null {
  if (scope.kind === 'all') return null;
  const { agencyId, userId } = scope;
  return sql`select w.stream, w.from_seq as "fromSeq", e.prev_hash as "prevHash"
      from (select 'request:' || f.id as stream, ${sentFromSeqSql(raw(`'request:' || f.id`), raw('f.kind'))} as from_seq
              from (${followedRequestsSql(agencyId, userId)}) f) w
      join audit_event e on e.stream = w.stream and e.seq = w.from_seq
     where w.from_seq > 1
     order by w.stream collate "C"`;
}
