import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AccountLinkEmails } from '../account-links/account-link-emails';
import { AccountEmails } from '../email/account-emails';
import { EmailNotices } from '../email/email-notices';
import { InboxNotices } from '../inbox/inbox-notices';
import { WorkerMetrics } from '../metrics/worker-metrics';
import {
  EMAIL_QUEUE,
  EmailJob,
  isJobId,
  INBOX_QUEUE,
  InboxJob,
  WEBHOOKS_QUEUE,
  WebhookJob,
  type AccountLinkJobData,
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
        const notice = await inbox.deliver(job.data);
        if (notice) metrics.delivered('inbox', notice.occurredAt);
      },
    };
  }
}

@Injectable()
export class EmailProcessor implements QueueProcessor {
  readonly queue = EMAIL_QUEUE;
  readonly handlers: Record<string, JobHandler>;

  constructor(
    email: EmailNotices,
    accountLinks: AccountLinkEmails,
    accountEmails: AccountEmails,
    metrics: WorkerMetrics,
  ) {
    this.handlers = {
      [EmailJob.Send]: async (job: Job<ChannelJobData>) => {
        const notice = await email.send(job.data);
        if (notice) metrics.delivered('email', notice.occurredAt);
      },
      [EmailJob.AccountLink]: async (job: Job<AccountLinkJobData>) => {
        if (isJobId(job.data.linkId)) await accountLinks.send({ linkId: job.data.linkId });
      },
      [EmailJob.Account]: async (job: Job<ChannelJobData>) => {
        await accountEmails.send(job.data);
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
