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
import { CurrentActor } from '@liaison/auth';
import type { Actor } from '@liaison/domain';
import { ClientRequestId, parseUuid } from '@liaison/platform';
import { LinkedRequestDto } from '../dto/linked-request.dto';
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
  @ApiCreatedResponse({ type: LinkedRequestDto, description: 'The task force’s members now see the request.' })
  @ApiConflictResponse({ description: 'Already linked.' })
  @ApiUnprocessableEntityResponse({
    description: 'H2/H3 request, third agencies in the task force: confirm permission.',
  })
  link(
    @CurrentActor() actor: Actor,
    @Param('taskForceId', parseUuid('taskForceId')) taskForceId: string,
    @Body() body: LinkRequestDto,
    @ClientRequestId() clientRequestId: string | null,
  ): Promise<LinkedRequestDto> {
    return this.links.link(actor, taskForceId, body, clientRequestId);
  }

  @Delete(':requestId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Unlinked.' })
  unlink(
    @CurrentActor() actor: Actor,
    @Param('taskForceId', parseUuid('taskForceId')) taskForceId: string,
    @Param('requestId', parseUuid('requestId')) requestId: string,
    @ClientRequestId() clientRequestId: string | null,
  ): Promise<void> {
    return this.links.unlink(actor, taskForceId, requestId, clientRequestId);
  }
}
