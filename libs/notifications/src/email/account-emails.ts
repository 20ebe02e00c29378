import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { OutboxMessageSchema, UserSchema } from '@liaison/data';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { isJobId, type ChannelJobData } from '../queues/queue-names';
import { ACCOUNT_NOTICE_TOPIC, ACCOUNT_NOTICES, isAccountNoticeKind } from './account-notices';
import { MailTransport } from './mail-transport';

/**
 * The e-mail of an account notice: the job names its outbox row and user; the text comes from the committed row,
 * the address from the user's, and a job whose user is not the row's sends nothing.
 */
@Injectable()
export class AccountEmails {
  private readonly logger = new Logger(AccountEmails.name);

  constructor(
    private readonly em: EntityManager,
    private readonly mail: MailTransport,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  /** Whether an e-mail was sent. */
  async send({ outboxId, userId }: ChannelJobData): Promise<boolean> {
    if (!this.mail.enabled || !isJobId(outboxId) || !isJobId(userId)) return false;
    const em = this.em.fork();
    const row = await em.findOne(OutboxMessageSchema, { id: outboxId, topic: ACCOUNT_NOTICE_TOPIC });
    const notice = row?.payload['notice'];
    if (!row || row.payload['userId'] !== userId || !isAccountNoticeKind(notice)) {
      this.logger.warn('account e-mail job dropped: it names no committed notice of this user');
      return false;
    }
    const user = await em.findOne(UserSchema, { id: userId, active: true });
    if (!user) return false;
    const text = ACCOUNT_NOTICES[notice];
    await this.mail.send({
      id: `account-${row.id}`,
      to: user.email,
      subject: `[Liaison] ${text.subject}`,
      text: [...text.text, this.config.publicUrl].join('\n\n'),
      headers: { 'X-Liaison-Notice': `account-${row.id}`, 'X-Liaison-Event': `account.${notice}` },
    });
    return true;
  }
}
