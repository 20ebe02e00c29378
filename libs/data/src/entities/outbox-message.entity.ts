import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * An effect promised by a committed state change (a notification, a timer), written in the same transaction.
 * The relay moves it into BullMQ with the message id as job id, then marks it published.
 */
export const OutboxMessageSchema = defineEntity({
  name: 'OutboxMessage',
  tableName: 'outbox_message',
  properties: {
    id: p.uuid().primary(),
    /** What to do: `notify`, `start_timer`, `stop_timer`, ... */
    topic: p.string().length(64),
    requestId: p.uuid().nullable(),
    payload: p.json<Record<string, unknown>>(),
    createdAt: p.datetime(),
    publishedAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['createdAt'], where: 'published_at is null', name: 'outbox_message_unpublished_index' }],
});

export type OutboxMessage = InferEntity<typeof OutboxMessageSchema>;
