import { empty, sql, type Sql, visibleToUserSql } from '@liaison/data';

/** The agencies of a task force's members (each once). */
export function memberAgenciesSql(taskForceId: string): Sql {
  return sql`select distinct u.agency_id
       from task_force_member m join app_user u on u.id = m.user_id
      where m.task_force_id = ${taskForceId}`;
}

/** A task force's linked requests with their handling, by reference. */
export function linkedRequestsSql(taskForceId: string): Sql {
  return sql`select r.id, r.reference, r.handling_code, r.handling_restriction, r.requesting_agency_id, r.requested_agency_id
         from task_force_request l join request r on r.id = l.request_id
        where l.task_force_id = ${taskForceId}
        order by r.reference`;
}

/**
 * A page of the task forces the user is a member of or their agency leads, in id order, one more than `limit`
 * (whether another page follows): each with its lead agency, the user's membership and its counts (of the linked
 * requests, those the user may open, as on their board).
 */
export function taskForceSummariesSql(
  viewer: { userId: string; agencyId: string },
  page: { cursor?: string; limit: number },
): Sql {
  const after = page.cursor ? sql` and tf.id > ${page.cursor}` : empty;
  return sql`select tf.id, tf.name, tf.description, tf.created_at,
              a.id as lead_id, a.name as lead_name, a.country as lead_country, a.type as lead_type,
              mine.read_only,
              (select count(*) from task_force_member m where m.task_force_id = tf.id) as member_count,
              (select count(*) from task_force_request l join request r on r.id = l.request_id
                where l.task_force_id = tf.id and ${visibleToUserSql(viewer)}) as linked_request_count
         from task_force tf
         join agency a on a.id = tf.lead_agency_id
         left join task_force_member mine on mine.task_force_id = tf.id and mine.user_id = ${viewer.userId}
        where (tf.lead_agency_id = ${viewer.agencyId} or mine.id is not null)${after}
        order by tf.id
        limit ${page.limit + 1}`;
}

/** One row, `linked`: how many of a task force's linked requests the viewer may open. */
export function linkedRequestCountSql(taskForceId: string, viewer: { agencyId: string; userId: string }): Sql {
  return sql`select count(*)::int as linked from task_force_request l join request r on r.id = l.request_id
        where l.task_force_id = ${taskForceId} and ${visibleToUserSql(viewer)}`;
}
