import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { CallerContext } from '@liaison/domain';
import { Caller, parseUuid } from '@liaison/platform';
import { AgenciesService } from './agencies.service';
import { AgencyView } from './dto/agency.view';
import { CreateAgencyDto } from './dto/create-agency.dto';
import { ListAgenciesQuery } from './dto/list-agencies.query';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @ApiQuery({ name: 'country', required: false })
  @ApiOkResponse({ type: [AgencyView], description: 'The directory of agencies, to address requests.' })
  async list(@Query() query: ListAgenciesQuery): Promise<AgencyView[]> {
    return (await this.agencies.list(query.country)).map(AgencyView.from);
  }

  @Get(':agencyId')
  @ApiOkResponse({ type: AgencyView })
  async get(@Param('agencyId', parseUuid('agencyId')) id: string): Promise<AgencyView> {
    return AgencyView.from(await this.agencies.get(id));
  }

  @Post()
  @ApiCreatedResponse({ type: AgencyView, description: 'Platform administrators only.' })
  async create(@Caller() caller: CallerContext, @Body() body: CreateAgencyDto): Promise<AgencyView> {
    return AgencyView.from(await this.agencies.create(caller, body));
  }
}
