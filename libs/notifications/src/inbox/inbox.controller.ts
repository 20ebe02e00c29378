import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@liaison/auth';
import type { Actor } from '@liaison/domain';
import { parseUuid } from '@liaison/platform';
import { InboxQuery } from './inbox.query';
import { InboxItemView, InboxPageView, MarkedReadView, UnreadCountView } from './inbox.view';
import { InboxService } from './inbox.service';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOkResponse({ type: InboxPageView, description: 'The caller’s notices: unread first, newest first.' })
  page(@CurrentActor() actor: Actor, @Query() query: InboxQuery): Promise<InboxPageView> {
    return this.inbox.page(actor, query);
  }

  @Get('unread-count')
  @ApiOkResponse({ type: UnreadCountView })
  async unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountView> {
    return { unread: await this.inbox.unreadCount(actor) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: MarkedReadView, description: 'Every unread entry of the caller marked read.' })
  async readAll(@CurrentActor() actor: Actor): Promise<MarkedReadView> {
    return { marked: await this.inbox.markAllRead(actor) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: InboxItemView })
  @ApiNotFoundResponse({ description: 'No such entry in the caller’s inbox.' })
  read(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<InboxItemView> {
    return this.inbox.markRead(actor, id);
  }
}
