import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { UserSchema } from '@liaison/data';
import { noticeKind, noticeLink, noticeText } from '../dispatch/notice-text';
import type { ChannelJobData } from '../queues/queue-names';
import { InboxWriter } from './inbox-writer';

/** The in-app channel: one entry per user and change, in the user's language. */
@Injectable()
export class InboxNotices {
  constructor(
    private readonly em: EntityManager,
    private readonly inbox: InboxWriter,
  ) {}

  async deliver({ userId, notice }: ChannelJobData): Promise<boolean> {
    const user = await this.em.fork().findOne(UserSchema, userId, { fields: ['id', 'language', 'active'] });
    if (!user?.active) return false;
    const text = noticeText(notice, user.language);
    await this.inbox.deliver({
      recipientId: userId,
      kind: noticeKind(notice),
      title: text.title,
      body: `${text.body} ${text.why}`.trim(),
      link: noticeLink(notice),
      dedupKey: `${notice.key}-${userId}`,
    });
    return true;
  }
}
