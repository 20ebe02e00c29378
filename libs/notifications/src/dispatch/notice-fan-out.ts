import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { uuidv7 } from 'uuidv7';
import { InboxItemSchema } from '@liaison/data';
import { MailTransport } from '../email/mail-transport';
import { EMAIL_QUEUE, EmailJob, type ChannelJobData, type Notice } from '../queues/queue-names';
import { WebhookDeliveries } from '../webhooks/webhook-deliveries';
import { noticeKind, noticeLink, noticeText } from './notice-text';
import type { QueuedJob } from './queued-job';
import type { RecipientUser } from './recipient';
import { RecipientResolver } from './recipient-resolver';

/**
 * What a batch of notices becomes, in the caller's transaction: each user's in-app entry is written there (one
 * insert for the batch, deduplicated by `<change>-<user>`), and the e-mail jobs (one per user) and webhook jobs (one
 * per subscribed endpoint) are answered for the caller to queue before it commits. Job ids are made of the change
 * and the user or endpoint, so a notice fanned out twice (a retry, a relay pass after a crash) queues nothing new.
 */
@Injectable()
export class NoticeFanOut {
  constructor(
    private readonly recipients: RecipientResolver,
    private readonly webhooks: WebhookDeliveries,
    private readonly mail: MailTransport,
  ) {}

  async fanOut(tx: EntityManager, notices: Notice[]): Promise<QueuedJob[]> {
    if (notices.length === 0) return [];
    const users = await this.recipients.users(tx, notices);
    await this.writeInbox(tx, notices, users);
    const agencies = notices.map((notice) => this.recipients.agency(notice));
    const endpoints = await this.webhooks.endpointsOf(
      tx,
      agencies.filter((agency) => agency !== null),
    );
    return notices.flatMap((notice, i) => [
      ...this.emailJobs(notice, users[i]),
      ...this.webhooks.jobsFor(notice, endpoints.get(agencies[i] as string) ?? []),
    ]);
  }

  private async writeInbox(tx: EntityManager, notices: Notice[], users: RecipientUser[][]): Promise<void> {
    const now = new Date();
    const rows = notices.flatMap((notice, i) =>
      users[i].map((user) => {
        const text = noticeText(notice, user.language);
        return {
          id: uuidv7(),
          createdAt: now,
          updatedAt: now,
          recipient: user.id,
          kind: noticeKind(notice),
          title: text.title,
          body: `${text.body} ${text.why}`.trim(),
          link: noticeLink(notice),
          dedupKey: `${notice.key}-${user.id}`,
          readAt: null,
        };
      }),
    );
    if (rows.length === 0) return;
    await tx.createQueryBuilder(InboxItemSchema).insert(rows).onConflict('dedupKey').ignore().execute();
  }

  /** Ids only: the e-mail job reads the notice and the address from PostgreSQL, so no text is kept in Redis. */
  private emailJobs(notice: Notice, users: RecipientUser[]): QueuedJob[] {
    if (!this.mail.enabled) return [];
    return users.map((user) => ({
      queue: EMAIL_QUEUE,
      name: EmailJob.Send,
      data: { outboxId: notice.outboxId, userId: user.id } satisfies ChannelJobData,
      opts: { jobId: `${notice.key}-${user.id}` },
    }));
  }
}
