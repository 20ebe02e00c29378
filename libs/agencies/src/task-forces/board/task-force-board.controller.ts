import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@liaison/auth';
import type { Actor } from '@liaison/domain';
import { parseUuid } from '@liaison/platform';
import { BoardView } from '../dto/board.view';
import { BoardQuery } from '../dto/board.query';
import { TaskForceBoardService } from './task-force-board.service';

@ApiTags('task forces')
@ApiBearerAuth()
@Controller('task-forces/:taskForceId/board')
export class TaskForceBoardController {
  constructor(private readonly boards: TaskForceBoardService) {}

  @Get()
  @ApiOkResponse({
    type: BoardView,
    description:
      'The linked requests by state with exact counts, each column’s first perColumn cards (overdue flags, last ' +
      'activity) and a cursor for the rest; with `state` (and `after`), that column’s next page.',
  })
  @ApiNotFoundResponse({ description: 'Unknown task force, or the caller is neither a member nor of the lead agency.' })
  board(
    @CurrentActor() actor: Actor,
    @Param('taskForceId', parseUuid('taskForceId')) taskForceId: string,
    @Query() query: BoardQuery,
  ): Promise<BoardView> {
    return this.boards.board(actor, taskForceId, query);
  }
}
