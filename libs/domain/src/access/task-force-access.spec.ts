import type { Actor } from './actor';
import {
  mayCreateTaskForce,
  mayManageTaskForceMembers,
  mayViewTaskForce,
  memberIsReadOnly,
  type TaskForceStanding,
} from './task-force-access';
import { AGENCY_TYPES } from '../agencies/agency-type';

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  agencyId: 'lead',
  roles: ['SUPERVISOR'],
  platformAdmin: false,
  ...overrides,
});

const standing = (membership: TaskForceStanding['membership'] = null): TaskForceStanding => ({
  leadAgencyId: 'lead',
  membership,
});

describe('task force access', () => {
  it('lets only supervisors create a task force', () => {
    expect(mayCreateTaskForce(actor())).toBe(true);
    expect(mayCreateTaskForce(actor({ roles: ['OFFICER', 'SUPERVISOR'] }))).toBe(true);
    for (const role of ['OFFICER', 'AUDITOR', 'ADMIN'] as const) {
      expect(mayCreateTaskForce(actor({ roles: [role] }))).toBe(false);
    }
    expect(mayCreateTaskForce(actor({ roles: ['ADMIN'], platformAdmin: true }))).toBe(false);
  });

  it('shows a task force to its members, read-only ones included, and to any user of the lead agency', () => {
    const foreign = actor({ agencyId: 'other', roles: ['OFFICER'] });
    expect(mayViewTaskForce(foreign, standing({ readOnly: false }))).toBe(true);
    expect(mayViewTaskForce(foreign, standing({ readOnly: true }))).toBe(true);
    expect(mayViewTaskForce(actor({ roles: ['AUDITOR'] }), standing())).toBe(true);
    expect(mayViewTaskForce(foreign, standing())).toBe(false);
  });

  it('lets only a supervisor of the lead agency manage members, member or not', () => {
    expect(mayManageTaskForceMembers(actor(), standing())).toBe(true);
    expect(mayManageTaskForceMembers(actor({ roles: ['OFFICER'] }), standing({ readOnly: false }))).toBe(false);
    expect(mayManageTaskForceMembers(actor({ roles: ['ADMIN'] }), standing())).toBe(false);
    expect(mayManageTaskForceMembers(actor({ agencyId: 'other' }), standing({ readOnly: false }))).toBe(false);
  });

  it('makes NGO members read-only whatever was asked, and honours the choice for other agencies', () => {
    expect(memberIsReadOnly('NGO', false)).toBe(true);
    expect(memberIsReadOnly('NGO', true)).toBe(true);
    for (const type of AGENCY_TYPES.filter((candidate) => candidate !== 'NGO')) {
      expect(memberIsReadOnly(type, false)).toBe(false);
      expect(memberIsReadOnly(type, true)).toBe(true);
    }
  });
});
