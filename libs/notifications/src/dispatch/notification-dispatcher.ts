import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import {
  EMAIL_QUEUE,
  EmailJob,
  INBOX_QUEUE,
  InboxJob,
  type ChannelJobData,
  type DispatchJobData,
} from '../queues/queue-names';
import { WebhookDeliveries } from '../webhooks/webhook-deliveries';
import { RecipientResolver } from './recipient-resolver';

/**
 * Fans one relayed notice out to one job per recipient and channel. Job ids are made of the change and the user
 * (or the delivery), so a notice dispatched twice (a retry, two outbox rows about one change reaching the same
 * person) queues each user's inbox entry and e-mail once.
 */
@Injectable()
export class NotificationDispatcher {
  constructor(
    private readonly recipients: RecipientResolver,
    private readonly webhooks: WebhookDeliveries,
    @InjectQueue(INBOX_QUEUE) private readonly inbox: Queue<ChannelJobData>,
    @InjectQueue(EMAIL_QUEUE) private readonly email: Queue<ChannelJobData>,
  ) {}

  async dispatch({ notice }: DispatchJobData): Promise<void> {
    const users = await this.recipients.users(notice);
    await Promise.all(
      users.flatMap((user) => {
        const data = { userId: user.id, notice };
        return [
          this.inbox.add(InboxJob.Deliver, data, { jobId: `${notice.key}-${user.id}` }),
          this.email.add(EmailJob.Send, data, { jobId: `${notice.key}-${user.id}` }),
        ];
      }),
    );
    const agencyId = this.recipients.agency(notice);
    if (agencyId) await this.webhooks.queueFor(agencyId, notice);
  }
}
