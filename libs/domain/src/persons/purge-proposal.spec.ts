import type { Actor } from '../access/actor';
import { purgeConfirmationRefusal, purgeProposalExpiry, purgeProposalLapsed } from './purge-proposal';

const NOW = new Date('2025-03-10T12:00:00.000Z');
const proposer: Actor = { userId: 'proposer', agencyId: 'a', roles: ['SUPERVISOR'], platformAdmin: false };
const second: Actor = { ...proposer, userId: 'second' };

function proposal(expiresAt: Date) {
  return { proposedBy: { id: proposer.userId }, expiresAt };
}

describe('purge proposals (four eyes)', () => {
  it('lapse the configured number of days after they are proposed', () => {
    expect(purgeProposalExpiry(NOW, 7)).toEqual(new Date('2025-03-17T12:00:00.000Z'));
  });

  it('have lapsed from their expiry on, not before', () => {
    expect(purgeProposalLapsed(proposal(new Date(NOW.getTime() + 1)), NOW)).toBe(false);
    expect(purgeProposalLapsed(proposal(NOW), NOW)).toBe(true);
    expect(purgeProposalLapsed(proposal(new Date(NOW.getTime() - 1)), NOW)).toBe(true);
  });

  it('are confirmed by a second supervisor before they lapse', () => {
    expect(purgeConfirmationRefusal(proposal(new Date(NOW.getTime() + 1)), second, NOW)).toBeNull();
    expect(purgeConfirmationRefusal(proposal(NOW), second, NOW)).toBe('lapsed');
  });

  it('are never confirmed by their proposer, lapsed or not', () => {
    expect(purgeConfirmationRefusal(proposal(new Date(NOW.getTime() + 1)), proposer, NOW)).toBe('same_supervisor');
    expect(purgeConfirmationRefusal(proposal(NOW), proposer, NOW)).toBe('same_supervisor');
  });
});
