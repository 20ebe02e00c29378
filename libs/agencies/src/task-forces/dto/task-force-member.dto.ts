import { ApiProperty } from '@nestjs/swagger';
import type { TaskForceMember } from '@liaison/data';
import { AgencyRefDto } from './agency-ref.dto';

export class TaskForceMemberDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: AgencyRefDto }) agency!: AgencyRefDto;
  @ApiProperty({ description: 'Follows the board but changes nothing (always so for NGO members).' })
  readOnly!: boolean;
  @ApiProperty() addedAt!: string;

  /** The member's user and agency must be loaded. */
  static from(member: TaskForceMember): TaskForceMemberDto {
    return {
      userId: member.user.id,
      displayName: member.user.displayName,
      agency: AgencyRefDto.from(member.user.agency),
      readOnly: member.readOnly,
      addedAt: member.createdAt.toISOString(),
    };
  }
}
