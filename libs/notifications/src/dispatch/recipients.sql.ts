import { empty, raw, sql, type Sql } from '@liaison/data';

/*
 * The users a batch of notices goes to, one statement per kind of recipient. Ids travel as one comma-separated
 * value (uuids hold no comma), whatever their number. With a user id, only that user (if a recipient): a channel's
 * job checks its one user without reading everyone else.
 */

/** The active users of these agencies, with their roles. */
export function partyUsersSql(agencyIds: readonly string[], userId?: string): Sql {
  return sql`select id, email, language, agency_id, roles from app_user
  where agency_id = any(string_to_array(${agencyIds.join(',')}, ',')::uuid[]) and active${onlyUser('id', userId)} order by id`;
}

/** The active members of the task forces these requests are linked to, by request. */
export function taskForceUsersSql(requestIds: readonly string[], userId?: string): Sql {
  return sql`select distinct link.request_id, u.id, u.email, u.language from task_force_request link
  join task_force_member member on member.task_force_id = link.task_force_id
  join app_user u on u.id = member.user_id
  where link.request_id = any(string_to_array(${requestIds.join(',')}, ',')::uuid[]) and u.active${onlyUser('u.id', userId)} order by u.id`;
}

/** Who filed these requests, if still active, by request. */
export function filerUsersSql(requestIds: readonly string[], userId?: string): Sql {
  return sql`select r.id as request_id, u.id, u.email, u.language from request r join app_user u on u.id = r.created_by_id
  where r.id = any(string_to_array(${requestIds.join(',')}, ',')::uuid[]) and u.active${onlyUser('u.id', userId)}`;
}

function onlyUser(column: 'id' | 'u.id', userId: string | undefined): Sql {
  return userId === undefined ? empty : sql` and ${raw(column)} = ${userId}::uuid`;
}
