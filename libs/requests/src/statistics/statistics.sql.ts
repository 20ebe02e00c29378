import { empty, join, raw, sql, type Sql, internalStateSql, sentOutSql } from '@liaison/data';
import type { RequestKind, StatisticsScope } from '@liaison/domain';

/** Which requests are counted, besides the caller's scope: filters of `GET /v1/statistics`. */
export interface StatisticsFilters {
  kind?: RequestKind;
  /** Created at or after. */
  from?: Date;
  /** Created before. */
  to?: Date;
}

/** A row of the request or victim counts: which breakdown, the cell's key (one or two parts) and its count. */
export interface CountRow {
  dimension: string;
  a: string | null;
  b: string | null;
  count: number;
}

export interface TimeInStateRow {
  kind: RequestKind;
  state: string;
  stays: number;
  median_seconds: number;
  p90_seconds: number;
}

export interface DeadlineRow {
  kind: string;
  ran: number;
  overdue: number;
}

/**
 * The counted requests as a CTE `scoped`: with the `agency` scope, those the agency files (any state) and those it
 * receives once sent (not in a state internal to the requesting side, the same rule as `RequestAccess`).
 */
function scopedRequests(scope: StatisticsScope, filters: StatisticsFilters): Sql {
  const conditions = [
    scope.kind === 'agency'
      ? sql`(r.requesting_agency_id = ${scope.agencyId} or (r.requested_agency_id = ${scope.agencyId} and ${sentOutSql()}))`
      : undefined,
    filters.kind ? sql`r.kind = ${filters.kind}` : undefined,
    filters.from ? sql`r.created_at >= ${filters.from.toISOString()}::timestamptz` : undefined,
    filters.to ? sql`r.created_at < ${filters.to.toISOString()}::timestamptz` : undefined,
  ].filter((condition) => condition !== undefined);
  const where = conditions.length > 0 ? join(conditions, ' and ') : sql`true`;
  return sql`scoped as materialized (select r.id, r.kind::text as kind, r.state::text as state, r.legal_basis::text as legal_basis, r.created_at, r.requesting_agency_id, r.requested_agency_id
  from request r where ${where})`;
}

/** Requests by kind, state (within its kind), country pair, legal basis and month of creation (UTC), and the total. */
export function requestCountsSql(scope: StatisticsScope, filters: StatisticsFilters): Sql {
  return sql`with ${scopedRequests(scope, filters)}
select 'kind' as dimension, kind as a, null::text as b, count(*)::int as count from scoped group by kind
union all select 'state', kind, state, count(*)::int from scoped group by kind, state
union all select 'countryPair', ra.country::text, rd.country::text, count(*)::int from scoped s
  join agency ra on ra.id = s.requesting_agency_id join agency rd on rd.id = s.requested_agency_id
  group by ra.country, rd.country
union all select 'legalBasis', legal_basis, null, count(*)::int from scoped group by legal_basis
union all select 'month', to_char(created_at at time zone 'UTC', 'YYYY-MM'), null, count(*)::int from scoped group by 2
union all select 'total', null, null, count(*)::int from scoped
order by 1, 2, 3`;
}

/**
 * Victims of the counted requests by gender, minor flag (the age band) and nationality, and their total. Only the
 * non-identifying columns are read; the encrypted identity is never touched.
 */
export function victimCountsSql(scope: StatisticsScope, filters: StatisticsFilters): Sql {
  return sql`with ${scopedRequests(scope, filters)}, victims as materialized (
  select p.gender::text as gender, p.minor, p.nationality::text as nationality
  from person p join scoped s on s.id = p.request_id where p.role = 'victim')
select 'gender' as dimension, gender as a, null::text as b, count(*)::int as count from victims group by gender
union all select 'minor', minor::text, null, count(*)::int from victims group by minor
union all select 'nationality', nationality, null, count(*)::int from victims group by nationality
union all select 'total', null, null, count(*)::int from victims
order by 1, 2 nulls last`;
}

/**
 * Time spent in each state of each kind, over the stays that have ended (with the `agency` scope, the stays in the
 * requesting side's internal states of its own requests only): a state is entered by the event that
 * changed into it (for the initial state, the request's creation) and left by the next event that changed the state
 * (events that keep the state, if any, do not end a stay). Stays still running are left out. Median and p90 by
 * `percentile_cont` (linear interpolation), in seconds.
 */
export function timeInStateSql(scope: StatisticsScope, filters: StatisticsFilters): Sql {
  const ownPhase =
    scope.kind === 'agency'
      ? sql` where requesting_agency_id = ${scope.agencyId} or not ${internalStateSql(raw('kind'), raw('from_state'))}`
      : empty;
  return sql`with ${scopedRequests(scope, filters)}, changes as (
  select s.kind, h.from_state, h.occurred_at, s.created_at, s.requesting_agency_id,
    lag(h.occurred_at) over (partition by h.request_id order by h.version) as entered_at
  from request_history h join scoped s on s.id = h.request_id where h.from_state <> h.to_state),
stays as (select kind, from_state as state,
  extract(epoch from occurred_at - coalesce(entered_at, created_at))::float8 as seconds from changes${ownPhase})
select kind, state, count(*)::int as stays,
  percentile_cont(0.5) within group (order by seconds) as median_seconds,
  percentile_cont(0.9) within group (order by seconds) as p90_seconds
from stays group by kind, state order by kind, state`;
}

/**
 * Runs of legal clocks of the counted requests per timer (deadline kind) that have run their course: stopped (the
 * awaited move came, or the request ended) or gone overdue. Open runs still on time are left out, since they may yet
 * go either way. Overdue: the run passed its due time (`overdue_at` set), whether stopped later or not.
 */
export function deadlineRunsSql(scope: StatisticsScope, filters: StatisticsFilters): Sql {
  return sql`with ${scopedRequests(scope, filters)}
select d.kind::text as kind, count(*)::int as ran, (count(*) filter (where d.overdue_at is not null))::int as overdue
from deadline d join scoped s on s.id = d.request_id
where d.overdue_at is not null or d.stopped_at is not null
group by d.kind order by d.kind`;
}
