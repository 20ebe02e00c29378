import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { RequestHistorySchema } from '@liaison/data';
import { isEventBeyondRequestingSide, type Actor } from '@liaison/domain';
import { RequestAccess } from '../access/request-access';
import { HistoryEntryView, type HistoryView } from './history-entry.view';

/**
 * A request's timeline: its accepted events in order (a few dozen at most, so given whole). Beyond the requesting side,
 * without those of its internal phase (submissions, returns for amendment and their reasons).
 */
@Injectable()
export class RequestHistoryService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: RequestAccess,
  ) {}

  async list(actor: Actor, requestId: string): Promise<HistoryView> {
    const em = this.em.fork();
    const { request, relation, key } = await this.access.findVisible(em, actor, requestId);
    const entries = await em.find(RequestHistorySchema, { request: requestId }, { orderBy: { version: 'asc' } });
    const shown =
      relation === 'requesting'
        ? entries
        : entries.filter((entry) => isEventBeyondRequestingSide(request.kind, entry.fromState, entry.toState));
    return { items: shown.map((entry) => HistoryEntryView.from(entry, key.payload(entry))) };
  }
}
