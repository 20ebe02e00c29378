import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { InboxItem } from '@liaison/data';

export class InboxQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: 'cursor must be a nextCursor from a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ description: 'Only unread entries.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class InboxItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'request.approve' }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true, example: '/v1/requests/0192…' }) link!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) readAt!: string | null;

  static from(item: InboxItem): InboxItemView {
    return {
      id: item.id,
      kind: item.kind,
      title: item.title,
      body: item.body,
      link: item.link ?? null,
      createdAt: item.createdAt.toISOString(),
      readAt: item.readAt ? item.readAt.toISOString() : null,
    };
  }
}

export class InboxPageView {
  @ApiProperty({ type: [InboxItemView] }) items!: InboxItemView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last.' })
  nextCursor!: string | null;
  @ApiProperty() unreadCount!: number;
}

export class UnreadCountView {
  @ApiProperty() unread!: number;
}
