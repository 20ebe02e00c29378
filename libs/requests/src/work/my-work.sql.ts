import { join, list, raw, sql, sentOutSql, type Sql } from '@liaison/data';
import type { RequestKind, Side } from '@liaison/domain';

/** Where a request waits on the caller: per side of the caller's agency, the states of each kind. */
export interface WorkStates {
  side: Side;
  kind: RequestKind;
  always: readonly string[];
  /** Only when this side put the request on hold. */
  whenHolding: readonly string[];
}

export interface WorkScope {
  agencyId: string;
  userId: string;
  /** A draft is the work of the officer who wrote it, not of the agency. */
  draftState: string;
}

export interface WorkRow {
  id: string;
  reference: string;
  kind: RequestKind;
  state: string;
  title: string;
  urgency: string;
  overdue: boolean;
  held_by_side: Side | null;
  relation: Side;
  last_activity_at: Date;
  next_due_at: Date | null;
  next_due_timer: string | null;
  requesting_agency_id: string;
  requesting_agency_name: string;
  requesting_agency_country: string;
  requested_agency_id: string;
  requested_agency_name: string;
  requested_agency_country: string;
}

/**
 * The requests waiting on the caller's roles, most urgent first: overdue, then the earliest running deadline,
 * then urgent ones, then those waiting longest. One branch per side, each on its agency index. The deadline is
 * read from the request's own clocks (written with each transition), not the worker's deadline table.
 */
export function myWorkSql(scope: WorkScope, states: readonly WorkStates[], limit: number): Sql {
  const branches = (['requesting', 'requested'] as const)
    .map((side) =>
      branchSql(
        scope,
        side,
        states.filter((each) => each.side === side),
      ),
    )
    .filter((branch): branch is Sql => branch !== undefined);
  if (branches.length === 0) return sql`select null::uuid as id where false`;
  return sql`select r.*, nd.kind as next_due_timer, nd.due_at as next_due_at, ra.name as requesting_agency_name, ra.country as requesting_agency_country, rd.name as requested_agency_name, rd.country as requested_agency_country
from (${join(branches, '\nunion all\n')}) r
join agency ra on ra.id = r.requesting_agency_id
join agency rd on rd.id = r.requested_agency_id
left join lateral (select t->>'name' as kind, (t->>'dueAt')::timestamptz as due_at from jsonb_array_elements(r.timers) t where t->>'status' = 'running' order by (t->>'dueAt')::timestamptz limit 1) nd on true
order by r.overdue desc, nd.due_at asc nulls last, (r.urgency = 'urgent') desc, r.last_activity_at asc, r.id
limit ${limit + 1}`;
}

function branchSql(scope: WorkScope, side: Side, states: readonly WorkStates[]): Sql | undefined {
  const waiting = states.flatMap((each) => [
    ...(each.always.length ? [sql`(r.kind = ${each.kind} and r.state in (${list(each.always)}))`] : []),
    ...(each.whenHolding.length
      ? [sql`(r.kind = ${each.kind} and r.state in (${list(each.whenHolding)}) and r.held_by_side = ${side})`]
      : []),
  ]);
  if (waiting.length === 0) return undefined;
  const party =
    side === 'requesting'
      ? sql`r.requesting_agency_id = ${scope.agencyId}`
      : sql`r.requested_agency_id = ${scope.agencyId} and r.requesting_agency_id <> ${scope.agencyId} and ${sentOutSql()}`;
  return sql`select r.id, r.reference, r.kind, r.state, r.title, r.urgency, r.overdue, r.held_by_side, r.timers, r.last_activity_at, r.requesting_agency_id, r.requested_agency_id, ${raw(`'${side}'`)} as relation
from request r
where ${party} and (${join(waiting, ' or ')}) and (r.state <> ${scope.draftState} or r.created_by_id = ${scope.userId})`;
}
