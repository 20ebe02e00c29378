import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor } from '@liaison/auth';
import type { Actor, CallerContext } from '@liaison/domain';
import { Caller, etagOf, parseUuid } from '@liaison/platform';
import { CreateRequestDto } from './drafts/create-request.dto';
import { DraftsService } from './drafts/drafts.service';
import { UpdateRequestDto } from './drafts/update-request.dto';
import { HistoryView } from './history/history-entry.view';
import { RequestHistoryService } from './history/request-history.service';
import { RequestSearchService } from './search/request-search.service';
import { RequestSummaryPageView } from './search/request-summary.view';
import { SearchRequestsQuery } from './search/search-requests.query';
import { RequestReader } from './view/request-reader';
import { RequestView } from './view/request.view';

@ApiTags('requests')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such request, or not one the caller may see.' })
@Controller('requests')
export class RequestsController {
  constructor(
    private readonly drafts: DraftsService,
    private readonly reader: RequestReader,
    private readonly history: RequestHistoryService,
    private readonly searcher: RequestSearchService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: RequestView, description: 'The new draft; its ETag is the version.' })
  @ApiUnprocessableEntityResponse({
    description: 'Unknown requested agency, same country, or a legal basis not for the kind.',
  })
  async create(
    @Caller() caller: CallerContext,
    @Body() body: CreateRequestDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RequestView> {
    return withEtag(response, await this.drafts.create(caller, body));
  }

  @Get()
  @ApiOkResponse({ type: RequestSummaryPageView, description: 'Requests the caller may see, newest first.' })
  search(@CurrentActor() actor: Actor, @Query() query: SearchRequestsQuery): Promise<RequestSummaryPageView> {
    return this.searcher.search(actor, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: RequestView, description: 'With the events the caller may send now.' })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RequestView> {
    return withEtag(response, await this.reader.get(actor, id));
  }

  @Patch(':id')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag read before editing.' })
  @ApiOkResponse({ type: RequestView })
  @ApiConflictResponse({ description: 'Only drafts can be edited.' })
  @ApiPreconditionFailedResponse({ description: 'If-Match names an older version.' })
  async update(
    @Caller() caller: CallerContext,
    @Param('id', parseUuid('id')) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateRequestDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RequestView> {
    return withEtag(response, await this.drafts.update(caller, id, ifMatch, body));
  }

  @Get(':id/history')
  @ApiOkResponse({ type: HistoryView })
  listHistory(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<HistoryView> {
    return this.history.list(actor, id);
  }
}

function withEtag(response: Response, view: RequestView): RequestView {
  response.setHeader('ETag', etagOf(view.version));
  return view;
}
