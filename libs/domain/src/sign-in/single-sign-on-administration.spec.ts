import type { Actor } from '../access/actor';
import { mayConfigureSingleSignOn } from './single-sign-on-administration';

const actor = (overrides: Partial<Actor>): Actor => ({
  userId: 'u1',
  agencyId: 'agency-a',
  roles: ['ADMIN'],
  platformAdmin: false,
  ...overrides,
});

describe('who connects an agency’s identity provider', () => {
  it('is the agency’s own ADMIN', () => {
    expect(mayConfigureSingleSignOn(actor({}), 'agency-a')).toBe(true);
    expect(mayConfigureSingleSignOn(actor({}), 'agency-b')).toBe(false);
  });

  it('is not another role, nor a platform admin for another agency', () => {
    expect(mayConfigureSingleSignOn(actor({ roles: ['OFFICER', 'SUPERVISOR', 'AUDITOR'] }), 'agency-a')).toBe(false);
    expect(mayConfigureSingleSignOn(actor({ platformAdmin: true }), 'agency-b')).toBe(false);
  });
});
