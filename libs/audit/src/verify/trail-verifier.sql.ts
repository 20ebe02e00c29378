import { empty, sql, type Sql } from '@liaison/data';
import type { AuditScope } from '../access/audit-scope';
import { entryConditionSql } from '../access/audit-scope.sql';
import { AUDIT_ROW_COLUMNS } from '../audit-rows.sql';

/**
 * A batch of entries with `xidFrom <= txid < xidTo` in the trail's global order, after the entry `after`, each with
 * the hash of its predecessor in its stream (null when there is none).
 */
export function entriesToVerifySql(
  scope: AuditScope,
  stream: string | null,
  range: { xidFrom: string; xidTo: string },
  after: { txid: string; id: string },
  limit: number,
): Sql {
  return sql`select ${AUDIT_ROW_COLUMNS}, p.hash as "predecessorHash"
         from audit_event e left join audit_event p on p.stream = e.stream and p.seq = e.seq - 1
         where (e.txid, e.id) > (${after.txid}::bigint, ${after.id}::uuid) and e.txid >= ${range.xidFrom} and e.txid < ${range.xidTo} and ${entryConditionSql(scope)}
           ${stream ? sql`and e.stream = ${stream}` : empty}
         order by e.txid, e.id limit ${limit}`;
}
