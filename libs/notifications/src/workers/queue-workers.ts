import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { WorkerMetrics, type Channel } from '../metrics/worker-metrics';
import { EmailProcessor, InboxProcessor, WebhookProcessor } from '../processors/channel.processors';
import { DeadlineProcessor } from '../processors/deadline.processor';
import { NotificationProcessor } from '../processors/notification.processor';
import { EMAIL_QUEUE, INBOX_QUEUE, QUEUE_NAMES, WEBHOOKS_QUEUE } from '../queues/queue-names';
import type { QueueProcessor } from './queue-processor';

const CHANNEL_OF: Record<string, Channel> = {
  [INBOX_QUEUE]: 'inbox',
  [EMAIL_QUEUE]: 'email',
  [WEBHOOKS_QUEUE]: 'webhook',
};

/**
 * Starts one BullMQ worker per queue once the application is up, with settings from the environment (lock and
 * stall detection, concurrency), and closes them on shutdown. Every queue must have its processor.
 */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(QueueWorkers.name);
  private readonly processors: QueueProcessor[];
  private workers: Worker[] = [];

  constructor(
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
    @Inject(NOTIFICATIONS_CONFIG) private readonly settings: NotificationsConfig,
    private readonly metrics: WorkerMetrics,
    notifications: NotificationProcessor,
    inbox: InboxProcessor,
    email: EmailProcessor,
    webhooks: WebhookProcessor,
    deadlines: DeadlineProcessor,
  ) {
    this.processors = [notifications, inbox, email, webhooks, deadlines];
    const missing = QUEUE_NAMES.filter((queue) => !this.processors.some((processor) => processor.queue === queue));
    if (missing.length) throw new Error(`No processor for the queues ${missing.join(', ')}`);
  }

  onApplicationBootstrap(): void {
    this.workers = this.processors.map((processor) => this.start(processor));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  private start(processor: QueueProcessor): Worker {
    const { lockMs, concurrency } = this.settings.worker;
    const worker = new Worker(
      processor.queue,
      async (job, token) => {
        const handler = processor.handlers[job.name];
        if (!handler) throw new UnrecoverableError(`No handler for job "${job.name}" on queue ${processor.queue}`);
        return handler(job, token);
      },
      {
        connection: { url: this.config.redisUrl, maxRetriesPerRequest: null } as never,
        prefix: this.config.queuePrefix,
        concurrency,
        lockDuration: lockMs,
        stalledInterval: lockMs,
      },
    );
    worker.on('error', (error) => this.logger.warn({ err: error, queue: processor.queue }, 'queue worker error'));
    worker.on('failed', (job, error) => this.failed(processor.queue, job, error));
    return worker;
  }

  /** Logged by queue, job name and id only: job data may hold e-mail addresses. */
  private failed(queue: string, job: Job | undefined, error: Error): void {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    const channel = CHANNEL_OF[queue];
    if (channel) this.metrics.failed(channel, final);
    this.logger.warn(
      { queue, job: job.name, jobId: job.id, attempt: job.attemptsMade, final, error: error.message },
      'job failed',
    );
  }
}
