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
import type { Actor, CallerContext } from '@liaison/domain';
import { Caller, cursorPageView, IdPageQuery, parseUuid, type CursorPage } from '@liaison/platform';
import { CreateTaskForceDto } from './dto/create-task-force.dto';
import { TaskForceView } from './dto/task-force.view';
import { TaskForceSummaryView } from './dto/task-force-summary.view';
import { TaskForcesService } from './task-forces.service';

@ApiTags('task forces')
@ApiBearerAuth()
@Controller('task-forces')
export class TaskForcesController {
  constructor(private readonly taskForces: TaskForcesService) {}

  @Post()
  @ApiCreatedResponse({
    type: TaskForceView,
    description: 'Led by the caller’s agency; the caller is its first member.',
  })
  @ApiForbiddenResponse({ description: 'Only a SUPERVISOR sets up a task force.' })
  create(@Caller() caller: CallerContext, @Body() body: CreateTaskForceDto): Promise<TaskForceView> {
    return this.taskForces.create(caller, body);
  }

  @Get()
  @ApiOkResponse({
    type: cursorPageView(TaskForceSummaryView, 'TaskForceSummaryPageView'),
    description: 'A page of the task forces the caller is a member of or their agency leads.',
  })
  list(@CurrentActor() actor: Actor, @Query() page: IdPageQuery): Promise<CursorPage<TaskForceSummaryView>> {
    return this.taskForces.list(actor, page);
  }

  @Get(':taskForceId')
  @ApiOkResponse({ type: TaskForceView })
  @ApiNotFoundResponse({ description: 'Unknown, or the caller is neither a member nor of the lead agency.' })
  get(
    @CurrentActor() actor: Actor,
    @Param('taskForceId', parseUuid('taskForceId')) taskForceId: string,
  ): Promise<TaskForceView> {
    return this.taskForces.get(actor, taskForceId);
  }
}
