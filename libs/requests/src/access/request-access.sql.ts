import { list, raw, sql, type Sql } from '@liaison/data';
import { internalStates, REQUEST_KINDS } from '@liaison/domain';

/** Every (kind, state) pair still internal to the requesting side (a draft, a request under its own review). */
const INTERNAL_PAIRS = REQUEST_KINDS.flatMap((kind) => internalStates(kind).map((state) => [kind, state] as const));

/**
 * The requests (`alias`, `r` by default) that have left their requesting side's internal review: the only ones
 * anybody but that side may see. The SQL side of the domain's `relationToRequest` (its `internal` parties), for
 * every statement that lists requests of other agencies.
 */
export function sentOutSql(alias = 'r'): Sql {
  const pairs = INTERNAL_PAIRS.map(([kind, state]) => sql`(${kind}, ${state})`);
  return sql`(${raw(alias)}.kind, ${raw(alias)}.state) not in (${list(pairs)})`;
}

/**
 * Whether the user is a member of a task force the request is linked to (both SQL expressions, such as a value or a
 * column). Members of such a task force see the request once it has left internal review.
 */
export function inLinkedTaskForceSql(requestId: Sql, userId: Sql): Sql {
  return sql`exists (select 1 from task_force_request l join task_force_member m on m.task_force_id = l.task_force_id
    where l.request_id = ${requestId} and m.user_id = ${userId})`;
}

/** One row, `member`: {@link inLinkedTaskForceSql} for a request and a user. */
export function linkedTaskForceMemberSql(requestId: string, userId: string): Sql {
  return sql`select ${inLinkedTaskForceSql(sql`${requestId}`, sql`${userId}`)} as member`;
}

/**
 * `FOR NO KEY UPDATE`, not `FOR UPDATE`: rows that merely reference the request (deadlines, notes, attachments,
 * task-force links) take `FOR KEY SHARE` on it, which this lock does not block, so they never make a transition fail.
 * Without `wait`, fails at once (`NOWAIT`) when another transaction holds it.
 */
export function lockRequestSql(requestId: string, wait: boolean): Sql {
  return sql`select 1 from request where id = ${requestId} for no key update${raw(wait ? '' : ' nowait')}`;
}
