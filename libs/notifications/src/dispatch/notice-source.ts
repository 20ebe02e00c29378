import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { runSql } from '@liaison/data';
import { noticeRowSql } from '../outbox/outbox.sql';
import { isJobId, type Notice } from '../queues/queue-names';
import type { OutboxRow } from '../relay/outbox-row';
import { noticeOf } from '../relay/outbox-routes';
import type { RecipientUser } from './recipient';
import { RecipientResolver } from './recipient-resolver';

/**
 * Where a channel's job finds what it sends: the notice rebuilt from its committed outbox row (and the request's
 * current reference), and the user only if the notice goes to them. A job's ids are all it is trusted with.
 */
@Injectable()
export class NoticeSource {
  constructor(private readonly recipients: RecipientResolver) {}

  async notice(em: EntityManager, outboxId: string | undefined): Promise<Notice | null> {
    if (!isJobId(outboxId)) return null;
    const [row] = await runSql<OutboxRow & { reference: string; kind: string }>(em, noticeRowSql(outboxId));
    if (!row) return null;
    return { ...noticeOf(row), reference: row.reference, kind: row.kind };
  }

  /** The notice's recipient of this id (active, with address and language), or null if it is not for them. */
  async recipient(em: EntityManager, notice: Notice, userId: string | undefined): Promise<RecipientUser | null> {
    if (!isJobId(userId)) return null;
    const [users] = await this.recipients.users(em, [notice], userId);
    return users.find((user) => user.id === userId) ?? null;
  }

  /** The agency whose partner systems hear of the notice (null: a task force's, which has no webhooks). */
  agency(notice: Notice): string | null {
    return this.recipients.agency(notice);
  }
}
