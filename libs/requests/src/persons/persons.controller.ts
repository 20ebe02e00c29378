import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor } from '@liaison/auth';
import type { Actor } from '@liaison/domain';
import { ClientRequestId, parseUuid } from '@liaison/platform';
import { CreatePersonDto } from './create-person.dto';
import { PersonListView, PersonView } from './person.view';
import { PersonsService } from './persons.service';
import { UpdatePersonDto } from './update-person.dto';

@ApiTags('persons')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such request or person, or not one the caller may see.' })
@ApiConflictResponse({ description: 'Writes: only drafts can be edited.' })
@Controller('requests/:id/persons')
export class PersonsController {
  constructor(private readonly persons: PersonsService) {}

  @Get()
  @ApiOkResponse({
    type: PersonListView,
    description:
      "Identities in clear for the two agencies' officers and supervisors (each read audited); redacted for others.",
  })
  list(
    @CurrentActor() actor: Actor,
    @ClientRequestId() clientRequestId: string | null,
    @Param('id', parseUuid('id')) id: string,
  ): Promise<PersonListView> {
    return this.persons.list({ actor, clientRequestId }, id);
  }

  @Post()
  @ApiCreatedResponse({ type: PersonView })
  add(
    @CurrentActor() actor: Actor,
    @ClientRequestId() clientRequestId: string | null,
    @Param('id', parseUuid('id')) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CreatePersonDto,
  ): Promise<PersonView> {
    return this.persons.add({ actor, clientRequestId }, id, ifMatch, body);
  }

  @Patch(':personId')
  @ApiOkResponse({ type: PersonView })
  update(
    @CurrentActor() actor: Actor,
    @ClientRequestId() clientRequestId: string | null,
    @Param('id', parseUuid('id')) id: string,
    @Param('personId', parseUuid('personId')) personId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdatePersonDto,
  ): Promise<PersonView> {
    return this.persons.update({ actor, clientRequestId }, id, personId, ifMatch, body);
  }

  @Delete(':personId')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(
    @CurrentActor() actor: Actor,
    @ClientRequestId() clientRequestId: string | null,
    @Param('id', parseUuid('id')) id: string,
    @Param('personId', parseUuid('personId')) personId: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    return this.persons.remove({ actor, clientRequestId }, id, personId, ifMatch);
  }
}
