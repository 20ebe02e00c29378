import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min, MaxLength } from 'class-validator';

const BOARD_PER_COLUMN = { default: 25, max: 200 } as const;

/** The whole board (each column's first page), or with `state` one column's page after `after`. */
export class BoardQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'A member agency: only the requests it is a party to.' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: BOARD_PER_COLUMN.max,
    default: BOARD_PER_COLUMN.default,
    description: 'Cards per column, most recent activity first; the counts always cover the whole column.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(BOARD_PER_COLUMN.max)
  perColumn: number = BOARD_PER_COLUMN.default;

  @ApiPropertyOptional({
    example: 'in_execution',
    description: 'One column only: its first page, or with `after` the page that follows.',
  })
  @IsOptional()
  @Matches(/^[a-z_]{1,64}$/, { message: 'state must be a workflow state name such as in_execution' })
  state?: string;

  @ApiPropertyOptional({ description: 'The nextCursor of the column named by `state` (required with it).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}
