import { internalStatePairs } from '@liaison/domain';
import { list, raw, sql, type Sql } from './sql';

/*
 * Who may see a request, as SQL over the request and task-force tables: shared by every library that lists
 * requests or streams of other agencies (search, statistics, boards, the trail, the write path).
 */

/** Every (kind, state) pair still internal to the requesting side (a draft, a request under its own review). */
const INTERNAL_PAIRS = internalStatePairs().map(([kind, state]) => sql`(${kind}, ${state})`);

/**
 * Whether the state (`state`, of a request of kind `kind`: both SQL expressions, such as columns) is internal to the
 * requesting side: the SQL side of the workflows' `internal` states.
 */
export function internalStateSql(kind: Sql, state: Sql): Sql {
  return sql`(${kind}, ${state}) in (${list(INTERNAL_PAIRS)})`;
}

/**
 * The requests (`alias`, `r` by default) that have left their requesting side's internal review: the only ones
 * anybody but that side may see. The SQL side of the domain's `relationToRequest` (its `internal` parties), for
 * every statement that lists requests of other agencies.
 */
export function sentOutSql(alias = 'r'): Sql {
  return sql`(${raw(alias)}.kind, ${raw(alias)}.state) not in (${list(INTERNAL_PAIRS)})`;
}

/**
 * The requests (`alias`) a viewer from `agencyId` may see among those shared with it: all that its agency files,
 * and the others once sent out (the board of a task force).
 */
export function visibleToAgencySql(agencyId: string, alias = 'r'): Sql {
  return sql`(${raw(alias)}.requesting_agency_id = ${agencyId} or ${sentOutSql(alias)})`;
}

/**
 * Whether the user is a member of a task force the request is linked to (both SQL expressions, such as a value or a
 * column). Members of such a task force see the request once it has left internal review.
 */
export function inLinkedTaskForceSql(requestId: Sql, userId: Sql): Sql {
  return sql`exists (select 1 from task_force_request l join task_force_member m on m.task_force_id = l.task_force_id
    where l.request_id = ${requestId} and m.user_id = ${userId})`;
}
