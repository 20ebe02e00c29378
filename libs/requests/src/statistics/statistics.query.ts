import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { REQUEST_KINDS, type RequestKind } from '@liaison/domain';

/** A month, or an ISO 8601 date or date-time with its zone (which must then fall on the start of a month). */
const MONTH_OR_INSTANT = /^\d{4}-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?)?$/;

/**
 * `GET /v1/statistics`: optional filters on the requests counted, by kind and by month of creation. Times are whole
 * calendar months (UTC), so that two windows cannot be differenced down to one request.
 */
export class StatisticsQuery {
  @ApiPropertyOptional({ enum: REQUEST_KINDS })
  @IsOptional()
  @IsIn(REQUEST_KINDS)
  kind?: RequestKind;

  @ApiPropertyOptional({
    description:
      'Requests created in this month (YYYY-MM, UTC) or later; an ISO 8601 date or date-time is taken only when it is the start of a month.',
    example: '2026-01',
  })
  @IsOptional()
  @Matches(MONTH_OR_INSTANT, { message: 'from must be a month such as 2026-01' })
  from?: string;

  @ApiPropertyOptional({
    description:
      'Requests created up to the end of this month (YYYY-MM, UTC); an ISO 8601 date or date-time is taken only when it is the start of a month, and is then exclusive.',
    example: '2026-12',
  })
  @IsOptional()
  @Matches(MONTH_OR_INSTANT, { message: 'to must be a month such as 2026-12' })
  to?: string;
}
