import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { toCursorPage, type CursorPage } from '@liaison/platform';
import { streamCondition, type AuditScope } from '../access/audit-scope';
import { AUDIT_ROW_COLUMNS, type AuditRow } from '../audit-rows';
import { requestStream } from '../audit-trail';
import { AuditEntryView } from '../http/dto/audit-entry.view';
import type { ListAuditEntriesQuery } from '../http/dto/list-audit-entries.query';
import { query } from '../sql';

/** The checkpoint covering `e` (null until one does). */
const CHECKPOINT_OF_ENTRY = `(select c.seq from audit_checkpoint c where c.xid_to > e.txid and c.xid_from <= e.txid
  order by c.xid_to limit 1) as checkpoint`;

/** Reads the trail within a reader's scope. */
@Injectable()
export class AuditEntries {
  constructor(private readonly em: EntityManager) {}

  async list(scope: AuditScope, filters: ListAuditEntriesQuery): Promise<CursorPage<AuditEntryView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    const visible = streamCondition(scope);
    add(visible.sql, ...visible.params);
    if (filters.stream) add('e.stream = ?', filters.stream);
    if (filters.requestId) add('e.stream = ?', requestStream(filters.requestId));
    if (filters.actorUserId) add('e.actor_user_id = ?', filters.actorUserId);
    if (filters.agencyId) add('e.actor_agency_id = ?', filters.agencyId);
    if (filters.action) add('e.action = ?', filters.action);
    if (filters.from) add('e.occurred_at >= ?', new Date(filters.from));
    if (filters.to) add('e.occurred_at < ?', new Date(filters.to));
    if (filters.cursor) add('e.id > ?', filters.cursor);
    const rows = await query<AuditRow & { checkpoint: number | null }>(
      this.em.fork(),
      `select ${AUDIT_ROW_COLUMNS}, ${CHECKPOINT_OF_ENTRY} from audit_event e
       where ${where.join(' and ')} order by e.id limit ?`,
      [...params, filters.limit + 1],
    );
    return toCursorPage(rows, filters.limit, AuditEntryView.from);
  }

  /** A whole stream in sequence order, or null when the reader may not see it (or it is empty). */
  async stream(scope: AuditScope, stream: string): Promise<AuditEntryView[] | null> {
    const visible = streamCondition(scope);
    const rows = await query<AuditRow & { checkpoint: number | null }>(
      this.em.fork(),
      `select ${AUDIT_ROW_COLUMNS}, ${CHECKPOINT_OF_ENTRY} from audit_event e
       where e.stream = ? and ${visible.sql} order by e.seq`,
      [stream, ...visible.params],
    );
    return rows.length > 0 ? rows.map(AuditEntryView.from) : null;
  }

  /** One entry, if the reader may see it. */
  async find(scope: AuditScope, id: string): Promise<AuditRow | null> {
    const visible = streamCondition(scope);
    const [row] = await query<AuditRow>(
      this.em.fork(),
      `select ${AUDIT_ROW_COLUMNS} from audit_event e where e.id = ? and ${visible.sql}`,
      [id, ...visible.params],
    );
    return row ?? null;
  }
}
