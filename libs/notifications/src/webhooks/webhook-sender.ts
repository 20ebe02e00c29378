import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { runSql, type Sql, type WebhookAttempt, type WebhookDeliveryStatus } from '@liaison/data';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { WorkerMetrics } from '../metrics/worker-metrics';
import { isJobId, type WebhookJobData } from '../queues/queue-names';
import { DESTINATION_NOT_ALLOWED } from './webhook-address';
import { DestinationNotAllowedError, WebhookDestinations } from './webhook-destinations';
import { WebhookEventSource } from './webhook-event-source';
import { WebhookSecrets, type StoredSecrets } from './webhook-secrets';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature';
import { cancelDeliverySql, deliverySql, recordAttemptSql, upsertDeliverySql } from './webhooks.sql';

/** The partner did not take the delivery: BullMQ retries it with backoff. */
export class WebhookRejectedError extends Error {
  constructor(detail: string) {
    super(`webhook not accepted: ${detail}`);
    this.name = 'WebhookRejectedError';
  }
}

/** A delivery with what sending it needs of its endpoint, as read (its secrets sealed). */
type DeliveryRow = StoredSecrets & {
  id: string;
  status: WebhookDeliveryStatus;
  event_id: string;
  occurred_at: Date;
  body: Record<string, unknown>;
  url: string;
  active: boolean;
  deleted_at: Date | null;
};

/** What sending it needs: the secrets it is signed with now (two during a rotation's overlap window). */
type DeliveryToSend = DeliveryRow & { secrets: string[] };

/**
 * POSTs one delivery's stored body, signed afresh, and logs the attempt. 2xx is success; anything else, a
 * redirect or a timeout is a failed attempt, retried until the job's attempts run out, when the delivery is
 * marked failed (and the job stays in the failed set, where an admin can retry it). A first delivery's event is
 * rebuilt from PostgreSQL (its outbox row, request and endpoint, read at once) and its row written before the
 * attempt; a job whose ids do not match is dropped, not retried. Then the attempt's record.
 */
@Injectable()
export class WebhookSender {
  private readonly logger = new Logger(WebhookSender.name);

  constructor(
    private readonly em: EntityManager,
    private readonly events: WebhookEventSource,
    private readonly secrets: WebhookSecrets,
    private readonly metrics: WorkerMetrics,
    private readonly destinations: WebhookDestinations,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async send(job: Job<WebhookJobData>): Promise<void> {
    const delivery = await this.load(job.data);
    if (!delivery) {
      this.logger.warn({ jobId: job.id }, 'webhook job dropped: it names no committed event for that endpoint');
      return;
    }
    const first = job.data.outboxId !== undefined || job.id === delivery.id; // a replay has a job id of its own
    if (delivery.status === 'delivered' && first) return; // done before a crash, or queued a second time
    if (!delivery.active || delivery.deleted_at) {
      await this.execute(cancelDeliverySql(delivery.id));
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

  private async load(job: WebhookJobData): Promise<DeliveryToSend | undefined> {
    const row = await this.row(job);
    return row && { ...row, secrets: this.secrets.signing(row) };
  }

  private async row(job: WebhookJobData): Promise<DeliveryRow | undefined> {
    if (!isJobId(job.deliveryId)) return undefined;
    if (job.outboxId === undefined) return (await this.execute(deliverySql(job.deliveryId)))[0];
    const event = await this.events.event(this.em, job);
    if (!event) return undefined;
    return (await this.execute(upsertDeliverySql(job.deliveryId, job.endpointId as string, event)))[0];
  }

  private async post(delivery: DeliveryToSend): Promise<WebhookAttempt> {
    const body = JSON.stringify(delivery.body);
    const timestamp = Math.floor(Date.now() / 1000);
    const started = Date.now();
    const at = new Date().toISOString();
    try {
      const response = await this.destinations.fetch(delivery.url, {
        method: 'POST',
        signal: AbortSignal.timeout(this.config.webhooks.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Liaison-Webhooks/1',
          [EVENT_ID_HEADER]: delivery.event_id,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(delivery.secrets, timestamp, body),
        },
        body,
      });
      await response.body?.cancel().catch(() => undefined); // the answer's content is not ours to keep
      return { at, status: response.status, error: null, durationMs: Date.now() - started };
    } catch (error) {
      this.logger.warn({ deliveryId: delivery.id, reason: operatorReason(error) }, 'webhook got no answer');
      return { at, status: null, error: describe(error), durationMs: Date.now() - started };
    }
  }

  private async record(id: string, attempt: WebhookAttempt, status: WebhookDeliveryStatus) {
    const deliveredAt = status === 'delivered' ? new Date() : null;
    await this.execute(recordAttemptSql(id, attempt, status, deliveredAt));
  }

  private execute(statement: Sql): Promise<DeliveryRow[]> {
    return runSql<DeliveryRow>(this.em, statement);
  }
}

/**
 * What the delivery log (read by agency admins) says of an attempt without an answer: never the socket's error,
 * which would tell an open port from a closed or filtered one.
 */
function describe(error: unknown): string {
  return causeOf(error) instanceof DestinationNotAllowedError ? DESTINATION_NOT_ALLOWED : 'no answer';
}

/** The worker's log keeps the error's code for the operators. */
function operatorReason(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timeout';
  const cause = causeOf(error) as { code?: string } | undefined;
  return cause?.code ?? (error instanceof Error ? error.message : 'request failed');
}

function causeOf(error: unknown): unknown {
  return error instanceof DestinationNotAllowedError ? error : (error as { cause?: unknown } | null)?.cause;
}
