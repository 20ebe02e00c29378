import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@liaison/auth';
import type { Actor, CallerContext } from '@liaison/domain';
import { Caller, parseUuid } from '@liaison/platform';
import { CreateNoteDto } from './create-note.dto';
import { NoteListView, NoteView } from './note.view';
import { NotesService } from './notes.service';

@ApiTags('notes')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such request, or not one the caller may see.' })
@Controller('requests/:id/notes')
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Post()
  @ApiCreatedResponse({ type: NoteView })
  add(
    @Caller() caller: CallerContext,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: CreateNoteDto,
  ): Promise<NoteView> {
    return this.notes.add(caller, id, body);
  }

  @Get()
  @ApiOkResponse({ type: NoteListView, description: 'H2/H3 notes are not shown to task-force members.' })
  list(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<NoteListView> {
    return this.notes.list(actor, id);
  }
}
