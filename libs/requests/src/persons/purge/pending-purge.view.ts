import { ApiProperty } from '@nestjs/swagger';
import type { PersonPurgeProposal, User } from '@liaison/data';
import { purgeProposalLapsed } from '@liaison/domain';
import { PURGE_GROUNDS, type PurgeGround } from './purge-ground';

export class PurgeProposerView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
}

/** A supervisor's purge waiting for a second supervisor's confirmation. */
export class PendingPurgeView {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ enum: PURGE_GROUNDS }) ground!: PurgeGround;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The proposer's words; null for those who see the identity redacted.",
  })
  reason!: string | null;
  @ApiProperty({ type: PurgeProposerView }) proposedBy!: PurgeProposerView;
  @ApiProperty() proposedAt!: string;
  @ApiProperty({ description: 'After this it can no longer be confirmed.' }) expiresAt!: string;
  @ApiProperty() expired!: boolean;
}

export function toPendingPurgeView(
  proposal: PersonPurgeProposal,
  requestId: string,
  options: { withReason: boolean; now?: Date },
): PendingPurgeView {
  const proposer = proposal.proposedBy as User;
  return {
    personId: proposal.person.id,
    requestId,
    ground: proposal.ground as PurgeGround,
    reason: options.withReason ? proposal.reason : null,
    proposedBy: { id: proposer.id, displayName: proposer.displayName, agencyId: proposer.agency.id },
    proposedAt: proposal.createdAt.toISOString(),
    expiresAt: proposal.expiresAt.toISOString(),
    expired: purgeProposalLapsed(proposal, options.now ?? new Date()),
  };
}
