import { ApiProperty } from '@nestjs/swagger';
import type { TaskForceMember } from '@liaison/data';
import { AgencyRefView } from './agency-ref.view';

export class TaskForceMemberView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: AgencyRefView }) agency!: AgencyRefView;
  @ApiProperty({ description: 'Follows the board but changes nothing (always so for NGO members).' })
  readOnly!: boolean;
  @ApiProperty() addedAt!: string;

  /** The member's user and agency must be loaded. */
  static from(member: TaskForceMember): TaskForceMemberView {
    return {
      userId: member.user.id,
      displayName: member.user.displayName,
      agency: AgencyRefView.from(member.user.agency),
      readOnly: member.readOnly,
      addedAt: member.createdAt.toISOString(),
    };
  }
}
