import { ApiProperty } from '@nestjs/swagger';
import type { InboxItem } from '@liaison/data';

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
