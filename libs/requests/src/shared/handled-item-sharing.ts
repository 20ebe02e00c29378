import { needsPermissionToShareOnward, storedHandling, type HandlingCode, type RequestRelation } from '@liaison/domain';

/**
 * Items marked H2 or H3 are not shared beyond the two agencies without the provider's permission (docs/domain.md,
 * Handling codes): a task-force member does not see them.
 */
export function shareableWith(relation: RequestRelation, code: HandlingCode): boolean {
  if (relation === 'requesting' || relation === 'requested') return true;
  return !needsPermissionToShareOnward(storedHandling(code));
}
