import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, NotFoundException } from '@nestjs/common';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { InboxItemSchema, type InboxItem } from '@liaison/data';
import type { Actor } from '@liaison/domain';
import { decodeInboxCursor, encodeInboxCursor } from './inbox-cursor';
import type { InboxQuery } from './inbox.query';
import { InboxItemView, type InboxPageView } from './inbox.view';

/** A user's own notices: unread first, newest first within each part. Nobody reads another's inbox. */
@Injectable()
export class InboxService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditTrail,
  ) {}

  async page(actor: Actor, query: InboxQuery): Promise<InboxPageView> {
    const em = this.em.fork();
    const cursor = decodeInboxCursor(query.cursor);
    const want = query.limit + 1;
    const rows: InboxItem[] = [];
    if (!cursor || cursor.unread) rows.push(...(await this.part(em, actor, true, cursor?.id, want)));
    if (rows.length < want && !query.unread) {
      const after = cursor && !cursor.unread ? cursor.id : undefined;
      rows.push(...(await this.part(em, actor, false, after, want - rows.length)));
    }
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(InboxItemView.from),
      nextCursor: rows.length > query.limit ? encodeInboxCursor({ unread: !last.readAt, id: last.id }) : null,
      unreadCount: await this.unreadCount(actor, em),
    };
  }

  unreadCount(actor: Actor, em: EntityManager = this.em.fork()): Promise<number> {
    return em.count(InboxItemSchema, { recipient: actor.userId, readAt: null });
  }

  /** Marks one entry read, with its audit entry, in one transaction; reading it again changes nothing. */
  async markRead(actor: Actor, id: string): Promise<InboxItemView> {
    return this.em.fork().transactional(async (tx) => {
      const item = await tx.findOne(InboxItemSchema, { id, recipient: actor.userId });
      if (!item) throw new NotFoundException('Inbox entry not found');
      if (item.readAt) return InboxItemView.from(item);
      item.readAt = new Date();
      await this.audit.append(tx, {
        stream: agencyStream(actor.agencyId),
        action: 'inbox.read',
        subjectType: 'inbox_item',
        subjectId: item.id,
        actor,
        data: { kind: item.kind },
      });
      await tx.flush();
      return InboxItemView.from(item);
    });
  }

  private part(em: EntityManager, actor: Actor, unread: boolean, before: string | undefined, limit: number) {
    return em.find(
      InboxItemSchema,
      {
        recipient: actor.userId,
        readAt: unread ? null : { $ne: null },
        ...(before ? { id: { $lt: before } } : {}),
      },
      { orderBy: { id: 'desc' }, limit },
    );
  }
}
