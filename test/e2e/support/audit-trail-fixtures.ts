import { EntityManager } from '@mikro-orm/postgresql';
import { Test, type TestingModule } from '@nestjs/testing';
import { Client } from 'pg';
import { uuidv7 } from 'uuidv7';
import {
  AuditCheckpointsModule,
  auditHash,
  CheckpointBuilder,
  CheckpointScheduler,
  GENESIS_HASH,
  leafHash,
  MerkleTree,
  signStatement,
  statementOf,
  WitnessPublisher,
  type HashedAuditFields,
} from '@liaison/audit';
import { DatabaseModule } from '@liaison/data';
import { LIAISON_CONFIG, LiaisonConfigModule, loadConfig, parsePrivateKey } from '@liaison/platform';
import type { TestEnvironment } from '@liaison/testing';

/**
 * The checkpoint builder and the witness publisher alone (what the worker runs), on this test's database; `witness`
 * overrides AUDIT_WITNESS (this environment's file by default).
 */
export async function startCheckpointBuilder(
  environment: TestEnvironment,
  options: { witness?: string } = {},
): Promise<{
  builder: CheckpointBuilder;
  witness: WitnessPublisher;
  /** One round of the worker's timer: build, then publish. */
  tick: () => Promise<void>;
  close: () => Promise<void>;
}> {
  const config = loadConfig();
  const module: TestingModule = await Test.createTestingModule({
    imports: [LiaisonConfigModule, DatabaseModule, AuditCheckpointsModule],
  })
    .overrideProvider(LIAISON_CONFIG)
    .useValue({
      ...config,
      databaseUrl: environment.workerDatabaseUrl, // as the worker connects
      audit: { ...config.audit, witness: options.witness ?? config.audit.witness, checkpointIntervalSeconds: 0 },
    })
    .compile();
  await module.init();
  return {
    builder: module.get(CheckpointBuilder),
    witness: module.get(WitnessPublisher),
    tick: () => module.get(CheckpointScheduler).tick(),
    close: () => module.close(),
  };
}

/**
 * What a compromised database and signing key together could do: delete the last entry of a stream covered by
 * checkpoint `seq` (the last one), then rebuild that checkpoint over what is left and sign it again, as the owner
 * with the triggers off. The export then verifies on its own; only a witness still holds the checkpoint as it was.
 */
export async function rewriteLastCheckpoint(ownerUrl: string, seq: number, signingKey: string): Promise<string> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('set session_replication_role = replica');
    const { rows } = await client.query<Record<string, string | number | Date>>(
      'select * from audit_checkpoint where seq = $1',
      [seq],
    );
    const checkpoint = rows[0];
    const range = [String(checkpoint['xid_from']), String(checkpoint['xid_to'])];
    const victim = await client.query<{ id: string }>(
      `select e.id from audit_event e where e.txid >= $1 and e.txid < $2
          and not exists (select 1 from audit_event n where n.stream = e.stream and n.seq > e.seq)
        order by e.txid desc, e.id desc limit 1`,
      range,
    );
    const victimId = victim.rows[0].id;
    await client.query('delete from audit_event where id = $1', [victimId]);
    const leaves = await client.query<{ hash: string }>(
      'select hash from audit_event where txid >= $1 and txid < $2 order by txid, id',
      range,
    );
    const tree = new MerkleTree(leaves.rows.map((row) => leafHash(Buffer.from(row.hash, 'hex'))));
    const signed = signStatement(
      statementOf({
        seq,
        xidFrom: range[0],
        xidTo: range[1],
        treeSize: tree.size,
        rootHash: tree.root.toString('hex'),
        previousHash: String(checkpoint['previous_hash']),
        createdAt: (checkpoint['created_at'] as Date).toISOString(),
        keyId: String(checkpoint['key_id']),
      }),
      parsePrivateKey(signingKey),
    );
    await client.query(
      'update audit_checkpoint set tree_size = $1, root_hash = $2, hash = $3, signature = $4 where seq = $5',
      [signed.treeSize, signed.rootHash, signed.hash, signed.signature, seq],
    );
    return victimId;
  } finally {
    await client.end();
  }
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
