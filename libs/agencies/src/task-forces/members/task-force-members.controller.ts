import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { CallerContext } from '@liaison/domain';
import { Caller, parseUuid } from '@liaison/platform';
import { AddMemberDto } from '../dto/add-member.dto';
import { TaskForceMemberView } from '../dto/task-force-member.view';
import { TaskForceMembersService } from './task-force-members.service';

@ApiTags('task forces')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'Unknown task force, or one the caller does not see.' })
@ApiForbiddenResponse({ description: 'Only a SUPERVISOR of the lead agency manages the members.' })
@Controller('task-forces/:taskForceId/members')
export class TaskForceMembersController {
  constructor(private readonly members: TaskForceMembersService) {}

  @Post()
  @ApiCreatedResponse({ type: TaskForceMemberView, description: 'Users of NGOs become read-only members.' })
  @ApiConflictResponse({ description: 'Already a member.' })
  @ApiUnprocessableEntityResponse({
    description: 'Deactivated user, or linked H2/H3 requests need handlingPermissionConfirmed.',
  })
  add(
    @Caller() caller: CallerContext,
    @Param('taskForceId', parseUuid('taskForceId')) taskForceId: string,
    @Body() body: AddMemberDto,
  ): Promise<TaskForceMemberView> {
    return this.members.add(caller, taskForceId, body);
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed.' })
  remove(
    @Caller() caller: CallerContext,
    @Param('taskForceId', parseUuid('taskForceId')) taskForceId: string,
    @Param('userId', parseUuid('userId')) userId: string,
  ): Promise<void> {
    return this.members.remove(caller, taskForceId, userId);
  }
}
