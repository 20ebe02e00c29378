import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { runSql } from '@liaison/data';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { noticeKind, noticeLink, noticeText } from '../dispatch/notice-text';
import { emailRecipientSql } from '../dispatch/recipients.sql';
import type { ChannelJobData } from '../queues/queue-names';
import { MailTransport } from './mail-transport';

/** The e-mail channel: one message per user and change, in the user's language; the job id keeps it single. */
@Injectable()
export class EmailNotices {
  constructor(
    private readonly em: EntityManager,
    private readonly mail: MailTransport,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async send({ userId, notice }: ChannelJobData): Promise<boolean> {
    if (!this.mail.enabled) return false;
    const [user] = await runSql<{ email: string; language: string; active: boolean }>(
      this.em,
      emailRecipientSql(userId),
    );
    if (!user?.active) return false;
    const text = noticeText(notice, user.language);
    const link = `${this.config.publicUrl}${noticeLink(notice)}`;
    await this.mail.send({
      id: `${notice.key}-${userId}`,
      to: user.email,
      subject: `[Liaison] ${text.title}`,
      text: [text.body, text.why, link].filter(Boolean).join('\n\n'),
      headers: { 'X-Liaison-Notice': `${notice.key}-${userId}`, 'X-Liaison-Event': noticeKind(notice) },
    });
    return true;
  }
}
