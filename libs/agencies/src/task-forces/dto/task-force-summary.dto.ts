import { ApiProperty } from '@nestjs/swagger';
import { AgencyRefDto } from './agency-ref.dto';
import { MembershipDto } from './task-force.dto';

/** A line of the caller's task forces. */
export class TaskForceSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: AgencyRefDto }) leadAgency!: AgencyRefDto;
  @ApiProperty() memberCount!: number;
  @ApiProperty() linkedRequestCount!: number;
  @ApiProperty({ type: MembershipDto, nullable: true, description: 'Null: seen as a user of the lead agency.' })
  myMembership!: MembershipDto | null;
  @ApiProperty() createdAt!: string;
}
