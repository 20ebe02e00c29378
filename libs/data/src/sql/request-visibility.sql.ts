import { endedUnsentTriples, finalStatePairs, internalStatePairs } from '@liaison/domain';
import { list, raw, sql, type Sql } from './sql';

/*
 * Who may see a request, as SQL over the request and task-force tables: shared by every library that lists
 * requests or streams of other agencies (search, statistics, boards, the trail, the write path).
 */

/** Every (kind, state) pair still internal to the requesting side (a draft, a request under its own review). */
const INTERNAL_PAIRS = internalStatePairs().map(([kind, state]) => sql`(${kind}, ${state})`);

/** Every (kind, final state, internal state) of a request withdrawn or cancelled before it was ever sent. */
const ENDED_UNSENT = endedUnsentTriples().map(([kind, state, previous]) => sql`(${kind}, ${state}, ${previous})`);

/** Every (kind, state) pair that ends a request. */
const FINAL_PAIRS = finalStatePairs().map(([kind, state]) => sql`(${kind}, ${state})`);

/**
 * Whether an event from `from` to `to` (SQL expressions, of a request of kind `kind`) is known beyond the requesting
 * side: the SQL side of the domain's `isEventBeyondRequestingSide` (not within the internal phase, nor ending the
 * request before it was sent).
 */
export function eventBeyondRequestingSideSql(kind: Sql, from: Sql, to: Sql): Sql {
  return sql`((${kind}, ${from}) not in (${list(INTERNAL_PAIRS)})
    or ((${kind}, ${to}) not in (${list(INTERNAL_PAIRS)}) and (${kind}, ${to}) not in (${list(FINAL_PAIRS)})))`;
}

/**
 * Whether the state (`state`, of a request of kind `kind`: both SQL expressions, such as columns) is internal to the
 * requesting side: the SQL side of the workflows' `internal` states.
 */
export function internalStateSql(kind: Sql, state: Sql): Sql {
  return sql`(${kind}, ${state}) in (${list(INTERNAL_PAIRS)})`;
}

/**
 * The requests (`alias`, `r` by default) that have left their requesting side: the only ones anybody but that side
 * may see. Neither internal (a draft, one under its own review) nor ended before it was sent (withdrawn or
 * cancelled then). The SQL side of the domain's `isKnownToRequestingSideAlone`, for every statement that lists
 * requests of other agencies.
 */
export function sentOutSql(alias = 'r'): Sql {
  const r = raw(alias);
  return sql`((${r}.kind, ${r}.state) not in (${list(INTERNAL_PAIRS)})
    and (${r}.kind, ${r}.state, coalesce(${r}.previous_state, '')) not in (${list(ENDED_UNSENT)}))`;
}

/**
 * The requests (`alias`) a user may open, exactly as the request page decides (the domain's `relationToRequest`):
 * those their agency files in any state; once sent out, those it is asked, and those linked to a task force the user
 * is a member of. A task force's board and counts show these and no others.
 */
export function visibleToUserSql(viewer: { agencyId: string; userId: string }, alias = 'r'): Sql {
  const r = raw(alias);
  return sql`(${r}.requesting_agency_id = ${viewer.agencyId} or (${sentOutSql(alias)} and (${r}.requested_agency_id = ${viewer.agencyId}
    or ${inLinkedTaskForceSql(sql`${r}.id`, sql`${viewer.userId}`)})))`;
}

/**
 * Whether the user is a member of a task force the request is linked to (both SQL expressions, such as a value or a
 * column). Members of such a task force see the request once it has left internal review.
 */
export function inLinkedTaskForceSql(requestId: Sql, userId: Sql): Sql {
  return sql`exists (select 1 from task_force_request l join task_force_member m on m.task_force_id = l.task_force_id
    where l.request_id = ${requestId} and m.user_id = ${userId})`;
}
