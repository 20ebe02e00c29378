import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { REQUEST_KINDS, type RequestKind } from '@liaison/domain';
import { KeysetCursorParam, PageLimit } from '@liaison/platform';

const BOARD_PER_COLUMN = { default: 25, max: 200 } as const;

/** The whole board (each column's first page), or with `state` one column's page after `after`. */
export class BoardQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'A member agency: only the requests it is a party to.' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ enum: REQUEST_KINDS, description: 'One kind of request: its lanes in workflow order.' })
  @IsOptional()
  @IsIn(REQUEST_KINDS, { message: `kind must be one of: ${REQUEST_KINDS.join(', ')}` })
  kind?: RequestKind;

  @PageLimit({
    ...BOARD_PER_COLUMN,
    description: 'Cards per column, most recent activity first; the counts always cover the whole column.',
  })
  perColumn: number = BOARD_PER_COLUMN.default;

  @ApiPropertyOptional({
    example: 'in_execution',
    description: 'One column only: its first page, or with `after` the page that follows.',
  })
  @IsOptional()
  @Matches(/^[a-z_]{1,64}$/, { message: 'state must be a workflow state name such as in_execution' })
  state?: string;

  @KeysetCursorParam({ description: 'The nextCursor of the column named by `state` (required with it).' })
  after?: string;
}
