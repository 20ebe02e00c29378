import { ApiProperty } from '@nestjs/swagger';
import { AgencyRefView } from './agency-ref.view';
import { MembershipView } from './task-force.view';

/** A line of the caller's task forces. */
export class TaskForceSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: AgencyRefView }) leadAgency!: AgencyRefView;
  @ApiProperty() memberCount!: number;
  @ApiProperty() linkedRequestCount!: number;
  @ApiProperty({
    type: MembershipView,
    nullable: true,
    description: 'Null: seen as a user of the lead agency.',
  })
  myMembership!: MembershipView | null;
  @ApiProperty() createdAt!: string;
}
