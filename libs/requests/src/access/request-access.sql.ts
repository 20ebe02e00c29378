import { inLinkedTaskForceSql, raw, sql, type Sql } from '@liaison/data';

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
