import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

/** A page's size unless the query says otherwise, and the most it may ask for. */
export const PAGE_LIMIT = { default: 50, max: 200 } as const;

/** How many items a page holds (1 to `max`): a whole number of the query string. */
export function PageLimit(options: { default: number; max: number; description?: string }): PropertyDecorator {
  const { description, ...range } = options;
  return applyDecorators(
    ApiPropertyOptional({
      minimum: 1,
      maximum: range.max,
      default: range.default,
      ...(description && { description }),
    }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(range.max),
  );
}

/** A keyset cursor handed back as it was received (a nextCursor); its codec checks what it holds. */
export function KeysetCursorParam(options: { description: string; message?: string }): PropertyDecorator {
  const rule = options.message ? { message: options.message } : {};
  return applyDecorators(
    ApiPropertyOptional({ description: options.description }),
    IsOptional(),
    IsString(rule),
    MaxLength(200, rule),
  );
}

/** `?limit=`: the base of list queries (the search and the board apply its rules to their own fields). */
export class PageQuery {
  @PageLimit(PAGE_LIMIT)
  limit: number = PAGE_LIMIT.default;
}

/** `?limit=&cursor=`: the cursor is the id of the last item of the previous page (ids are UUIDv7, time-ordered). */
export class IdPageQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cursor?: string;
}
