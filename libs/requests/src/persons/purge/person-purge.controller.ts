import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { CallerContext } from '@liaison/domain';
import { Caller, parseUuid, StepUp } from '@liaison/platform';
import { PersonView } from '../person.view';
import { PendingPurgeView } from './pending-purge.view';
import { PersonPurgeService } from './person-purge.service';
import { PurgePersonDto } from './purge-person.dto';

const NOT_VISIBLE = 'No such person, or on a request the caller may not see.';
const NOT_SUPERVISOR = "Visible, but the caller is not a supervisor of one of the request's agencies.";

@ApiTags('persons')
@ApiBearerAuth()
@Controller('persons')
export class PersonPurgeController {
  constructor(private readonly purges: PersonPurgeService) {}

  @Post(':id/purge')
  @HttpCode(200)
  @StepUp()
  @ApiOkResponse({
    type: PersonView,
    description:
      'The request is final and past retention: the person, purged at once (identity null, `purged: true`). Audited.',
  })
  @ApiAcceptedResponse({
    type: PendingPurgeView,
    description: 'Otherwise the purge is proposed and waits for a second supervisor (four eyes). Audited.',
  })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiForbiddenResponse({ description: NOT_SUPERVISOR })
  @ApiConflictResponse({ description: 'Already purged, or a purge already waits for confirmation.' })
  async purge(
    @Caller() caller: CallerContext,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: PurgePersonDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PersonView | PendingPurgeView> {
    const outcome = await this.purges.purge(caller, id, body);
    if ('purged' in outcome) return outcome.purged;
    response.status(202);
    return outcome.proposed;
  }

  @Post(':id/purge/confirm')
  @HttpCode(200)
  @StepUp()
  @ApiOkResponse({ type: PersonView, description: 'The person, purged. Audited.' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiForbiddenResponse({
    description: `${NOT_SUPERVISOR} Or \`second-supervisor-required\`: the caller proposed this purge.`,
  })
  @ApiConflictResponse({ description: 'Already purged, no purge proposed, or the proposal lapsed.' })
  confirm(@Caller() caller: CallerContext, @Param('id', parseUuid('id')) id: string): Promise<PersonView> {
    return this.purges.confirm(caller, id);
  }

  @Post(':id/purge/cancel')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The proposed purge is withdrawn; the identity stays. Audited.' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiForbiddenResponse({ description: NOT_SUPERVISOR })
  @ApiConflictResponse({ description: 'Already purged, or no purge proposed.' })
  cancel(@Caller() caller: CallerContext, @Param('id', parseUuid('id')) id: string): Promise<void> {
    return this.purges.cancel(caller, id);
  }
}
