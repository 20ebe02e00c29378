import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@liaison/auth';
import type { Actor } from '@liaison/domain';
import { MyWorkQuery } from './my-work.query';
import { MyWorkService } from './my-work.service';
import { MyWorkView } from './my-work.view';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('me/work')
export class MyWorkController {
  constructor(private readonly work: MyWorkService) {}

  @Get()
  @ApiOkResponse({
    type: MyWorkView,
    description:
      'Requests waiting on the caller: on their roles in their agency (a draft only on its author), most urgent first.',
  })
  list(@CurrentActor() actor: Actor, @Query() query: MyWorkQuery): Promise<MyWorkView> {
    return this.work.work(actor, query);
  }
}
