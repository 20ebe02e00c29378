import type { Actor } from '../access/actor';
import { addDuration } from '../workflows/duration';

/** A supervisor's proposed purge of a person's identity, as the four-eyes rules see it (docs/personal-data.md). */
export interface PurgeProposalTerms {
  proposedBy: { id: string };
  expiresAt: Date;
}

/** Why a supervisor may not confirm a proposed purge. */
export type PurgeConfirmationRefusal = 'same_supervisor' | 'lapsed';

/** When a purge proposed at `proposedAt` lapses: `days` later. */
export function purgeProposalExpiry(proposedAt: Date, days: number): Date {
  return addDuration(proposedAt, { days });
}

/** A lapsed proposal can no longer be confirmed (only cancelled, or replaced by a new one). */
export function purgeProposalLapsed(proposal: Pick<PurgeProposalTerms, 'expiresAt'>, now: Date): boolean {
  return proposal.expiresAt <= now;
}

/** Four eyes: a second supervisor, not the proposer, confirms the purge before the proposal lapses. */
export function purgeConfirmationRefusal(
  proposal: PurgeProposalTerms,
  actor: Actor,
  now: Date,
): PurgeConfirmationRefusal | null {
  if (proposal.proposedBy.id === actor.userId) return 'same_supervisor';
  if (purgeProposalLapsed(proposal, now)) return 'lapsed';
  return null;
}
