import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { NoticeSource } from '../dispatch/notice-source';
import { noticeKind, noticeLink, noticeText } from '../dispatch/notice-text';
import type { ChannelJobData, Notice } from '../queues/queue-names';
import { MailTransport } from './mail-transport';

/**
 * The e-mail channel: one message per user and change, in the user's language; the job id keeps it single. The
 * job names the outbox row and the user: the text is rendered from the row, the address read from the user's row,
 * and a user the notice does not go to gets nothing.
 */
@Injectable()
export class EmailNotices {
  private readonly logger = new Logger(EmailNotices.name);

  constructor(
    private readonly em: EntityManager,
    private readonly mail: MailTransport,
    private readonly notices: NoticeSource,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  /** The notice sent, or null when nothing was (e-mail off, a dropped job, an inactive user). */
  async send({ outboxId, userId }: ChannelJobData): Promise<Notice | null> {
    if (!this.mail.enabled) return null;
    const notice = await this.notices.notice(this.em, outboxId);
    if (!notice) {
      this.logger.warn('e-mail job dropped: it names no committed notice');
      return null;
    }
    const user = await this.notices.recipient(this.em, notice, userId);
    if (!user) return null; // deactivated since, or never a recipient of this notice
    const text = noticeText(notice, user.language);
    const link = `${this.config.publicUrl}${noticeLink(notice)}`;
    await this.mail.send({
      id: `${notice.key}-${user.id}`,
      to: user.email,
      subject: `[Liaison] ${text.title}`,
      text: [text.body, text.why, link].filter(Boolean).join('\n\n'),
      headers: { 'X-Liaison-Notice': `${notice.key}-${user.id}`, 'X-Liaison-Event': noticeKind(notice) },
    });
    return notice;
  }
}
