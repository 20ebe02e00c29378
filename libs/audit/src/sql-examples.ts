import { EXAMPLE_IDS, EXAMPLE_TIME, type Sql, type SqlExample } from '@liaison/data';
import type { AuditScope } from './access/audit-scope';
import { withheldStreamsSql } from './access/audit-scope.sql';
import { GENESIS_HASH } from './audit-hash';
import { requestStream, type ChainedEntry } from './audit-trail';
import { insertAuditEventSql, streamHeadSql } from './audit-trail.sql';
import { builderLockSql, checkpointLeavesSql, leafHashesSql, snapshotXminSql } from './checkpoints/checkpoints.sql';
import { checkpointEntriesSql, tailEntriesSql } from './export/audit-export.sql';
import { auditEntriesSql, auditEntrySql, auditStreamSql, streamSeenSql } from './query/audit-entries.sql';
import { entriesToVerifySql } from './verify/trail-verifier.sql';
import { advanceWitnessCursorSql, witnessBacklogSql, witnessCursorSql } from './witness/witness.sql';

const agency: AuditScope = { kind: 'agency', agencyId: EXAMPLE_IDS.agency, userId: EXAMPLE_IDS.user };
const all: AuditScope = { kind: 'all' };
const stream = requestStream(EXAMPLE_IDS.request);
const range = { xidFrom: '700', xidTo: '800' };
const start = { txid: '-1', id: '00000000-0000-0000-0000-000000000000' };

const entry: ChainedEntry = {
  id: EXAMPLE_IDS.fresh,
  stream,
  seq: 1,
  occurredAt: EXAMPLE_TIME.toISOString(),
  actorUserId: EXAMPLE_IDS.user,
  actorAgencyId: EXAMPLE_IDS.agency,
  action: 'request.transition',
  subjectType: 'request',
  subjectId: EXAMPLE_IDS.request,
  data: { event: 'submit', from: 'draft', to: 'submitted', version: 2 },
  clientRequestId: 'req-1',
  prevHash: GENESIS_HASH,
  hash: 'a'.repeat(64),
};

const witness = '.data/audit-witness.jsonl';

export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'stream-head', statement: streamHeadSql(stream) },
  { name: 'insert-audit-event', statement: insertAuditEventSql(entry) },
  { name: 'entries-all', statement: auditEntriesSql(all, { limit: 50 }) },
  {
    name: 'entries-agency-every-filter',
    statement: auditEntriesSql(agency, {
      limit: 50,
      cursor: EXAMPLE_IDS.fresh,
      stream,
      requestId: EXAMPLE_IDS.request,
      actorUserId: EXAMPLE_IDS.user,
      agencyId: EXAMPLE_IDS.agency,
      action: 'request.transition',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    }),
  },
  { name: 'stream-entries', statement: auditStreamSql(agency, stream) },
  { name: 'stream-seen', statement: streamSeenSql(agency, stream) },
  { name: 'entry', statement: auditEntrySql(agency, EXAMPLE_IDS.fresh) },
  { name: 'export-checkpoint-entries', statement: checkpointEntriesSql(agency, range, start, 1000) },
  { name: 'export-tail-entries', statement: tailEntriesSql(agency, '800', { stream: '', seq: 0 }, 1000) },
  { name: 'export-withheld-streams', statement: withheldStreamsSql(agency) as Sql },
  { name: 'verify-entries', statement: entriesToVerifySql(all, null, range, start, 2000) },
  { name: 'verify-entries-of-stream', statement: entriesToVerifySql(agency, stream, range, start, 2000) },
  { name: 'witness-cursor', statement: witnessCursorSql(witness), role: 'worker' },
  { name: 'witness-cursor-advance', statement: advanceWitnessCursorSql(witness, 7, EXAMPLE_TIME), role: 'worker' },
  { name: 'witness-backlog', statement: witnessBacklogSql(witness), role: 'worker' },
  { name: 'checkpoint-builder-lock', statement: builderLockSql() },
  { name: 'snapshot-xmin', statement: snapshotXminSql() },
  { name: 'leaf-hashes', statement: leafHashesSql('700', '800', 10_001) },
  { name: 'leaf-hashes-up-to', statement: leafHashesSql('700', '801') },
  { name: 'checkpoint-leaves', statement: checkpointLeavesSql(range) },
];
