import type { Actor } from '../access/actor';
import type { Role } from '../access/role';
import { statisticsScopeOf } from './statistics-scope';

const actor = (roles: Role[], overrides: Partial<Actor> = {}): Actor => ({
  userId: 'user-1',
  agencyId: 'agency-1',
  roles,
  platformAdmin: false,
  ...overrides,
});

describe('statistics scope', () => {
  it("gives auditors and supervisors their agency's requests", () => {
    expect(statisticsScopeOf(actor(['AUDITOR']), [])).toEqual({ kind: 'agency', agencyId: 'agency-1' });
    expect(statisticsScopeOf(actor(['SUPERVISOR']), ['other'])).toEqual({ kind: 'agency', agencyId: 'agency-1' });
  });

  it('gives oversight agencies and platform admins every request', () => {
    expect(statisticsScopeOf(actor(['AUDITOR']), ['agency-1'])).toEqual({ kind: 'all' });
    expect(statisticsScopeOf(actor(['SUPERVISOR']), ['agency-1'])).toEqual({ kind: 'all' });
    expect(statisticsScopeOf(actor([], { platformAdmin: true }), [])).toEqual({ kind: 'all' });
  });

  it('refuses officers and administrators, even of an oversight agency', () => {
    expect(statisticsScopeOf(actor(['OFFICER']), [])).toBeNull();
    expect(statisticsScopeOf(actor(['ADMIN']), ['agency-1'])).toBeNull();
  });
});
