import { generateKeyPairSync } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { uuidv7 } from 'uuidv7';
import { ensureDatabase, migrateDatabase, ormConfig } from '@liaison/data';
import { loadConfig } from '@liaison/platform';
import { auditHash, AuditSigner, CheckpointBuilder, GENESIS_HASH } from '@liaison/audit';

export interface CheckpointBuildResult {
  entries: number;
  checkpoints: number;
  /** The build: leaves read, Merkle tree, signature, checkpoint row written. */
  seconds: number;
}

/**
 * `node -r @swc-node/register test/bench/audit/checkpoint-benchmark.ts [entries]`: a scratch database on
 * TEST_DATABASE_URL's server with `entries` entries, timed through one checkpoint build; dropped afterwards.
 */
async function main(): Promise<void> {
  const result = await benchmarkCheckpointBuild(Number(process.argv[2] ?? 100_000));
  console.log(`${result.checkpoints} checkpoint(s) over ${result.entries} entries in ${result.seconds.toFixed(2)} s`);
}

export async function benchmarkCheckpointBuild(entries: number): Promise<CheckpointBuildResult> {
  const admin = new URL(process.env['TEST_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  const url = new URL(admin);
  url.pathname = `/liaison_checkpoint_bench_${process.pid}`;
  await ensureDatabase(url.toString());
  try {
    await migrateDatabase(url.toString());
    await insert(url.toString(), entries);
    const key = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    const config = loadConfig({
      LIAISON_DEVELOPMENT: '1',
      DATABASE_URL: url.toString(),
      AUDIT_SIGNING_KEY: key,
      AUDIT_CHECKPOINT_MAX_ENTRIES: String(entries),
    });
    const orm = await MikroORM.init(ormConfig(url.toString()));
    const builder = new CheckpointBuilder(orm.em, new AuditSigner(config), config);
    const started = process.hrtime.bigint();
    const built = await builder.buildPending();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await orm.close(true);
    return { entries: built.reduce((n, c) => n + c.treeSize, 0), checkpoints: built.length, seconds };
  } finally {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`drop database if exists "${url.pathname.slice(1)}" with (force)`);
    await client.end();
  }
}

async function insert(databaseUrl: string, count: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const heads = new Map<string, { seq: number; hash: string }>();
  for (let start = 0; start < count; start += 2000) {
    const values: unknown[] = [];
    const rows: string[] = [];
    for (let i = start; i < Math.min(start + 2000, count); i += 1) {
      const stream = `request:${i % 1000}`;
      const head = heads.get(stream) ?? { seq: 0, hash: GENESIS_HASH };
      const fields = {
        id: uuidv7(),
        stream,
        seq: head.seq + 1,
        occurredAt: new Date().toISOString(),
        actorUserId: null,
        actorAgencyId: null,
        action: 'bench.entry',
        subjectType: 'bench',
        subjectId: String(i),
        data: { n: i },
        clientRequestId: null,
      };
      const hash = auditHash(head.hash, fields);
      const n = values.length;
      rows.push(
        `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, 'bench.entry', 'bench', $${n + 5}, $${n + 6}, $${n + 7}, $${n + 8})`,
      );
      values.push(
        fields.id,
        stream,
        fields.seq,
        fields.occurredAt,
        fields.subjectId,
        JSON.stringify(fields.data),
        head.hash,
        hash,
      );
      heads.set(stream, { seq: fields.seq, hash });
    }
    await client.query(
      `insert into audit_event (id, stream, seq, occurred_at, action, subject_type, subject_id, data, prev_hash, hash) values ${rows.join(', ')}`,
      values,
    );
  }
  await client.end();
}

if (require.main === module) void main();
