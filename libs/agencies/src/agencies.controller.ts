import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { CallerContext } from '@liaison/domain';
import { Caller, parseUuid } from '@liaison/platform';
import { AgenciesService } from './agencies.service';
import { AgencyDto } from './dto/agency.dto';
import { CreateAgencyDto } from './dto/create-agency.dto';
import { ListAgenciesQuery } from './dto/list-agencies.query';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @ApiQuery({ name: 'country', required: false })
  @ApiOkResponse({ type: [AgencyDto], description: 'The directory of agencies, to address requests.' })
  async list(@Query() query: ListAgenciesQuery): Promise<AgencyDto[]> {
    return (await this.agencies.list(query.country)).map(AgencyDto.from);
  }

  @Get(':agencyId')
  @ApiOkResponse({ type: AgencyDto })
  async get(@Param('agencyId', parseUuid('agencyId')) id: string): Promise<AgencyDto> {
    return AgencyDto.from(await this.agencies.get(id));
  }

  @Post()
  @ApiCreatedResponse({ type: AgencyDto, description: 'Platform administrators only.' })
  async create(@Caller() caller: CallerContext, @Body() body: CreateAgencyDto): Promise<AgencyDto> {
    return AgencyDto.from(await this.agencies.create(caller, body));
  }
}
