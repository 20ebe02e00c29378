import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { runSql } from '@liaison/data';
import type { Actor } from '@liaison/domain';
import { RequestSummaryPageView, toRequestSummary } from './request-summary.view';
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor';
import { buildSearchSql, type SearchRow } from './search.sql';
import type { SearchRequestsQuery } from './search-requests.query';

/** `GET /v1/requests`: what the caller may see, filtered, newest first, in keyset pages. */
@Injectable()
export class RequestSearchService {
  constructor(private readonly em: EntityManager) {}

  async search(actor: Actor, query: SearchRequestsQuery): Promise<RequestSummaryPageView> {
    const statement = buildSearchSql(
      { agencyId: actor.agencyId, userId: actor.userId },
      {
        kind: query.kind,
        states: query.state,
        direction: query.direction,
        counterpartCountry: query.counterpartCountry?.toUpperCase(),
        legalBasis: query.legalBasis,
        overdue: query.overdue,
        taskForceId: query.taskForceId,
        q: query.q?.trim(),
      },
      {
        sort: query.sort,
        limit: query.limit,
        after: query.cursor ? decodeSearchCursor(query.cursor, query.sort) : undefined,
      },
    );
    const rows = await runSql<SearchRow>(this.em.fork(), statement);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > query.limit && last
        ? encodeSearchCursor({ sort: query.sort, key: last.cursor_key, id: last.id })
        : null;
    return { items: items.map(toRequestSummary), nextCursor };
  }
}
