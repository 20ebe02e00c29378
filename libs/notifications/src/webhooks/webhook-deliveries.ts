import type { EntityManager } from '@mikro-orm/postgresql';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { runSql } from '@liaison/data';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import type { QueuedJob } from '../dispatch/queued-job';
import { WEBHOOKS_QUEUE, WebhookJob, type Notice, type WebhookJobData } from '../queues/queue-names';
import { deliveryIdFor } from './webhook-delivery-id';
import { webhookEventOf } from './webhook-event';
import { subscribedEndpointsSql } from './webhooks.sql';

export interface SubscribedEndpoint {
  id: string;
  events: string[];
}

/**
 * One job per event and subscribed endpoint, whose id is the delivery's (derived from the event and the endpoint):
 * a notice fanned out twice queues it once. The job names the outbox row and the endpoint only; it rebuilds the
 * event from them and writes the delivery row itself (unique per event and endpoint) before its first attempt, so
 * nothing it needs can be missing when it runs, however early.
 */
@Injectable()
export class WebhookDeliveries {
  constructor(
    @InjectQueue(WEBHOOKS_QUEUE) private readonly queue: Queue<WebhookJobData>,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  /** The active endpoints of these agencies, by agency, in one query in the caller's transaction. */
  async endpointsOf(em: EntityManager, agencyIds: string[]): Promise<Map<string, SubscribedEndpoint[]>> {
    const byAgency = new Map<string, SubscribedEndpoint[]>();
    if (agencyIds.length === 0) return byAgency;
    const rows = await runSql<{ id: string; agency_id: string; events: string[] }>(
      em,
      subscribedEndpointsSql([...new Set(agencyIds)]),
    );
    for (const row of rows) {
      const list = byAgency.get(row.agency_id) ?? [];
      list.push({ id: row.id, events: row.events });
      byAgency.set(row.agency_id, list);
    }
    return byAgency;
  }

  jobsFor(notice: Notice, endpoints: SubscribedEndpoint[]): QueuedJob[] {
    const event = webhookEventOf(notice);
    return endpoints.flatMap((endpoint) => {
      const deliveryId = deliveryIdFor(event, endpoint);
      if (deliveryId === null) return [];
      return [
        {
          queue: WEBHOOKS_QUEUE,
          name: WebhookJob.Deliver,
          data: { deliveryId, outboxId: notice.outboxId, endpointId: endpoint.id } satisfies WebhookJobData,
          opts: { ...this.retries(), jobId: deliveryId },
        },
      ];
    });
  }

  /** A delivery sent again (a replay): a job of its own. */
  enqueue(deliveryId: string, jobId: string): Promise<unknown> {
    return this.queue.add(WebhookJob.Deliver, { deliveryId }, { ...this.retries(), jobId });
  }

  /** Attempts with exponential backoff: by default 13 over about 34 hours before the delivery is failed. */
  private retries(): JobsOptions {
    const { attempts, backoffMs } = this.config.webhooks;
    return { attempts, backoff: { type: 'exponential', delay: backoffMs, jitter: 0.2 } };
  }
}
