import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, NotFoundException } from '@nestjs/common';
import { agencyStream, AuditTrail } from '@liaison/audit';
import { InboxItemSchema, runSql, type InboxItem } from '@liaison/data';
import type { Actor } from '@liaison/domain';
import { decodeInboxCursor, encodeInboxCursor } from './inbox-cursor';
import type { InboxQuery } from './inbox.query';
import { inboxRequestsSql, markAllReadSql, type InboxRequestRow } from './inbox-requests.sql';
import { InboxItemView, InboxRequestView, type InboxPageView } from './inbox.view';

const REQUEST_LINK = /^\/v1\/requests\/([0-9a-f-]{36})$/;
const requestIdOf = (item: InboxItem): string | undefined => REQUEST_LINK.exec(item.link ?? '')?.[1];

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
    const requests = await this.requestsOf(em, actor, items);
    return {
      items: items.map((item) => InboxItemView.from(item, requests.get(requestIdOf(item) ?? '') ?? null)),
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

  /** Marks every unread entry read, with one audit entry, in one transaction. */
  async markAllRead(actor: Actor): Promise<number> {
    return this.em.fork().transactional(async (tx) => {
      const marked = await runSql<{ id: string }>(tx, markAllReadSql(actor.userId, new Date()));
      if (marked.length === 0) return 0;
      await this.audit.append(tx, {
        stream: agencyStream(actor.agencyId),
        action: 'inbox.read_all',
        subjectType: 'user',
        subjectId: actor.userId,
        actor,
        data: { count: marked.length },
      });
      return marked.length;
    });
  }

  private async requestsOf(
    em: EntityManager,
    actor: Actor,
    items: InboxItem[],
  ): Promise<Map<string, InboxRequestView>> {
    const ids = [...new Set(items.map(requestIdOf).filter((id): id is string => id !== undefined))];
    if (ids.length === 0) return new Map();
    const rows = await runSql<InboxRequestRow>(em, inboxRequestsSql(ids, actor));
    return new Map(rows.map((row) => [row.id, InboxRequestView.from(row)]));
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
