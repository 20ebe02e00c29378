import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import {
  WebhookDeliverySchema,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
} from '@liaison/data';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { WorkerMetrics } from '../metrics/worker-metrics';
import type { WebhookJobData } from '../queues/queue-names';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature';

/** The partner did not take the delivery: BullMQ retries it with backoff. */
export class WebhookRejectedError extends Error {
  constructor(detail: string) {
    super(`webhook not accepted: ${detail}`);
    this.name = 'WebhookRejectedError';
  }
}

const APPEND_ATTEMPT = `update webhook_delivery set attempts = attempts || ?::jsonb, status = ?, delivered_at = ?,
  updated_at = now() where id = ?`;

/**
 * POSTs one delivery's stored body, signed afresh, and logs the attempt. 2xx is success; anything else, a
 * redirect or a timeout is a failed attempt, retried until the job's attempts run out, when the delivery is
 * marked failed (and the job stays in the failed set, where an admin can retry it).
 */
@Injectable()
export class WebhookSender {
  constructor(
    private readonly em: EntityManager,
    private readonly metrics: WorkerMetrics,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async send(job: Job<WebhookJobData>): Promise<void> {
    const em = this.em.fork();
    const delivery = await em.findOne(WebhookDeliverySchema, job.data.deliveryId, {
      populate: ['endpoint', 'endpoint.secret'],
    });
    if (!delivery || (delivery.status === 'delivered' && job.id === delivery.id)) return; // done before a crash
    const { endpoint } = delivery;
    if (!endpoint.active || endpoint.deletedAt) {
      await em.nativeUpdate(WebhookDeliverySchema, { id: delivery.id }, { status: 'cancelled' });
      return;
    }
    const attempt = await this.post(endpoint.url, endpoint.secret, delivery);
    const ok = attempt.status !== null && attempt.status >= 200 && attempt.status < 300;
    const final = !ok && job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await this.record(em, delivery.id, attempt, ok ? 'delivered' : final ? 'failed' : 'pending');
    if (ok) return this.metrics.delivered('webhook', delivery.occurredAt);
    this.metrics.failed('webhook', final);
    throw new WebhookRejectedError(attempt.error ?? `HTTP ${attempt.status}`);
  }

  private async post(url: string, secret: string, delivery: WebhookDelivery): Promise<WebhookAttempt> {
    const body = JSON.stringify(delivery.body);
    const timestamp = Math.floor(Date.now() / 1000);
    const started = Date.now();
    const at = new Date().toISOString();
    try {
      const response = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.webhooks.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Liaison-Webhooks/1',
          [EVENT_ID_HEADER]: delivery.eventId,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
        },
        body,
      });
      await response.body?.cancel().catch(() => undefined); // the answer's content is not ours to keep
      return { at, status: response.status, error: null, durationMs: Date.now() - started };
    } catch (error) {
      return { at, status: null, error: describe(error), durationMs: Date.now() - started };
    }
  }

  private async record(em: EntityManager, id: string, attempt: WebhookAttempt, status: WebhookDeliveryStatus) {
    const deliveredAt = status === 'delivered' ? new Date() : null;
    await em.getConnection().execute(APPEND_ATTEMPT, [JSON.stringify([attempt]), status, deliveredAt, id], 'run');
  }
}

/** Network errors name the failure, never the response or request content. */
function describe(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timeout';
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error instanceof Error ? error.message : 'request failed');
}
