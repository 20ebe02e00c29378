import { hasRole, type Actor } from '@liaison/domain';
import type { LiaisonConfig } from '@liaison/platform';
import { notAnAuditor } from '../audit-problems';

/**
 * Which streams a reader of the trail sees (docs/audit.md, Who reads the trail):
 * - platform admins and auditors of an oversight agency (AUDIT_OVERSIGHT_AGENCY_IDS): every stream;
 * - an agency's auditors: their agency's stream, the streams of requests their agency is a party to or that a task
 *   force they belong to follows, and the streams of task forces their agency leads or has members in.
 * Always whole streams, so that every chain a reader sees is complete and verifiable.
 */
export type AuditScope = { kind: 'all' } | { kind: 'agency'; agencyId: string; userId: string };

export function auditScopeOf(actor: Actor, config: LiaisonConfig): AuditScope {
  if (actor.platformAdmin) return { kind: 'all' };
  if (!hasRole(actor, 'AUDITOR')) throw notAnAuditor();
  if (config.audit.oversightAgencyIds.includes(actor.agencyId)) return { kind: 'all' };
  return { kind: 'agency', agencyId: actor.agencyId, userId: actor.userId };
}

/** A SQL condition on `e.stream` (with its parameters) that keeps the scope's streams. */
export function streamCondition(scope: AuditScope, column = 'e.stream'): { sql: string; params: unknown[] } {
  if (scope.kind === 'all') return { sql: 'true', params: [] };
  const { agencyId, userId } = scope;
  const sql = `(${column} = 'agency:' || ?::text
    or ${column} in (select 'request:' || r.id from request r where r.requesting_agency_id = ? or r.requested_agency_id = ?)
    or ${column} in (select 'request:' || l.request_id from task_force_request l
                      join task_force_member m on m.task_force_id = l.task_force_id where m.user_id = ?)
    or ${column} in (select 'task-force:' || t.id from task_force t where t.lead_agency_id = ? or exists (
                      select 1 from task_force_member m join app_user u on u.id = m.user_id
                      where m.task_force_id = t.id and u.agency_id = ?)))`;
  return { sql, params: [agencyId, agencyId, agencyId, userId, agencyId, agencyId] };
}
