import type { Actor } from './actor';
import { actingSide, relationToRequest } from './request-relation';

const actor = (agencyId: string, roles: Actor['roles'] = ['OFFICER']): Actor => ({
  userId: 'u',
  agencyId,
  roles,
  platformAdmin: false,
});
const parties = { requestingAgencyId: 'in', requestedAgencyId: 'np' };

describe('who stands where to a request', () => {
  it('knows the two parties, task-force members and strangers', () => {
    expect(relationToRequest(actor('in'), parties, false)).toBe('requesting');
    expect(relationToRequest(actor('np'), parties, false)).toBe('requested');
    expect(relationToRequest(actor('th'), parties, true)).toBe('task_force');
    expect(relationToRequest(actor('th'), parties, false)).toBe('none');
  });

  it('hides a draft from everyone but the requesting side', () => {
    const draft = { ...parties, internal: true };
    expect(relationToRequest(actor('in'), draft, false)).toBe('requesting');
    expect(relationToRequest(actor('np'), draft, false)).toBe('none');
    expect(relationToRequest(actor('th'), draft, true)).toBe('none');
  });

  it('lets only officers and supervisors of a party act', () => {
    expect(actingSide(actor('np', ['SUPERVISOR']), 'requested')).toBe('requested');
    expect(actingSide(actor('np', ['AUDITOR']), 'requested')).toBeNull();
    expect(actingSide(actor('th', ['SUPERVISOR']), 'task_force')).toBeNull();
  });
});
