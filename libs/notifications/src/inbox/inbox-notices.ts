import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { NoticeSource } from '../dispatch/notice-source';
import { noticeKind, noticeLink, noticeText } from '../dispatch/notice-text';
import type { ChannelJobData, Notice } from '../queues/queue-names';
import { InboxWriter } from './inbox-writer';

/**
 * The in-app channel's job (the relay writes inbox entries itself; such jobs come from before it did): one entry
 * per user and change, in the user's language, rendered from the outbox row, for a recipient of the notice only.
 */
@Injectable()
export class InboxNotices {
  private readonly logger = new Logger(InboxNotices.name);

  constructor(
    private readonly em: EntityManager,
    private readonly inbox: InboxWriter,
    private readonly notices: NoticeSource,
  ) {}

  /** The notice written, or null when nothing was. */
  async deliver({ outboxId, userId }: ChannelJobData): Promise<Notice | null> {
    const notice = await this.notices.notice(this.em, outboxId);
    if (!notice) {
      this.logger.warn('inbox job dropped: it names no committed notice');
      return null;
    }
    const user = await this.notices.recipient(this.em, notice, userId);
    if (!user) return null;
    const text = noticeText(notice, user.language);
    await this.inbox.deliver({
      recipientId: user.id,
      kind: noticeKind(notice),
      title: text.title,
      body: `${text.body} ${text.why}`.trim(),
      link: noticeLink(notice),
      dedupKey: `${notice.key}-${user.id}`,
    });
    return notice;
  }
}
