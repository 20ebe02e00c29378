import { EntityManager } from '@mikro-orm/postgresql';
import { Test, type TestingModule } from '@nestjs/testing';
import { Client } from 'pg';
import { uuidv7 } from 'uuidv7';
import {
  AuditCheckpointsModule,
  auditHash,
  CheckpointBuilder,
  GENESIS_HASH,
  type HashedAuditFields,
} from '@liaison/audit';
import { DatabaseModule } from '@liaison/data';
import { LIAISON_CONFIG, LiaisonConfigModule, loadConfig } from '@liaison/platform';
import type { TestEnvironment } from '@liaison/testing';

/** The checkpoint builder alone (what the worker runs), on this test's database. */
export async function startCheckpointBuilder(
  environment: TestEnvironment,
): Promise<{ builder: CheckpointBuilder; close: () => Promise<void> }> {
  const module: TestingModule = await Test.createTestingModule({
    imports: [LiaisonConfigModule, DatabaseModule, AuditCheckpointsModule],
  })
    .overrideProvider(LIAISON_CONFIG)
    .useValue({ ...loadConfig(), databaseUrl: environment.workerDatabaseUrl }) // as the worker connects
    .compile();
  await module.init();
  return { builder: module.get(CheckpointBuilder), close: () => module.close() };
}

/**
 * Appends `count` well-chained entries to `streams` (existing chains continued), many per statement: a quick way to a
 * large trail. Inserted as the application role, like every entry.
 */
export async function appendSyntheticEntries(em: EntityManager, streams: string[], count: number): Promise<void> {
  const heads = new Map<string, { seq: number; hash: string }>();
  for (const stream of streams) {
    const [last] = await em
      .getConnection()
      .execute<{ seq: number; hash: string }[]>(
        'select seq, hash from audit_event where stream = ? order by seq desc limit 1',
        [stream],
      );
    heads.set(stream, last ?? { seq: 0, hash: GENESIS_HASH });
  }
  for (let start = 0; start < count; start += 1000) {
    const values: unknown[] = [];
    const rows: string[] = [];
    for (let i = start; i < Math.min(start + 1000, count); i += 1) {
      const stream = streams[i % streams.length];
      const head = heads.get(stream) as { seq: number; hash: string };
      const fields: HashedAuditFields = {
        id: uuidv7(),
        stream,
        seq: head.seq + 1,
        occurredAt: new Date().toISOString(),
        actorUserId: null,
        actorAgencyId: null,
        action: 'test.synthetic',
        subjectType: 'test',
        subjectId: String(i),
        data: { n: i },
        clientRequestId: null,
      };
      const hash = auditHash(head.hash, fields);
      rows.push('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      values.push(fields.id, stream, fields.seq, fields.occurredAt, null, null, fields.action, fields.subjectType);
      values.push(fields.subjectId, JSON.stringify(fields.data), null, head.hash, hash);
      heads.set(stream, { seq: fields.seq, hash });
    }
    await em.getConnection().execute(
      `insert into audit_event (id, stream, seq, occurred_at, actor_user_id, actor_agency_id, action, subject_type,
         subject_id, data, client_request_id, prev_hash, hash) values ${rows.join(', ')}`,
      values,
    );
  }
}

/** Runs SQL as the owner of the tables with triggers off (`session_replication_role = replica`): a rogue superuser. */
export async function asRogueSuperuser(ownerUrl: string, sql: string, params: unknown[] = []): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('set session_replication_role = replica');
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}
