import type { Actor } from './actor';
import { addedRoles, confirmationRefusal, mayDecideGrant, proposalRefusal, type PendingGrant } from './role-grants';

const actor = (overrides: Partial<Actor>): Actor => ({
  userId: 'admin-1',
  agencyId: 'agency-a',
  roles: ['ADMIN'],
  platformAdmin: false,
  ...overrides,
});

const pending = (overrides: Partial<PendingGrant> = {}): PendingGrant => ({
  grant: 'SUPERVISOR',
  agencyId: 'agency-a',
  userId: 'officer-1',
  proposedById: 'admin-2',
  ...overrides,
});

describe('role grants', () => {
  it('applies OFFICER and ADMIN at once; SUPERVISOR and AUDITOR wait for a second administrator', () => {
    expect(addedRoles(['OFFICER'], ['OFFICER', 'SUPERVISOR', 'AUDITOR', 'ADMIN'])).toEqual({
      immediate: ['ADMIN'],
      pending: ['SUPERVISOR', 'AUDITOR'],
    });
    expect(addedRoles(['SUPERVISOR'], ['SUPERVISOR'])).toEqual({ immediate: [], pending: [] });
  });

  it('refuses a grant to oneself, and the platform-admin flag to anyone but platform admins', () => {
    expect(proposalRefusal(actor({}), 'admin-1', ['OFFICER'])).toBe('self_grant');
    expect(proposalRefusal(actor({}), 'admin-1', [])).toBeNull();
    expect(proposalRefusal(actor({}), 'officer-1', ['PLATFORM_ADMIN'])).toBe('platform_admins_only');
    expect(proposalRefusal(actor({ platformAdmin: true }), 'officer-1', ['PLATFORM_ADMIN'])).toBeNull();
  });

  it("lets the grantee agency's ADMINs decide a role, and platform admins the flag", () => {
    expect(mayDecideGrant(actor({}), pending())).toBe(true);
    expect(mayDecideGrant(actor({ agencyId: 'agency-b' }), pending())).toBe(false);
    expect(mayDecideGrant(actor({ roles: ['SUPERVISOR'] }), pending())).toBe(false);
    expect(mayDecideGrant(actor({}), pending({ grant: 'PLATFORM_ADMIN' }))).toBe(false);
    expect(
      mayDecideGrant(actor({ agencyId: 'agency-b', platformAdmin: true }), pending({ grant: 'PLATFORM_ADMIN' })),
    ).toBe(true);
  });

  it('needs a second person: neither the proposer nor the grantee confirms', () => {
    expect(confirmationRefusal(actor({ userId: 'admin-2' }), pending())).toBe('own_proposal');
    expect(confirmationRefusal(actor({ userId: 'officer-1' }), pending())).toBe('own_grant');
    expect(confirmationRefusal(actor({}), pending())).toBeNull();
  });
});
