import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { IdPageQuery } from '@liaison/platform';

/** Filters of `GET /v1/audit/entries`; all optional and combined with AND. Pages are in entry id (time) order. */
export class ListAuditEntriesQuery extends IdPageQuery {
  @ApiPropertyOptional({
    example: 'agency:0190a0c4-…',
    description: '`request:<id>`, `agency:<id>`, `task-force:<id>` or `system`',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  stream?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the request (its stream)' })
  @IsOptional()
  @IsUUID()
  requestId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'who acted' })
  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the agency of who acted' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ example: 'request.transition' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_.-]{0,99}$/, { message: 'action must be an action name such as request.transition' })
  action?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'from this time (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'before this time (exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
