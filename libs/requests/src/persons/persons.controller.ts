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
import type { CallerContext } from '@liaison/domain';
import { Caller, parseUuid } from '@liaison/platform';
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
  list(@Caller() caller: CallerContext, @Param('id', parseUuid('id')) id: string): Promise<PersonListView> {
    return this.persons.list(caller, id);
  }

  @Post()
  @ApiCreatedResponse({ type: PersonView })
  add(
    @Caller() caller: CallerContext,
    @Param('id', parseUuid('id')) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CreatePersonDto,
  ): Promise<PersonView> {
    return this.persons.add(caller, id, ifMatch, body);
  }

  @Patch(':personId')
  @ApiOkResponse({ type: PersonView })
  update(
    @Caller() caller: CallerContext,
    @Param('id', parseUuid('id')) id: string,
    @Param('personId', parseUuid('personId')) personId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdatePersonDto,
  ): Promise<PersonView> {
    return this.persons.update(caller, id, personId, ifMatch, body);
  }

  @Delete(':personId')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(
    @Caller() caller: CallerContext,
    @Param('id', parseUuid('id')) id: string,
    @Param('personId', parseUuid('personId')) personId: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    return this.persons.remove(caller, id, personId, ifMatch);
  }
}
