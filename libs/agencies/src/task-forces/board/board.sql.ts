import { empty, list, raw, sql, type Sql, visibleToUserSql } from '@liaison/data';
import type { RequestKind } from '@liaison/domain';
import type { BoardCursor } from './board-cursor';

/**
 * Whose board and as of when: the task force, the viewer (who sees the cards they may open: their agency's own
 * requests in any state, the others once sent out), its optional member-agency filter, the time overdue is judged at.
 */
export interface BoardScope {
  taskForceId: string;
  viewer: { agencyId: string; userId: string };
  agencyId?: string;
  /** One kind's requests only (a lane set per kind). */
  kind?: RequestKind;
  now: Date;
}

/**
 * Overdue: marked by the deadline worker, or a running clock already past due (the worker may not have fired yet).
 * The exact check costs little next to fetching the linked requests (test/bench/README.md), so it stays, also in the
 * counts.
 */
const overdue = (now: Date): Sql => sql`(r.overdue or exists (
    select 1 from jsonb_array_elements(r.timers) as timer
     where timer ->> 'status' = 'running' and (timer ->> 'dueAt')::timestamptz < ${now.toISOString()}::timestamptz))`;

/** Whether any clock runs: "on time" means something only then. */
const CLOCK_RUNNING = sql`exists (select 1 from jsonb_array_elements(r.timers) as timer where timer ->> 'status' = 'running')`;

/** Times as ISO text (parsing PostgreSQL's own format in JavaScript costs more than the query's sort). */
const ISO_MS = raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`);
const ISO_US = raw(`'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`);

/**
 * The task force's linked requests (its links are unique on task force + request: an index scan; each request by
 * primary key), materialized with their overdue judged once: the one pass over them a board needs. Left to
 * itself, the planner would trust a column page's keyset to leave few requests and walk an agency's whole
 * activity index instead (seconds at 1,000,000 requests).
 */
function linked(scope: BoardScope): Sql {
  const agency = scope.agencyId
    ? sql` and ${scope.agencyId} in (r.requesting_agency_id, r.requested_agency_id)`
    : empty;
  const kind = scope.kind ? sql` and r.kind = ${scope.kind}` : empty;
  return sql`with r as materialized (
            select r.id, r.reference, r.kind, r.state, r.title, r.handling_code, r.created_at, r.last_activity_at,
                   r.requesting_agency_id, r.requested_agency_id, ${overdue(scope.now)} as overdue,
                   ${CLOCK_RUNNING} as clock_running
              from task_force_request l join request r on r.id = l.request_id
             where l.task_force_id = ${scope.taskForceId} and ${visibleToUserSql(scope.viewer)}${agency}${kind})`;
}

/** Which cards: every column's first ones, or with `state` that column's after the cursor (or its first ones). */
export interface BoardPage {
  state?: string;
  after?: BoardCursor;
  /** Cards per column. */
  rows: number;
}

/**
 * The board in one statement: requests and overdue requests by state (one grouped query over the linked
 * requests), and beside each state its cards, most recent activity first (a lateral per state); with
 * `page.state`, the other states' rows carry their counts only (no card: null columns).
 */
export function boardSql(scope: BoardScope, page: BoardPage): Sql {
  const column = page.state === undefined ? empty : sql` and c.state = ${page.state}`;
  const keyset = page.after
    ? sql` and (r.last_activity_at, r.id) < (${page.after.key}::timestamptz, ${page.after.id}::uuid)`
    : empty;
  return sql`${linked(scope)},
          c as (select r.state, count(*)::int as count, count(*) filter (where r.overdue)::int as overdue
                  from r group by r.state)
          select c.state as column_state, c.count as column_count, c.overdue as column_overdue,
                 p.id, p.reference, p.kind, p.state, p.title, p.handling_code, p.overdue, p.clock_running,
                 p.requesting_agency_id, p.requested_agency_id,
                 to_char(p.created_at at time zone 'UTC', ${ISO_MS}) as created_at,
                 to_char(p.last_activity_at at time zone 'UTC', ${ISO_US}) as cursor_key
            from c
            left join lateral (
                   select r.* from r where r.state = c.state${column}${keyset}
                    order by r.last_activity_at desc, r.id desc limit ${page.rows}) p on true
           order by c.state, p.last_activity_at desc, p.id desc`;
}

/** The agencies of the cards, a handful however many cards there are. */
export function agenciesSql(ids: readonly string[]): Sql {
  return sql`select id, name, country from agency where id in (${list(ids)})`;
}
