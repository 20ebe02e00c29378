import { EntityManager } from '@mikro-orm/postgresql';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { uuidv7 } from 'uuidv7';
import { WebhookDeliverySchema, WebhookEndpointSchema } from '@liaison/data';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { WEBHOOKS_QUEUE, WebhookJob, type Notice, type WebhookJobData } from '../queues/queue-names';
import { matchesEventFilter } from './webhook-event-filter';
import { webhookEventOf } from './webhook-event';

/**
 * One delivery row per event and endpoint (unique), then one job per pending row with the row id as job id: a
 * notice dispatched again finds its rows and queues nothing new.
 */
@Injectable()
export class WebhookDeliveries {
  constructor(
    private readonly em: EntityManager,
    @InjectQueue(WEBHOOKS_QUEUE) private readonly queue: Queue<WebhookJobData>,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async queueFor(agencyId: string, notice: Notice): Promise<void> {
    const em = this.em.fork();
    const event = webhookEventOf(notice);
    const endpoints = (
      await em.find(WebhookEndpointSchema, { agency: agencyId, active: true, deletedAt: null })
    ).filter((endpoint) => matchesEventFilter(endpoint.events, event.type));
    if (endpoints.length === 0) return;
    const now = new Date();
    await em
      .createQueryBuilder(WebhookDeliverySchema)
      .insert(
        endpoints.map((endpoint) => ({
          id: uuidv7(),
          createdAt: now,
          updatedAt: now,
          endpoint: endpoint.id,
          eventId: event.id,
          eventType: event.type,
          occurredAt: new Date(event.occurredAt),
          body: event as unknown as Record<string, unknown>,
          status: 'pending' as const,
          attempts: [],
          deliveredAt: null,
          replays: 0,
        })),
      )
      .onConflict(['endpoint', 'eventId'])
      .ignore()
      .execute();
    const pending = await em.find(
      WebhookDeliverySchema,
      { endpoint: { $in: endpoints.map((endpoint) => endpoint.id) }, eventId: event.id, status: 'pending' },
      { fields: ['id'] },
    );
    await Promise.all(pending.map((delivery) => this.enqueue(delivery.id, delivery.id)));
  }

  /** Attempts with exponential backoff: by default 13 over about 34 hours before the delivery is failed. */
  enqueue(deliveryId: string, jobId: string): Promise<unknown> {
    const { attempts, backoffMs } = this.config.webhooks;
    return this.queue.add(
      WebhookJob.Deliver,
      { deliveryId },
      { jobId, attempts, backoff: { type: 'exponential', delay: backoffMs, jitter: 0.2 } },
    );
  }
}
