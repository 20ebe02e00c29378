import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { register, type Metric } from 'prom-client';
import { verifyExportFile, type CheckpointBuilder, type WitnessPublisher } from '@liaison/audit';
import type { User } from '@liaison/data';
import { loadConfig } from '@liaison/platform';
import { createAgency, createUser, eventually } from '@liaison/testing';
import { startApi, type ApiHarness } from './support/api-harness';
import { appendSyntheticEntries, rewriteLastCheckpoint, startCheckpointBuilder } from './support/audit-trail-fixtures';

interface Worker {
  builder: CheckpointBuilder;
  witness: WitnessPublisher;
  tick: () => Promise<void>;
  close: () => Promise<void>;
}

/** A witness service on loopback: keeps what is POSTed, answers a GET with all of it as JSON Lines. */
class WitnessServer {
  readonly received: { seq: number; rootHash: string }[] = [];
  private readonly lines: string[] = [];
  private server: Server | null = null;

  async listen(port = 0): Promise<number> {
    const server = createServer((request, response) => {
      if (request.method === 'GET') {
        response.writeHead(200, { 'content-type': 'application/jsonl' }).end(this.lines.map((l) => `${l}\n`).join(''));
        return;
      }
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        this.lines.push(body);
        this.received.push(JSON.parse(body) as { seq: number; rootHash: string });
        response.writeHead(201).end();
      });
    });
    await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
    this.server = server;
    return (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((done) => server.close(() => done()));
  }
}

const CLI = resolve(__dirname, '../../libs/audit/src/cli/liaison-audit.cjs');

function runCli(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], (error, stdout) => {
      done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout });
    });
  });
}

async function metricValue(name: string): Promise<number> {
  const metric = register.getSingleMetric(name) as Metric | undefined;
  const values = (await metric?.get())?.values ?? [];
  return values.reduce((sum, value) => sum + value.value, 0);
}

/**
 * The witness outside the database: every signed checkpoint is published to it (a file by default, or an HTTP
 * service), at least once, and `liaison-audit verify --witness` catches a checkpoint rewritten in the database after
 * it was published, which verifies without the witness.
 */
describe('audit witness (e2e)', () => {
  let api: ApiHarness;
  let worker: Worker;
  let operator: User;
  let token: string;
  const dir = mkdtempSync(join(tmpdir(), 'liaison-witness-e2e-'));

  beforeAll(async () => {
    api = await startApi();
    worker = await startCheckpointBuilder(api.environment);
    const india = await createAgency(api.em(), { name: 'CBI', country: 'IN' });
    operator = await createUser(api.em(), india, { roles: ['ADMIN'], platformAdmin: true });
    token = await api.login(operator.email);
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  /**
   * Checkpoints every entry written so far. A checkpoint covers the transactions below the cluster's oldest running
   * one, so another database's long transaction on this server may hold it back for a while.
   */
  async function checkpointAll(builder: CheckpointBuilder): Promise<{ seq: number; rootHash: string; hash: string }[]> {
    const built: { seq: number; rootHash: string; hash: string }[] = [];
    await eventually(
      async () => {
        built.push(...(await builder.buildPending()));
        const [row] = await api
          .em()
          .fork()
          .getConnection()
          .execute<{ uncovered: string }[]>(
            `select count(*) as uncovered from audit_event
          where txid >= coalesce((select max(xid_to) from audit_checkpoint), 0)`,
          );
        expect(Number(row.uncovered)).toBe(0);
      },
      60_000,
      200,
    );
    return built;
  }

  const get = (path: string) => api.http().get(path).auth(token, { type: 'bearer' });

  async function exportToFile(name: string): Promise<string> {
    const exported = await get('/v1/audit/export')
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => done(null, text));
      });
    expect(exported.status).toBe(200);
    const file = join(dir, name);
    writeFileSync(file, exported.body as string);
    return file;
  }

  function publicKeyFile(): string {
    const file = join(dir, 'key.pem');
    if (!existsSync(file)) writeFileSync(file, loadConfig().audit.publicKey as string);
    return file;
  }

  it('publishes each signed checkpoint to the witness file, the default, once; the api’s role cannot move its cursor', async () => {
    expect(loadConfig({ ...process.env, AUDIT_WITNESS: undefined }).audit.witness).toBe('.data/audit-witness.jsonl');
    await appendSyntheticEntries(api.em(), ['witness:file'], 20);
    const [checkpoint] = await checkpointAll(worker.builder);
    expect(await worker.witness.publishPending()).toBe(1);
    expect(await worker.witness.publishPending()).toBe(0);

    const lines = readFileSync(api.environment.witness, 'utf8').trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line) as object)).toEqual([
      expect.objectContaining({ seq: checkpoint.seq, rootHash: checkpoint.rootHash, hash: checkpoint.hash }),
    ]);
    expect(await metricValue('liaison_audit_witness_unpublished')).toBe(0);

    const app = new Client({ connectionString: api.environment.databaseUrl });
    await app.connect();
    try {
      await expect(app.query('select * from audit_witness_cursor')).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });

  it('publishes in the worker’s round, right after building the checkpoint', async () => {
    await appendSyntheticEntries(api.em(), ['witness:round'], 5);
    const published = async () =>
      readFileSync(api.environment.witness, 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as { seq: number }).seq);
    await eventually(
      async () => {
        await worker.tick();
        const [latest] = (await get('/v1/audit/checkpoints?order=desc&limit=1').expect(200)).body.items as {
          seq: number;
        }[];
        expect(latest.seq).toBeGreaterThan(1);
        expect(await published()).toContain(latest.seq);
      },
      60_000,
      200,
    );
  });

  it('publishes to an HTTP witness, and after it was down, everything it missed, in order', async () => {
    const service = new WitnessServer();
    const port = await service.listen();
    await service.close(); // down, on a port known to be free
    const http = await startCheckpointBuilder(api.environment, { witness: `http://127.0.0.1:${port}/checkpoints` });
    try {
      const failuresBefore = await metricValue('liaison_audit_witness_failures_total');
      await appendSyntheticEntries(api.em(), ['witness:http'], 10);
      await checkpointAll(http.builder);
      await expect(http.witness.publishPending()).rejects.toThrow();
      await appendSyntheticEntries(api.em(), ['witness:http'], 10);
      await checkpointAll(http.builder);
      await expect(http.witness.publishPending()).rejects.toThrow();
      expect(await metricValue('liaison_audit_witness_failures_total')).toBe(failuresBefore + 2);
      const all = (await get('/v1/audit/checkpoints?limit=100').expect(200)).body.items as { seq: number }[];
      expect(await metricValue('liaison_audit_witness_unpublished')).toBe(all.length);

      await service.listen(port); // back
      expect(await http.witness.publishPending()).toBe(all.length);
      expect(service.received.map((checkpoint) => checkpoint.seq)).toEqual(all.map((c) => c.seq).sort((a, b) => a - b));
      expect(await metricValue('liaison_audit_witness_unpublished')).toBe(0);

      const file = await exportToFile('http-witness.jsonl');
      const url = `http://127.0.0.1:${port}/checkpoints`;
      const report = await verifyExportFile(file, loadConfig().audit.publicKey as string, { threads: 1, witness: url });
      expect(report).toMatchObject({ ok: true, witness: { matched: all.length, checkpoints: all.length } });
    } finally {
      await http.close();
      await service.close();
    }
  });

  it('fails an export with a checkpoint the witness never received', async () => {
    await worker.witness.publishPending(); // the file holds every checkpoint so far
    await appendSyntheticEntries(api.em(), ['witness:unpublished'], 5);
    const [unpublished] = await checkpointAll(worker.builder);
    const file = await exportToFile('unpublished.jsonl');
    const report = await verifyExportFile(file, loadConfig().audit.publicKey as string, {
      witness: api.environment.witness,
    });
    expect(report.ok).toBe(false);
    expect(report.failure?.reason).toBe(`checkpoint #${unpublished.seq} is not in the witness`);
  });

  it('fails an export whose checkpoint was rewritten in the database, which verifies without the witness', async () => {
    await appendSyntheticEntries(api.em(), ['witness:rewritten', 'witness:other'], 30);
    await checkpointAll(worker.builder);
    await worker.witness.publishPending();
    await appendSyntheticEntries(api.em(), ['witness:tail'], 3); // after the last checkpoint: chain-checked only

    const clean = await exportToFile('clean.jsonl');
    const witness = api.environment.witness;
    const cleanRun = await runCli(['verify', clean, '--public-key', publicKeyFile(), '--witness', witness]);
    expect(cleanRun.code).toBe(0);
    expect(cleanRun.stdout).toMatch(/^VERIFIED: /);
    // the three, and the export's own entry
    expect(cleanRun.stdout).toMatch(/\n4 entries after checkpoint #\d+ are chain-checked only/);
    expect(cleanRun.stdout).toMatch(/witness .*: (\d+) of \1 checkpoints match/);

    const last = (await get('/v1/audit/checkpoints?order=desc&limit=1').expect(200)).body.items[0] as { seq: number };
    await rewriteLastCheckpoint(api.environment.ownerDatabaseUrl, last.seq, process.env['AUDIT_SIGNING_KEY'] as string);
    const rewritten = await exportToFile('rewritten.jsonl');

    const alone = await runCli(['verify', rewritten, '--public-key', publicKeyFile()]);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toMatch(/^VERIFIED: /);
    const witnessed = await runCli(['verify', rewritten, '--public-key', publicKeyFile(), '--witness', witness]);
    expect(witnessed.code).toBe(1);
    expect(witnessed.stdout).toContain(`checkpoint #${last.seq}'s signed root differs from the witness's`);
    const report = await verifyExportFile(rewritten, loadConfig().audit.publicKey as string, { witness });
    expect(report.failure).toMatchObject({ checkpoint: last.seq });
  });
});
