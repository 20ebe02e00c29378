import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { RequestHistorySchema } from '@liaison/data';
import type { Actor } from '@liaison/domain';
import { RequestAccess } from '../access/request-access';
import { HistoryEntryView, type HistoryView } from './history-entry.view';

/** A request's timeline: its accepted events in order (a few dozen at most, so given whole). */
@Injectable()
export class RequestHistoryService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: RequestAccess,
  ) {}

  async list(actor: Actor, requestId: string): Promise<HistoryView> {
    const em = this.em.fork();
    await this.access.findVisible(em, actor, requestId);
    const entries = await em.find(RequestHistorySchema, { request: requestId }, { orderBy: { version: 'asc' } });
    return { items: entries.map(HistoryEntryView.from) };
  }
}
