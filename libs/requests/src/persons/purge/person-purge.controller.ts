import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { CallerContext } from '@liaison/domain';
import { Caller, parseUuid } from '@liaison/platform';
import { PersonView } from '../person.view';
import { PersonPurgeService } from './person-purge.service';
import { PurgePersonDto } from './purge-person.dto';

@ApiTags('persons')
@ApiBearerAuth()
@Controller('persons')
export class PersonPurgeController {
  constructor(private readonly purges: PersonPurgeService) {}

  @Post(':id/purge')
  @HttpCode(200)
  @ApiOkResponse({ type: PersonView, description: 'The person, purged: identity null, `purged: true`. Audited.' })
  @ApiNotFoundResponse({ description: 'No such person, or on a request the caller may not see.' })
  @ApiForbiddenResponse({
    description: "Visible, but the caller is not a supervisor of one of the request's agencies.",
  })
  @ApiConflictResponse({ description: 'Already purged.' })
  purge(
    @Caller() caller: CallerContext,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: PurgePersonDto,
  ): Promise<PersonView> {
    return this.purges.purge(caller, id, body);
  }
}
