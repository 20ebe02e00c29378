import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IdPageQuery } from '@liaison/platform';

/** `GET /v1/audit/checkpoints`: oldest first by default; `order=desc` puts the latest signed checkpoint first. */
export class ListCheckpointsQuery extends IdPageQuery {
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'order must be asc or desc' })
  order: 'asc' | 'desc' = 'asc';
}
