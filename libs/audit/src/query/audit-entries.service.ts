import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { runSql } from '@liaison/data';
import { toCursorPage, type CursorPage } from '@liaison/platform';
import type { AuditScope } from '../access/audit-scope';
import type { AuditRow } from '../audit-rows';
import { AuditEntryView } from '../http/dto/audit-entry.view';
import type { ListAuditEntriesQuery } from '../http/dto/list-audit-entries.query';
import { auditEntriesSql, auditEntrySql, auditStreamSql, streamSeenSql } from './audit-entries.sql';

/** Reads the trail within a reader's scope. */
@Injectable()
export class AuditEntries {
  constructor(private readonly em: EntityManager) {}

  async list(scope: AuditScope, filters: ListAuditEntriesQuery): Promise<CursorPage<AuditEntryView>> {
    const rows = await runSql<AuditRow & { checkpoint: number | null }>(
      this.em.fork(),
      auditEntriesSql(scope, filters),
    );
    return toCursorPage(rows, filters.limit, AuditEntryView.from);
  }

  /** A whole stream in sequence order, or null when the reader may not see it (or it is empty). */
  async stream(scope: AuditScope, stream: string): Promise<AuditEntryView[] | null> {
    const rows = await runSql<AuditRow & { checkpoint: number | null }>(this.em.fork(), auditStreamSql(scope, stream));
    return rows.length > 0 ? rows.map(AuditEntryView.from) : null;
  }

  /** Whether the scope sees any entry of the stream. */
  async sees(scope: AuditScope, stream: string): Promise<boolean> {
    const [row] = await runSql<{ seen: boolean }>(this.em.fork(), streamSeenSql(scope, stream));
    return row?.seen === true;
  }

  /** One entry, if the reader may see it. */
  async find(scope: AuditScope, id: string): Promise<AuditRow | null> {
    const [row] = await runSql<AuditRow>(this.em.fork(), auditEntrySql(scope, id));
    return row ?? null;
  }
}
