import { hasRole, type Actor } from '@liaison/domain';
import type { LiaisonConfig } from '@liaison/platform';
import { notAnAuditor } from '../audit-problems';

/**
 * Which streams a reader of the trail sees (docs/audit.md, Who reads the trail):
 * - platform admins and auditors of an oversight agency (AUDIT_OVERSIGHT_AGENCY_IDS): every stream;
 * - an agency's auditors: their agency's stream, the streams of requests their agency is a party to or that a task
 *   force they belong to follows (another agency's request once it has left that side's internal phase), and the
 *   streams of task forces their agency leads or has members in.
 * Always whole streams, so that every chain a reader sees is complete and verifiable.
 */
export type AuditScope = { kind: 'all' } | { kind: 'agency'; agencyId: string; userId: string };

export function auditScopeOf(actor: Actor, config: LiaisonConfig): AuditScope {
  if (actor.platformAdmin) return { kind: 'all' };
  if (!readsTheTrail(actor)) throw notAnAuditor();
  if (config.audit.oversightAgencyIds.includes(actor.agencyId)) return { kind: 'all' };
  return { kind: 'agency', agencyId: actor.agencyId, userId: actor.userId };
}

export function readsTheTrail(actor: Actor): boolean {
  return actor.platformAdmin || hasRole(actor, 'AUDITOR');
}

/** The streams an agency's auditors would see: for any other user, what they may know exists. */
export function agencyScopeOf(actor: Actor): AuditScope {
  return { kind: 'agency', agencyId: actor.agencyId, userId: actor.userId };
}
