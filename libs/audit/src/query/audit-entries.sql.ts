import { join, sql, type Sql } from '@liaison/data';
import { entryConditionSql } from '../access/audit-scope.sql';
import type { AuditScope } from '../access/audit-scope';
import { AUDIT_ROW_COLUMNS } from '../audit-rows.sql';
import { requestStream } from '../audit-trail';
import type { ListAuditEntriesQuery } from '../http/dto/list-audit-entries.query';

/** The checkpoint covering `e` (null until one does). */
const CHECKPOINT_OF_ENTRY = sql`(select c.seq from audit_checkpoint c where c.xid_to > e.txid and c.xid_from <= e.txid
  order by c.xid_to limit 1) as checkpoint`;

/** A page of entries in id (time) order, one more than `limit` (whether another page follows). */
export function auditEntriesSql(scope: AuditScope, filters: ListAuditEntriesQuery): Sql {
  const where = [
    entryConditionSql(scope),
    filters.stream ? sql`e.stream = ${filters.stream}` : undefined,
    filters.requestId ? sql`e.stream = ${requestStream(filters.requestId)}` : undefined,
    filters.actorUserId ? sql`e.actor_user_id = ${filters.actorUserId}` : undefined,
    filters.agencyId ? sql`e.actor_agency_id = ${filters.agencyId}` : undefined,
    filters.action ? sql`e.action = ${filters.action}` : undefined,
    filters.from ? sql`e.occurred_at >= ${new Date(filters.from)}` : undefined,
    filters.to ? sql`e.occurred_at < ${new Date(filters.to)}` : undefined,
    filters.cursor ? sql`e.id > ${filters.cursor}` : undefined,
  ].filter((condition) => condition !== undefined);
  return sql`select ${AUDIT_ROW_COLUMNS}, ${CHECKPOINT_OF_ENTRY} from audit_event e
       where ${join(where, ' and ')} order by e.id limit ${filters.limit + 1}`;
}

/** A whole stream in sequence order, if the scope sees it. */
export function auditStreamSql(scope: AuditScope, stream: string): Sql {
  return sql`select ${AUDIT_ROW_COLUMNS}, ${CHECKPOINT_OF_ENTRY} from audit_event e
       where e.stream = ${stream} and ${entryConditionSql(scope)} order by e.seq`;
}

/** One entry, if the scope sees it. */
export function auditEntrySql(scope: AuditScope, id: string): Sql {
  return sql`select ${AUDIT_ROW_COLUMNS} from audit_event e where e.id = ${id} and ${entryConditionSql(scope)}`;
}

/** One row, `seen`: whether the scope sees any entry of the stream. */
export function streamSeenSql(scope: AuditScope, stream: string): Sql {
  return sql`select exists (select 1 from audit_event e where e.stream = ${stream} and ${entryConditionSql(scope)}) as seen`;
}
