import { ApiProperty } from '@nestjs/swagger';
import type { TaskForce, TaskForceMember } from '@liaison/data';
import { AgencyRefView } from './agency-ref.view';
import { TaskForceMemberView } from './task-force-member.view';

export class MembershipView {
  @ApiProperty() readOnly!: boolean;
}

/** A task force with its members, as its members and its lead agency see it. */
export class TaskForceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: AgencyRefView }) leadAgency!: AgencyRefView;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ type: [TaskForceMemberView] }) members!: TaskForceMemberView[];
  @ApiProperty() linkedRequestCount!: number;
  @ApiProperty({ type: MembershipView, nullable: true, description: 'The caller’s own membership.' })
  myMembership!: MembershipView | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  /** The lead agency and the members' users and agencies must be loaded. */
  static from(
    taskForce: TaskForce,
    members: TaskForceMember[],
    linkedRequestCount: number,
    viewerId: string,
  ): TaskForceView {
    const mine = members.find((member) => member.user.id === viewerId);
    return {
      id: taskForce.id,
      name: taskForce.name,
      description: taskForce.description ?? null,
      leadAgency: AgencyRefView.from(taskForce.leadAgency),
      createdBy: taskForce.createdBy.id,
      members: members.map(TaskForceMemberView.from),
      linkedRequestCount,
      myMembership: mine ? { readOnly: mine.readOnly } : null,
      createdAt: taskForce.createdAt.toISOString(),
      updatedAt: taskForce.updatedAt.toISOString(),
    };
  }
}
