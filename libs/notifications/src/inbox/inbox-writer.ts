import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { uuidv7 } from 'uuidv7';
import { InboxItemSchema } from '@liaison/data';

export interface InboxNotice {
  recipientId: string;
  kind: string;
  title: string;
  body: string;
  link?: string;
  /** Identifies the notice across redeliveries: the same key is written once. */
  dedupKey: string;
}

@Injectable()
export class InboxWriter {
  constructor(private readonly em: EntityManager) {}

  /** Idempotent: a job that runs again (worker crash, retry) finds its entry and writes nothing. */
  async deliver(notice: InboxNotice): Promise<void> {
    const now = new Date();
    await this.em
      .fork()
      .createQueryBuilder(InboxItemSchema)
      .insert({
        id: uuidv7(),
        createdAt: now,
        updatedAt: now,
        recipient: notice.recipientId,
        kind: notice.kind,
        title: notice.title,
        body: notice.body,
        link: notice.link ?? null,
        dedupKey: notice.dedupKey,
        readAt: null,
      })
      .onConflict('dedupKey')
      .ignore()
      .execute();
  }
}
