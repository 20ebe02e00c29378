import { ApiProperty } from '@nestjs/swagger';
import { GRANTS, type Grant } from '@liaison/domain';
import type { RoleGrant } from '@liaison/data';

class GrantPersonView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

class GranteeView extends GrantPersonView {
  @ApiProperty() email!: string;
}

/** A grant waiting for a second administrator: who would get what, proposed by whom and when. */
export class RoleGrantView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: GRANTS, description: 'A role within the agency, or PLATFORM_ADMIN (the platform-admin flag).' })
  grant!: Grant;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty({ type: GranteeView }) user!: GranteeView;
  @ApiProperty({ type: GrantPersonView }) proposedBy!: GrantPersonView;
  @ApiProperty() proposedAt!: string;

  /** `grant` with its user and proposer loaded. */
  static from(grant: RoleGrant): RoleGrantView {
    return {
      id: grant.id,
      grant: grant.grant,
      agencyId: grant.agency.id,
      user: { id: grant.user.id, displayName: grant.user.displayName, email: grant.user.email },
      proposedBy: { id: grant.proposedBy.id, displayName: grant.proposedBy.displayName },
      proposedAt: grant.createdAt.toISOString(),
    };
  }
}
