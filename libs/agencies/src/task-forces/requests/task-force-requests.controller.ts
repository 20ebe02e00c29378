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
import { TaskForceRequestView } from '../dto/task-force-request.view';
import { LinkRequestDto } from '../dto/link-request.dto';
import { TaskForceRequestsService } from './task-force-requests.service';

@ApiTags('task forces')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'Unknown task force or request, or one the caller does not see.' })
@ApiForbiddenResponse({ description: 'Only a SUPERVISOR of a party who is a writing member links requests.' })
@Controller('task-forces/:taskForceId/requests')
export class TaskForceRequestsController {
  constructor(private readonly links: TaskForceRequestsService) {}

  @Post()
  @ApiCreatedResponse({ type: TaskForceRequestView, description: 'The task force’s members now see the request.' })
  @ApiConflictResponse({ description: 'Already linked.' })
  @ApiUnprocessableEntityResponse({
    description: 'H2/H3 request, third agencies in the task force: confirm permission.',
  })
  link(
    @Caller() caller: CallerContext,
    @Param('taskForceId', parseUuid('taskForceId')) taskForceId: string,
    @Body() body: LinkRequestDto,
  ): Promise<TaskForceRequestView> {
    return this.links.link(caller, taskForceId, body);
  }

  @Delete(':requestId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Unlinked.' })
  unlink(
    @Caller() caller: CallerContext,
    @Param('taskForceId', parseUuid('taskForceId')) taskForceId: string,
    @Param('requestId', parseUuid('requestId')) requestId: string,
  ): Promise<void> {
    return this.links.unlink(caller, taskForceId, requestId);
  }
}
