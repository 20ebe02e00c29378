import { sql, type Sql } from '@liaison/data';
import type { AuditScope } from '../access/audit-scope';
import { entryConditionSql } from '../access/audit-scope.sql';
import { AUDIT_ROW_COLUMNS } from '../audit-rows.sql';
import { LEAF_ORDER } from '../checkpoints/checkpoints.sql';

/** A batch of a checkpoint's entries the scope sees, in leaf order, after the entry `after`. */
export function checkpointEntriesSql(
  scope: AuditScope,
  range: { xidFrom: string; xidTo: string },
  after: { txid: string; id: string },
  limit: number,
): Sql {
  return sql`select ${AUDIT_ROW_COLUMNS} from audit_event e
         where e.txid >= ${range.xidFrom} and e.txid < ${range.xidTo} and (e.txid, e.id) > (${after.txid}::bigint, ${after.id}::uuid) and ${entryConditionSql(scope)}
         order by ${LEAF_ORDER} limit ${limit}`;
}

/** A batch of the entries from `xidFrom` on that the scope sees, by stream (byte order) then sequence. */
export function tailEntriesSql(
  scope: AuditScope,
  xidFrom: string,
  after: { stream: string; seq: number },
  limit: number,
): Sql {
  return sql`select ${AUDIT_ROW_COLUMNS} from audit_event e
         where e.txid >= ${xidFrom} and (e.stream collate "C", e.seq) > (${after.stream} collate "C", ${after.seq}) and ${entryConditionSql(scope)}
         order by e.stream collate "C", e.seq limit ${limit}`;
}
