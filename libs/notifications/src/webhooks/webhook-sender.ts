import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { WebhookAttempt, WebhookDeliveryStatus } from '@liaison/data';
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

/** A delivery with what sending it needs of its endpoint. */
interface DeliveryToSend {
  id: string;
  status: WebhookDeliveryStatus;
  event_id: string;
  occurred_at: Date;
  body: Record<string, unknown>;
  url: string;
  secret: string;
  active: boolean;
  deleted_at: Date | null;
}

const COLUMNS = 'd.id, d.status, d.event_id, d.occurred_at, d.body, e.url, e.secret, e.active, e.deleted_at';
/** The delivery row of an event and endpoint, written if it is not there yet, in one round trip. */
const UPSERT = `with inserted as (
    insert into webhook_delivery (id, created_at, updated_at, endpoint_id, event_id, event_type, occurred_at, body,
      status, attempts, delivered_at, replays)
    values (?, now(), now(), ?, ?, ?, ?, ?::jsonb, 'pending', '[]'::jsonb, null, 0)
    on conflict (endpoint_id, event_id) do nothing
    returning id, status, event_id, occurred_at, body, endpoint_id),
  d as (
    select * from inserted
    union all
    select id, status, event_id, occurred_at, body, endpoint_id from webhook_delivery
    where endpoint_id = ? and event_id = ? and not exists (select 1 from inserted))
  select ${COLUMNS} from d join webhook_endpoint e on e.id = d.endpoint_id`;
const BY_ID = `select ${COLUMNS} from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id where d.id = ?`;
const CANCEL = `update webhook_delivery set status = 'cancelled', updated_at = now() where id = ?`;
const APPEND_ATTEMPT = `update webhook_delivery set attempts = attempts || ?::jsonb, status = ?, delivered_at = ?,
  updated_at = now() where id = ?`;

/**
 * POSTs one delivery's stored body, signed afresh, and logs the attempt. 2xx is success; anything else, a
 * redirect or a timeout is a failed attempt, retried until the job's attempts run out, when the delivery is
 * marked failed (and the job stays in the failed set, where an admin can retry it). Two round trips to the
 * database per attempt: the delivery (written first if the job carries the event), then the attempt's record.
 */
@Injectable()
export class WebhookSender {
  constructor(
    private readonly em: EntityManager,
    private readonly metrics: WorkerMetrics,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async send(job: Job<WebhookJobData>): Promise<void> {
    const delivery = await this.load(job.data);
    if (!delivery) return;
    const first = job.data.event !== undefined || job.id === delivery.id; // a replay has a job id of its own
    if (delivery.status === 'delivered' && first) return; // done before a crash, or queued a second time
    if (!delivery.active || delivery.deleted_at) {
      await this.execute(CANCEL, [delivery.id]);
      return;
    }
    const attempt = await this.post(delivery);
    const ok = attempt.status !== null && attempt.status >= 200 && attempt.status < 300;
    const final = !ok && job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await this.record(delivery.id, attempt, ok ? 'delivered' : final ? 'failed' : 'pending');
    if (ok) return this.metrics.delivered('webhook', delivery.occurred_at);
    this.metrics.failed('webhook', final);
    throw new WebhookRejectedError(attempt.error ?? `HTTP ${attempt.status}`);
  }

  private async load({ deliveryId, endpointId, event }: WebhookJobData): Promise<DeliveryToSend | undefined> {
    if (!event || !endpointId) return (await this.execute(BY_ID, [deliveryId]))[0];
    const values = [deliveryId, endpointId, event.id, event.type, event.occurredAt, JSON.stringify(event)];
    return (await this.execute(UPSERT, [...values, endpointId, event.id]))[0];
  }

  private async post(delivery: DeliveryToSend): Promise<WebhookAttempt> {
    const body = JSON.stringify(delivery.body);
    const timestamp = Math.floor(Date.now() / 1000);
    const started = Date.now();
    const at = new Date().toISOString();
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.webhooks.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Liaison-Webhooks/1',
          [EVENT_ID_HEADER]: delivery.event_id,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(delivery.secret, timestamp, body),
        },
        body,
      });
      await response.body?.cancel().catch(() => undefined); // the answer's content is not ours to keep
      return { at, status: response.status, error: null, durationMs: Date.now() - started };
    } catch (error) {
      return { at, status: null, error: describe(error), durationMs: Date.now() - started };
    }
  }

  private async record(id: string, attempt: WebhookAttempt, status: WebhookDeliveryStatus) {
    const deliveredAt = status === 'delivered' ? new Date() : null;
    await this.execute(APPEND_ATTEMPT, [JSON.stringify([attempt]), status, deliveredAt, id]);
  }

  private execute(sql: string, params: unknown[]): Promise<DeliveryToSend[]> {
    return this.em.getConnection().execute<DeliveryToSend[]>(sql, params, 'all');
  }
}

/** Network errors name the failure, never the response or request content. */
function describe(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timeout';
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error instanceof Error ? error.message : 'request failed');
}
