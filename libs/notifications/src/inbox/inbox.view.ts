import { ApiProperty } from '@nestjs/swagger';
import type { InboxItem } from '@liaison/data';
import type { InboxRequestRow } from './inbox-requests.sql';

export class InboxPartyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'NP' }) country!: string;
}

/** The request a notice is about, as it is now (its title and state), while the caller may see it. */
export class InboxRequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'MLA-2026-000123' }) reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['mla', 'extradition', 'repatriation'] }) kind!: 'mla' | 'extradition' | 'repatriation';
  @ApiProperty({ example: 'under_review', description: 'The state now, which may be past the notice.' })
  state!: string;
  @ApiProperty({ type: InboxPartyView }) requestingAgency!: InboxPartyView;
  @ApiProperty({ type: InboxPartyView }) requestedAgency!: InboxPartyView;

  static from(row: InboxRequestRow): InboxRequestView {
    return {
      id: row.id,
      reference: row.reference,
      title: row.title,
      kind: row.kind as InboxRequestView['kind'],
      state: row.state,
      requestingAgency: {
        id: row.requesting_agency_id,
        name: row.requesting_agency_name,
        country: row.requesting_agency_country,
      },
      requestedAgency: {
        id: row.requested_agency_id,
        name: row.requested_agency_name,
        country: row.requested_agency_country,
      },
    };
  }
}

export class InboxItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'request.approve' }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true, example: '/v1/requests/0192…' }) link!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) readAt!: string | null;
  @ApiProperty({ type: InboxRequestView, nullable: true, description: 'Null when the caller no longer sees it.' })
  request!: InboxRequestView | null;

  static from(item: InboxItem, request: InboxRequestView | null = null): InboxItemView {
    return {
      id: item.id,
      kind: item.kind,
      title: item.title,
      body: item.body,
      link: item.link ?? null,
      createdAt: item.createdAt.toISOString(),
      readAt: item.readAt ? item.readAt.toISOString() : null,
      request,
    };
  }
}

export class InboxPageView {
  @ApiProperty({ type: [InboxItemView] }) items!: InboxItemView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last.' })
  nextCursor!: string | null;
  @ApiProperty() unreadCount!: number;
}

export class MarkedReadView {
  @ApiProperty({ description: 'How many entries were unread.' }) marked!: number;
}

export class UnreadCountView {
  @ApiProperty() unread!: number;
}
