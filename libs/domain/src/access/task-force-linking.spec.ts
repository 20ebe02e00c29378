import type { Actor } from './actor';
import type { RequestRelation } from './request-relation';
import type { TaskForceStanding } from './task-force-access';
import { decideOnwardSharing, taskForceLinkRefusal, type OnwardSharing } from './task-force-linking';

const supervisor: Actor = { userId: 'u1', agencyId: 'a', roles: ['SUPERVISOR'], platformAdmin: false };
const writer: TaskForceStanding = { leadAgencyId: 'lead', membership: { readOnly: false } };

describe('linking a request to a task force', () => {
  it('is for a supervisor of either party who is a writing member', () => {
    expect(taskForceLinkRefusal(supervisor, 'requesting', writer)).toBeNull();
    expect(taskForceLinkRefusal(supervisor, 'requested', writer)).toBeNull();
  });

  it('refuses officers, auditors and admins of a party', () => {
    for (const role of ['OFFICER', 'AUDITOR', 'ADMIN'] as const) {
      expect(taskForceLinkRefusal({ ...supervisor, roles: [role] }, 'requesting', writer)).toBe('NOT_PARTY_SUPERVISOR');
    }
  });

  it('refuses a supervisor who sees the request only through a task force, or not at all', () => {
    for (const relation of ['task_force', 'none'] as RequestRelation[]) {
      expect(taskForceLinkRefusal(supervisor, relation, writer)).toBe('NOT_PARTY_SUPERVISOR');
    }
  });

  it('refuses a party supervisor who is not a member, or only a read-only one', () => {
    expect(taskForceLinkRefusal(supervisor, 'requesting', { ...writer, membership: null })).toBe('NOT_WRITING_MEMBER');
    expect(taskForceLinkRefusal(supervisor, 'requested', { ...writer, membership: { readOnly: true } })).toBe(
      'NOT_WRITING_MEMBER',
    );
  });
});

describe('onward sharing under handling codes', () => {
  const sharing = (overrides: Partial<OnwardSharing> = {}): OnwardSharing => ({
    handling: { code: 'H2' },
    parties: { requestingAgencyId: 'a', requestedAgencyId: 'b' },
    viewingAgencyIds: ['a', 'b'],
    permissionConfirmed: false,
    confirmingAgencyId: 'a',
    ...overrides,
  });

  it('needs no permission while only the two parties would see the request', () => {
    expect(decideOnwardSharing(sharing())).toEqual({ allowed: true, permission: 'not_needed', thirdAgencyIds: [] });
  });

  it('needs no permission for H0 and H1, even with third agencies', () => {
    for (const code of ['H0', 'H1'] as const) {
      expect(decideOnwardSharing(sharing({ handling: { code }, viewingAgencyIds: ['a', 'c'] }))).toEqual({
        allowed: true,
        permission: 'not_needed',
        thirdAgencyIds: ['c'],
      });
    }
  });

  it('refuses H2 and H3 before third agencies without the confirmed permission, naming them once', () => {
    const third = { viewingAgencyIds: ['d', 'a', 'c', 'd'] };
    expect(decideOnwardSharing(sharing(third))).toEqual({
      allowed: false,
      refusal: 'permission_required',
      thirdAgencyIds: ['c', 'd'],
    });
    const h3 = sharing({ ...third, handling: { code: 'H3', restriction: 'Police use only' } });
    expect(decideOnwardSharing(h3)).toEqual({
      allowed: false,
      refusal: 'permission_required',
      thirdAgencyIds: ['c', 'd'],
    });
  });

  it('allows H2 and H3 before third agencies once the permission is confirmed, and says so', () => {
    const confirmed = { viewingAgencyIds: ['a', 'c'], permissionConfirmed: true };
    expect(decideOnwardSharing(sharing(confirmed))).toEqual({
      allowed: true,
      permission: 'confirmed',
      thirdAgencyIds: ['c'],
    });
    expect(decideOnwardSharing(sharing({ ...confirmed, handling: { code: 'H3', restriction: 'x' } }))).toMatchObject({
      allowed: true,
      permission: 'confirmed',
    });
  });

  it('does not record a permission that was not needed', () => {
    expect(decideOnwardSharing(sharing({ permissionConfirmed: true }))).toMatchObject({ permission: 'not_needed' });
  });

  it('takes the permission from the providing (requesting) agency alone', () => {
    const third = { viewingAgencyIds: ['a', 'c'], permissionConfirmed: true };
    for (const confirmingAgencyId of ['b', 'c', 'lead']) {
      expect(decideOnwardSharing(sharing({ ...third, confirmingAgencyId }))).toEqual({
        allowed: false,
        refusal: 'not_provider',
        thirdAgencyIds: ['c'],
      });
    }
  });
});
