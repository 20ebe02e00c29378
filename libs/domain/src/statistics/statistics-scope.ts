import { hasRole, type Actor } from '../access/actor';

/**
 * Whose requests a statistics answer counts (docs/domain.md, Statistics):
 * - platform admins, and auditors or supervisors of an oversight agency: every request (`all`), the same reach as
 *   the oversight auditors have over the trail;
 * - an agency's auditors and supervisors: the requests their agency files, and those it receives once they have
 *   been sent (a draft or one under its requesting side's review is that side's alone, as in `relationToRequest`).
 *   Requests seen only through a task force are not counted: statistics describe the agency's own cooperation,
 *   and aggregates over other agencies' requests are the oversight bodies' to see.
 * Anyone else may not read statistics: `null`.
 */
export type StatisticsScope = { kind: 'all' } | { kind: 'agency'; agencyId: string };

export function statisticsScopeOf(actor: Actor, oversightAgencyIds: readonly string[]): StatisticsScope | null {
  if (actor.platformAdmin) return { kind: 'all' };
  if (!hasRole(actor, 'AUDITOR', 'SUPERVISOR')) return null;
  if (oversightAgencyIds.includes(actor.agencyId)) return { kind: 'all' };
  return { kind: 'agency', agencyId: actor.agencyId };
}
