import type { Actor } from './actor';
import { isRole } from './role';
import { mayAdministerUsersOf, mayCreateAgencies, mayCreateFirstAdministrator } from './user-administration';

const actor = (overrides: Partial<Actor>): Actor => ({
  userId: 'u1',
  agencyId: 'agency-a',
  roles: ['OFFICER'],
  platformAdmin: false,
  ...overrides,
});

describe('user administration', () => {
  it('lets an agency ADMIN manage only their own agency', () => {
    const admin = actor({ roles: ['ADMIN'] });
    expect(mayAdministerUsersOf(admin, 'agency-a')).toBe(true);
    expect(mayAdministerUsersOf(admin, 'agency-b')).toBe(false);
  });

  it('refuses officers, supervisors and auditors', () => {
    for (const role of ['OFFICER', 'SUPERVISOR', 'AUDITOR'] as const) {
      expect(mayAdministerUsersOf(actor({ roles: [role] }), 'agency-a')).toBe(false);
    }
  });

  it('lets a platform admin create agencies and their first administrator, but not manage their users', () => {
    const operator = actor({ roles: ['ADMIN'], platformAdmin: true });
    expect(mayAdministerUsersOf(operator, 'agency-b')).toBe(false);
    expect(mayAdministerUsersOf(operator, 'agency-a')).toBe(true); // an ADMIN of their own agency
    expect(mayCreateAgencies(operator)).toBe(true);
    expect(mayCreateAgencies(actor({ roles: ['ADMIN'] }))).toBe(false);
    expect(mayCreateFirstAdministrator(operator, ['ADMIN'])).toBe(true);
    expect(mayCreateFirstAdministrator(operator, ['OFFICER'])).toBe(false);
    expect(mayCreateFirstAdministrator(operator, ['ADMIN', 'SUPERVISOR'])).toBe(false);
    expect(mayCreateFirstAdministrator(actor({ roles: ['ADMIN'] }), ['ADMIN'])).toBe(false);
  });

  it('recognises only the four roles', () => {
    expect(isRole('SUPERVISOR')).toBe(true);
    expect(isRole('ROOT')).toBe(false);
  });
});
