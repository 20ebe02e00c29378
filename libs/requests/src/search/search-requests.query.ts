import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { LEGAL_BASES, REQUEST_KINDS, type RequestKind } from '@liaison/domain';
import { KeysetCursorParam, PAGE_LIMIT, PageLimit } from '@liaison/platform';
import { SEARCH_SORTS, type SearchSort } from './search-cursor';

const LEGAL_BASIS_IDS = LEGAL_BASES.map((basis) => basis.id);

/** `GET /v1/requests`: every filter optional; the scope is always what the caller may see. */
export class SearchRequestsQuery {
  @ApiPropertyOptional({ enum: REQUEST_KINDS })
  @IsOptional()
  @IsIn(REQUEST_KINDS)
  kind?: RequestKind;

  @ApiPropertyOptional({ description: 'One state, or several separated by commas.', example: 'received,in_execution' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((state) => state.trim()) : value))
  @ArrayMaxSize(30)
  @Matches(/^[a-z_]{1,64}$/, { each: true, message: 'state must be workflow state names such as in_execution' })
  state?: string[];

  @ApiPropertyOptional({
    enum: ['incoming', 'outgoing'],
    description: "Relative to the caller's agency; default both.",
  })
  @IsOptional()
  @IsIn(['incoming', 'outgoing'])
  direction?: 'incoming' | 'outgoing';

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2 of the other party', example: 'TH' })
  @IsOptional()
  @IsISO31661Alpha2({ message: 'counterpartCountry must be an ISO 3166-1 alpha-2 code such as TH' })
  counterpartCountry?: string;

  @ApiPropertyOptional({ enum: LEGAL_BASIS_IDS })
  @IsOptional()
  @IsIn(LEGAL_BASIS_IDS)
  legalBasis?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  taskForceId?: string;

  @ApiPropertyOptional({
    description: 'Text in the reference or the title (at least 3 characters).',
    example: '000123',
  })
  @IsOptional()
  @IsString()
  @Length(3, 100)
  q?: string;

  @ApiPropertyOptional({ enum: SEARCH_SORTS, default: 'lastActivityAt', description: 'Newest first.' })
  @IsOptional()
  @IsIn(SEARCH_SORTS)
  sort: SearchSort = 'lastActivityAt';

  // limit and cursor last, where they have always been in the OpenAPI document: hence not `extends PageQuery`
  @PageLimit(PAGE_LIMIT)
  limit: number = PAGE_LIMIT.default;

  @KeysetCursorParam({ description: 'nextCursor of the previous page.' })
  cursor?: string;
}
