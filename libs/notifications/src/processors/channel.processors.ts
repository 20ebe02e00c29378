import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { EmailNotices } from '../email/email-notices';
import { InboxNotices } from '../inbox/inbox-notices';
import { WorkerMetrics } from '../metrics/worker-metrics';
import {
  EMAIL_QUEUE,
  EmailJob,
  INBOX_QUEUE,
  InboxJob,
  WEBHOOKS_QUEUE,
  WebhookJob,
  type ChannelJobData,
} from '../queues/queue-names';
import { WebhookSender } from '../webhooks/webhook-sender';
import type { JobHandler, QueueProcessor } from '../workers/queue-processor';

@Injectable()
export class InboxProcessor implements QueueProcessor {
  readonly queue = INBOX_QUEUE;
  readonly handlers: Record<string, JobHandler>;

  constructor(inbox: InboxNotices, metrics: WorkerMetrics) {
    this.handlers = {
      [InboxJob.Deliver]: async (job: Job<ChannelJobData>) => {
        if (await inbox.deliver(job.data)) metrics.delivered('inbox', job.data.notice.occurredAt);
      },
    };
  }
}

@Injectable()
export class EmailProcessor implements QueueProcessor {
  readonly queue = EMAIL_QUEUE;
  readonly handlers: Record<string, JobHandler>;

  constructor(email: EmailNotices, metrics: WorkerMetrics) {
    this.handlers = {
      [EmailJob.Send]: async (job: Job<ChannelJobData>) => {
        if (await email.send(job.data)) metrics.delivered('email', job.data.notice.occurredAt);
      },
    };
  }
}

@Injectable()
export class WebhookProcessor implements QueueProcessor {
  readonly queue = WEBHOOKS_QUEUE;
  readonly handlers: Record<string, JobHandler>;

  constructor(sender: WebhookSender) {
    this.handlers = { [WebhookJob.Deliver]: (job) => sender.send(job) };
  }
}
