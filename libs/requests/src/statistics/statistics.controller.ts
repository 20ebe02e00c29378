import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CallerContext } from '@liaison/domain';
import { Caller } from '@liaison/platform';
import { StatisticsQuery } from './statistics.query';
import { StatisticsService } from './statistics.service';
import { StatisticsView } from './statistics.view';

/**
 * Monitoring and evaluation (docs/domain.md, Statistics): aggregates for auditors and supervisors, small cells
 * suppressed.
 */
@ApiTags('statistics')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Not an auditor, a supervisor or a platform admin.' })
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get()
  @ApiOkResponse({
    type: StatisticsView,
    description:
      "Counts by kind, state, country pair, legal basis and month; time in state; overdue rates; victims by gender, age band and nationality. Scope: the caller's agency's requests, or every request for platform admins and oversight agencies. Each read is recorded in the audit trail with its filters.",
  })
  get(@Caller() caller: CallerContext, @Query() query: StatisticsQuery): Promise<StatisticsView> {
    return this.statistics.statistics(caller, query);
  }
}
