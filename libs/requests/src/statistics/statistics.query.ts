import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { REQUEST_KINDS, type RequestKind } from '@liaison/domain';

/** `GET /v1/statistics`: optional filters on the requests counted, by kind and by time of creation. */
export class StatisticsQuery {
  @ApiPropertyOptional({ enum: REQUEST_KINDS })
  @IsOptional()
  @IsIn(REQUEST_KINDS)
  kind?: RequestKind;

  @ApiPropertyOptional({
    description: 'Requests created at or after this date or time (ISO 8601; a date is midnight UTC).',
    example: '2026-01-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or date-time such as 2026-01-01' })
  from?: string;

  @ApiPropertyOptional({
    description: 'Requests created before this date or time (exclusive; ISO 8601).',
    example: '2027-01-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or date-time such as 2027-01-01' })
  to?: string;
}
