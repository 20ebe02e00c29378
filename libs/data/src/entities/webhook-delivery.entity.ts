import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { identified } from './timestamps';
import { WebhookEndpointSchema } from './webhook-endpoint.entity';

const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One try at the partner's URL: what it answered, or why it did not. */
export interface WebhookAttempt {
  at: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** One event for one endpoint, with the exact body sent on every attempt and replay, and each attempt's outcome. */
export const WebhookDeliverySchema = defineEntity({
  name: 'WebhookDelivery',
  tableName: 'webhook_delivery',
  properties: {
    ...identified(),
    endpoint: () => p.manyToOne(WebhookEndpointSchema),
    /** `Liaison-Event-Id`: the same on every attempt, for the receiver's deduplication. */
    eventId: p.string().length(100),
    eventType: p.string().length(100),
    /** When the change was committed (its outbox row's time): delivery latency is measured from it. */
    occurredAt: p.datetime(),
    body: p.json<Record<string, unknown>>(),
    status: p.enum(WEBHOOK_DELIVERY_STATUSES).default('pending'),
    attempts: p.json<WebhookAttempt[]>(),
    deliveredAt: p.datetime().nullable(),
    /** Replays sent so far: each one queues a new job. */
    replays: p.integer().default(0),
  },
  uniques: [{ properties: ['endpoint', 'eventId'] }],
  indexes: [{ properties: ['endpoint', 'createdAt'] }],
});

export type WebhookDelivery = InferEntity<typeof WebhookDeliverySchema>;
