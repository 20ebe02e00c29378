import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { actingSide, allowedEvents, type CallerContext } from '@liaison/domain';
import { Caller, etagOf, parseIfMatch, parseUuid } from '@liaison/platform';
import { toRequestView, toSnapshot } from '@liaison/requests';
import { TransitionResultView } from './transition-result.view';
import { TransitionDto } from './transition.dto';
import { WorkflowService } from './workflow.service';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('requests/:requestId/transitions')
export class TransitionsController {
  constructor(private readonly workflow: WorkflowService) {}

  @Post()
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version (ETag) you saw; 412 when stale.' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key gets the first answer.',
  })
  @ApiOkResponse({ type: TransitionResultView, description: 'The request after the event, with its new ETag.' })
  @ApiNotFoundResponse({ description: 'No such request, or not visible to the caller.' })
  @ApiConflictResponse({ description: 'Another change to the request is in progress.' })
  @ApiPreconditionFailedResponse({ description: 'If-Match names an older version.' })
  @ApiUnprocessableEntityResponse({ description: 'Refused by the workflow rules (reason, fields, missing items).' })
  async transition(
    @Caller() caller: CallerContext,
    @Param('requestId', parseUuid('requestId')) requestId: string,
    @Body() body: TransitionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TransitionResultView> {
    const applied = await this.workflow.apply(caller, {
      requestId,
      event: body.event,
      payload: body.payload ?? {},
      ifMatch: parseIfMatch(ifMatch),
    });
    const { actor } = caller;
    const { request, relation, facts, now } = applied;
    // as RequestPresenter shows it, from what the transition read: the events the caller may send next
    const side = actingSide(actor, relation);
    const events = side
      ? allowedEvents(request.kind, toSnapshot(request, facts), { side, roles: actor.roles, now })
      : [];
    response.setHeader('ETag', etagOf(request.version));
    return {
      ...toRequestView(request, relation, events, now),
      childVictim: facts.content.victimIsChild === true,
      warnings: applied.warnings,
    };
  }
}
