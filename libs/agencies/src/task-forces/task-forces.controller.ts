import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor } from '@liaison/auth';
import type { Actor } from '@liaison/domain';
import { ClientRequestId, CursorPageQuery, cursorPageView, parseUuid, type CursorPage } from '@liaison/platform';
import { CreateTaskForceDto } from './dto/create-task-force.dto';
import { TaskForceDto } from './dto/task-force.dto';
import { TaskForceSummaryDto } from './dto/task-force-summary.dto';
import { TaskForcesService } from './task-forces.service';

@ApiTags('task forces')
@ApiBearerAuth()
@Controller('task-forces')
export class TaskForcesController {
  constructor(private readonly taskForces: TaskForcesService) {}

  @Post()
  @ApiCreatedResponse({
    type: TaskForceDto,
    description: 'Led by the caller’s agency; the caller is its first member.',
  })
  @ApiForbiddenResponse({ description: 'Only a SUPERVISOR sets up a task force.' })
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateTaskForceDto,
    @ClientRequestId() clientRequestId: string | null,
  ): Promise<TaskForceDto> {
    return this.taskForces.create(actor, body, clientRequestId);
  }

  @Get()
  @ApiOkResponse({
    type: cursorPageView(TaskForceSummaryDto, 'TaskForceSummaryPage'),
    description: 'A page of the task forces the caller is a member of or their agency leads.',
  })
  list(@CurrentActor() actor: Actor, @Query() page: CursorPageQuery): Promise<CursorPage<TaskForceSummaryDto>> {
    return this.taskForces.list(actor, page);
  }

  @Get(':taskForceId')
  @ApiOkResponse({ type: TaskForceDto })
  @ApiNotFoundResponse({ description: 'Unknown, or the caller is neither a member nor of the lead agency.' })
  get(
    @CurrentActor() actor: Actor,
    @Param('taskForceId', parseUuid('taskForceId')) taskForceId: string,
  ): Promise<TaskForceDto> {
    return this.taskForces.get(actor, taskForceId);
  }
}
