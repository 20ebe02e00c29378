import { ApiProperty } from '@nestjs/swagger';
import type { TaskForce, TaskForceMember } from '@liaison/data';
import { AgencyRefDto } from './agency-ref.dto';
import { TaskForceMemberDto } from './task-force-member.dto';

export class MembershipDto {
  @ApiProperty() readOnly!: boolean;
}

/** A task force with its members, as its members and its lead agency see it. */
export class TaskForceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: AgencyRefDto }) leadAgency!: AgencyRefDto;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ type: [TaskForceMemberDto] }) members!: TaskForceMemberDto[];
  @ApiProperty() linkedRequestCount!: number;
  @ApiProperty({ type: MembershipDto, nullable: true, description: 'The caller’s own membership.' })
  myMembership!: MembershipDto | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  /** The lead agency and the members' users and agencies must be loaded. */
  static from(
    taskForce: TaskForce,
    members: TaskForceMember[],
    linkedRequestCount: number,
    viewerId: string,
  ): TaskForceDto {
    const mine = members.find((member) => member.user.id === viewerId);
    return {
      id: taskForce.id,
      name: taskForce.name,
      description: taskForce.description ?? null,
      leadAgency: AgencyRefDto.from(taskForce.leadAgency),
      createdBy: taskForce.createdBy.id,
      members: members.map(TaskForceMemberDto.from),
      linkedRequestCount,
      myMembership: mine ? { readOnly: mine.readOnly } : null,
      createdAt: taskForce.createdAt.toISOString(),
      updatedAt: taskForce.updatedAt.toISOString(),
    };
  }
}
