import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@liaison/auth';
import type { Actor, CallerContext } from '@liaison/domain';
import { Caller, parseUuid } from '@liaison/platform';
import { CreateLinkDto } from './create-link.dto';
import { LinkListView, LinkView } from './link.view';
import { LinksService } from './links.service';

@ApiTags('links')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'Either request is unknown or not one the caller may see.' })
@Controller('requests/:id/links')
export class LinksController {
  constructor(private readonly links: LinksService) {}

  @Post()
  @ApiCreatedResponse({ type: LinkView })
  add(
    @Caller() caller: CallerContext,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: CreateLinkDto,
  ): Promise<LinkView> {
    return this.links.add(caller, id, body);
  }

  @Get()
  @ApiOkResponse({ type: LinkListView })
  list(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<LinkListView> {
    return this.links.list(actor, id);
  }
}
