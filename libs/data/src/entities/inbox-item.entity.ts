import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { identified } from './timestamps';
import { UserSchema } from './user.entity';

/** One in-app notice for one user. Carries references and states only, never personal data of victims. */
export const InboxItemSchema = defineEntity({
  name: 'InboxItem',
  tableName: 'inbox_item',
  properties: {
    ...identified(),
    recipient: () => p.manyToOne(UserSchema),
    /** What happened, e.g. `welcome`, `request.transmitted`. */
    kind: p.string().length(100),
    title: p.string().length(300),
    body: p.text(),
    /** API path of the subject, when there is one. */
    link: p.string().length(500).nullable(),
    /** The notification that produced it: a redelivered job finds its entry already there. */
    dedupKey: p.string().length(200).unique(),
    readAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['recipient', 'readAt', 'createdAt'] }],
});

export type InboxItem = InferEntity<typeof InboxItemSchema>;
