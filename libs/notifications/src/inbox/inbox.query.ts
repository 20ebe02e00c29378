import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { KeysetCursorParam, PageQuery } from '@liaison/platform';

export class InboxQuery extends PageQuery {
  @KeysetCursorParam({
    description: 'The nextCursor of the previous page.',
    message: 'cursor must be a nextCursor from a previous page',
  })
  cursor?: string;

  @ApiPropertyOptional({ description: 'Only unread entries.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}
