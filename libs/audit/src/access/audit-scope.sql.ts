import { raw, sentOutSql, sql, type Sql } from '@liaison/data';
import type { AuditScope } from './audit-scope';

/**
 * A condition on a stream column (`e.stream` by default) that keeps the scope's streams. It reads the requests,
 * task forces and members that make a stream the scope's: the trail's own view of them, kept here because the
 * libs that own those tables depend on this one. A request the other agency or a task force follows is theirs only
 * once it has left the requesting side's internal phase, as everywhere else.
 */
export function streamConditionSql(scope: AuditScope, column: Sql = raw('e.stream')): Sql {
  if (scope.kind === 'all') return sql`true`;
  const { agencyId, userId } = scope;
  return sql`(${column} = 'agency:' || ${agencyId}::text
    or ${column} in (select 'request:' || r.id from request r where r.requesting_agency_id = ${agencyId}
                      or (r.requested_agency_id = ${agencyId} and ${sentOutSql()}))
    or ${column} in (select 'request:' || l.request_id from task_force_request l
                      join task_force_member m on m.task_force_id = l.task_force_id
                      join request r on r.id = l.request_id where m.user_id = ${userId} and ${sentOutSql()})
    or ${column} in (select 'task-force:' || t.id from task_force t where t.lead_agency_id = ${agencyId} or exists (
                      select 1 from task_force_member m join app_user u on u.id = m.user_id
                      where m.task_force_id = t.id and u.agency_id = ${agencyId})))`;
}
