import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { RequestSchema } from './request.entity';
import { UserSchema } from './user.entity';

export const REQUEST_LINK_RELATIONS = ['supports', 'related', 'domestic_prosecution_follow_up'] as const;

/** `request` relates to `linkedRequest`, e.g. an MLA that supports an extradition. */
export const RequestLinkSchema = defineEntity({
  name: 'RequestLink',
  tableName: 'request_link',
  properties: {
    id: p.uuid().primary(),
    request: () => p.manyToOne(RequestSchema).index(),
    linkedRequest: () => p.manyToOne(RequestSchema).index(),
    relation: p.enum(REQUEST_LINK_RELATIONS),
    createdBy: () => p.manyToOne(UserSchema),
    createdAt: p.datetime(),
  },
  uniques: [{ properties: ['request', 'linkedRequest'] }],
});

export type RequestLink = InferEntity<typeof RequestLinkSchema>;
