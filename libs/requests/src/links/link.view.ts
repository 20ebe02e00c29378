import { ApiProperty } from '@nestjs/swagger';
import { REQUEST_LINK_RELATIONS, type Request, type RequestLink } from '@liaison/data';

export class LinkedRequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() state!: string;
  @ApiProperty() title!: string;
}

export class LinkView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REQUEST_LINK_RELATIONS }) relation!: string;
  @ApiProperty({
    enum: ['outgoing', 'incoming'],
    description: 'outgoing: this request `relation` the other; incoming: the other `relation` this one.',
  })
  direction!: 'outgoing' | 'incoming';
  @ApiProperty({ type: LinkedRequestView }) request!: LinkedRequestView;
  @ApiProperty() createdAt!: string;

  static from(link: RequestLink, direction: LinkView['direction'], other: Request): LinkView {
    return {
      id: link.id,
      relation: link.relation,
      direction,
      request: { id: other.id, reference: other.reference, kind: other.kind, state: other.state, title: other.title },
      createdAt: link.createdAt.toISOString(),
    };
  }
}

export class LinkListView {
  @ApiProperty({ type: [LinkView], description: 'Links to requests the caller may also see.' }) items!: LinkView[];
}
