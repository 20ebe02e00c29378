/**
 * Roles of a user within their agency (docs/architecture.md, Access):
 * OFFICER files and answers requests; SUPERVISOR is the central authority that approves what leaves and
 * decides what arrives (UNTOC Art. 18(13)); AUDITOR reads, including the trail; ADMIN manages the agency's
 * users and webhooks.
 */
export const ROLES = ['OFFICER', 'SUPERVISOR', 'AUDITOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
