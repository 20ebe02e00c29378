import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { verifyExportFile } from '@liaison/audit';
import { eventually, prepareTestEnvironment, type TestEnvironment } from '@liaison/testing';
import { seedDemo } from '../../infra/launcher/demo-seed';
import { spawnApp, untilReady, type AppProcess } from './support/app-process';
import { freePort } from './support/free-port';

const run = promisify(execFile);
const PASSWORD = 'liaison-demo-2026';

/**
 * The black-box check of personal data at rest: the api and the worker as `npm start` runs them (compiled, as the
 * application roles, seeded with the demo agencies), on a scratch database of the machine's PostgreSQL (the
 * launcher's embedded one is too heavy for the suite), a scratch attachment folder and a Redis prefix of their own.
 * A repatriation with a victim and a witness, notes, an attachment and transitions all carry one marker; then the
 * marker is searched, byte for byte, in a pg_dump of the database, its files in PostgreSQL's data directory and the
 * WAL (after a CHECKPOINT), the attachment and mail folders, the api's and the worker's logs, every Redis key of the
 * run (DUMP) and the audit export, which must still verify. It is found nowhere.
 */
describe('personal data at rest: a marker found nowhere in clear (fault)', () => {
  const marker = `MARKER-${randomBytes(6).toString('hex')}`;
  const scratch = mkdtempSync(join(tmpdir(), 'liaison-at-rest-'));
  const attachmentsDir = join(scratch, 'attachments');
  const mailDir = join(scratch, 'mail');
  const logs: Record<'api' | 'worker', Buffer[]> = { api: [], worker: [] };
  let environment: TestEnvironment;
  let api: AppProcess;
  let worker: AppProcess;
  let url: string;

  beforeAll(async () => {
    environment = await prepareTestEnvironment();
    await seedDemo(environment.ownerDatabaseUrl, PASSWORD);
    const port = String(await freePort());
    url = `http://127.0.0.1:${port}`;
    const shared = {
      NODE_ENV: 'test', // as npm start does (not production), so that e-mail is written to MAIL_DIR
      LOG_LEVEL: 'debug',
      LOG_PRETTY: '0',
      REDIS_URL: environment.redisUrl,
      QUEUE_PREFIX: environment.queuePrefix,
      ATTACHMENTS_DIR: attachmentsDir,
      MAIL_DIR: mailDir,
      MIGRATION_DATABASE_URL: environment.ownerDatabaseUrl,
    };
    api = captured(
      'api',
      spawnApp('api', {
        ...shared,
        PORT: port,
        DATABASE_URL: environment.databaseUrl,
        AUDIT_SIGNING_KEY: '',
        RATE_LIMIT_PER_MINUTE: '100000000',
      }),
    );
    worker = captured(
      'worker',
      spawnApp('worker', {
        ...shared,
        DATABASE_URL: environment.workerDatabaseUrl,
        AUDIT_PUBLIC_KEY: '',
        AUDIT_CHECKPOINT_INTERVAL_SECONDS: '1',
        OUTBOX_POLL_MS: '200',
      }),
    );
    await untilReady(api, async () => (await fetch(`${url}/health`)).status === 200, 'api');
    await untilReady(worker, async () => worker.output().includes('worker started'), 'worker');
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
  }, 60_000);

  function captured(name: 'api' | 'worker', app: AppProcess): AppProcess {
    app.child.stdout?.on('data', (chunk: Buffer) => logs[name].push(chunk));
    app.child.stderr?.on('data', (chunk: Buffer) => logs[name].push(chunk));
    return app;
  }

  async function send(
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Record<string, unknown>; bytes: Buffer }> {
    const isForm = body instanceof FormData;
    const response = await fetch(`${url}/v1${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined || isForm ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    const parsed =
      /^application\/(problem\+)?json\b/.test(response.headers.get('content-type') ?? '') && text
        ? JSON.parse(text)
        : {};
    return { status: response.status, body: parsed as Record<string, unknown>, bytes };
  }
  const login = async (email: string) =>
    (await send(null, 'POST', '/auth/login', { email, password: PASSWORD })).body['accessToken'] as string;
  async function expectStatus(status: number, answer: Promise<{ status: number; body: unknown }>) {
    const { status: got, body } = await answer;
    if (got !== status) throw new Error(`expected ${status}, got ${got}: ${JSON.stringify(body)}`);
    return body as Record<string, unknown>;
  }

  it('finds the marker nowhere: database dump and files, WAL, attachments, logs, Redis, audit export', async () => {
    const thOfficer = await login('officer@th-rtp.example');
    const thSupervisor = await login('supervisor@th-rtp.example');
    const thAuditor = await login('auditor@th-rtp.example');
    const npOfficer = await login('officer@np-police.example');
    const npSupervisor = await login('supervisor@np-police.example');
    const agencies = (await send(thOfficer, 'GET', '/agencies')).body as unknown as {
      id: string;
      name: string;
      country: string;
    }[];
    const nepal = agencies.find((agency) => agency.country === 'NP' && /police/i.test(agency.name)) as { id: string };

    // A victim found in Thailand, to be returned to Nepal: filed by the receiving agency.
    const draft = await expectStatus(
      201,
      send(thOfficer, 'POST', '/requests', {
        kind: 'repatriation',
        requestedAgencyId: nepal.id,
        legalBasis: 'palermo-protocol',
        title: 'Return of a victim of forced labour',
        content: {
          requestingAuthority: 'Royal Thai Police, Anti-Trafficking Division',
          subjectMatter: `Forced labour on a fishing vessel, victim ${marker}`,
          proceedingsNature: 'Victim identification and protection',
          conductingAuthority: 'Royal Thai Police',
          summaryOfFacts: `Rescued in Samut Sakhon: ${marker} was recruited in Sindhupalchok.`,
          assistanceSought: `Verify the nationality of ${marker} and arrange the return`,
          purpose: `Safe return of ${marker}`,
          consentStatus: 'given',
          victimWishesToReturn: true,
          pendingProceedings: { exist: true, details: `${marker} is a witness in case 12/2026` },
        },
      }),
    );
    const id = draft['id'] as string;
    const person = (role: string, name: string) => ({
      role,
      gender: 'female',
      nationality: 'NP',
      minor: false,
      identity: {
        names: [name],
        addresses: [`Ward 4, ${marker}`],
        documentNumbers: [{ type: 'passport', number: marker }],
      },
    });
    await expectStatus(201, send(thOfficer, 'POST', `/requests/${id}/persons`, person('victim', `Victim ${marker}`)));
    const idempotent = { 'idempotency-key': `add-witness-${randomBytes(4).toString('hex')}` };
    await expectStatus(
      201,
      send(thOfficer, 'POST', `/requests/${id}/persons`, person('witness', `Witness ${marker}`), idempotent),
    );
    // the retry is answered from the record, rebuilt from the sealed row
    await expectStatus(
      201,
      send(thOfficer, 'POST', `/requests/${id}/persons`, person('witness', `Witness ${marker}`), idempotent),
    );
    await expectStatus(201, send(thOfficer, 'POST', `/requests/${id}/notes`, { text: `Met ${marker} at the shelter` }));
    await expectStatus(
      201,
      send(npOfficer, 'GET', `/requests/${id}/notes`).then(() =>
        send(
          thOfficer,
          'POST',
          `/requests/${id}/notes`,
          { text: `Second note on ${marker}` },
          { 'idempotency-key': `note-${marker.slice(-6)}` },
        ),
      ),
    );
    const form = new FormData();
    const scan = Buffer.concat([
      Buffer.from(`%PDF-1.4\n% passport of ${marker}\n`),
      randomBytes(150_000),
      Buffer.from(marker),
    ]);
    form.append('file', new Blob([scan], { type: 'application/pdf' }), 'passport.pdf');
    const attachment = await expectStatus(201, send(thOfficer, 'POST', `/requests/${id}/attachments`, form));

    const transition = (token: string, event: string, payload: Record<string, unknown> = {}) =>
      expectStatus(200, send(token, 'POST', `/requests/${id}/transitions`, { event, payload }));
    await transition(thOfficer, 'submit');
    await transition(npOfficer, 'acknowledge');
    await transition(npOfficer, 'confirm_identity', { basis: 'nationality' });
    await transition(thSupervisor, 'halt', { ground: 'safety', reason: `Threats against ${marker}` });
    await transition(thSupervisor, 'resume');
    await transition(npOfficer, 'record_assessment', { riskLevel: 'low', needsLevel: 'low' });
    void npSupervisor;

    // Everything still reads in clear for the parties.
    const read = await expectStatus(200, send(npOfficer, 'GET', `/requests/${id}`));
    expect(JSON.stringify(read['content'])).toContain(marker);
    const history = await expectStatus(200, send(thOfficer, 'GET', `/requests/${id}/history`));
    expect(JSON.stringify(history)).toContain(`Threats against ${marker}`);
    const file = await send(npOfficer, 'GET', `/requests/${id}/attachments/${attachment['id'] as string}/content`);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(scan)).toBe(true);

    // The audit export, once a checkpoint covers the request's entries, verifies offline.
    const keyPem = ((await send(thAuditor, 'GET', '/audit/public-key')).body['publicKeyPem'] as string) ?? '';
    writeFileSync(join(scratch, 'key.pem'), keyPem);
    let exported: Buffer = Buffer.alloc(0);
    await eventually(
      async () => {
        exported = (await send(thAuditor, 'GET', '/audit/export')).bytes;
        writeFileSync(join(scratch, 'export.jsonl'), exported);
        const report = await verifyExportFile(join(scratch, 'export.jsonl'), keyPem);
        expect(report.ok).toBe(true);
        expect(exported.includes(`request:${id}`)).toBe(true);
      },
      60_000,
      500,
    );
    const cli = join(__dirname, '../../libs/audit/src/cli/liaison-audit.cjs');
    const verified = await run(process.execPath, [
      cli,
      'verify',
      join(scratch, 'export.jsonl'),
      '--public-key',
      join(scratch, 'key.pem'),
    ]);
    expect(verified.stdout).toMatch(/^VERIFIED/);
    // the worker has delivered the notices (inbox, e-mail) of the transitions
    await eventually(async () => expect(readdirSync(mailDir).length).toBeGreaterThan(0), 30_000, 200);

    const places = await searchEverywhere(marker, environment, {
      attachments: attachmentsDir,
      mail: mailDir,
      apiLog: Buffer.concat(logs.api),
      workerLog: Buffer.concat(logs.worker),
      export: exported,
    });
    console.log(
      `marker ${marker} in clear:\n${places.map(({ place, bytes, hits }) => `  ${place}: ${hits} hit(s) in ${bytes} bytes`).join('\n')}`,
    );
    expect(places.filter((place) => place.bytes === 0).map((place) => place.place)).toEqual([]);
    expect(places.filter((place) => place.hits > 0)).toEqual([]);
  }, 240_000);
});

interface Place {
  place: string;
  bytes: number;
  hits: number;
}

async function searchEverywhere(
  marker: string,
  environment: TestEnvironment,
  sources: { attachments: string; mail: string; apiLog: Buffer; workerLog: Buffer; export: Buffer },
): Promise<Place[]> {
  const needles = [Buffer.from(marker, 'utf8'), Buffer.from(Buffer.from(marker).toString('hex'))];
  const count = (place: string, bytes: Buffer): Place => ({
    place,
    bytes: bytes.length,
    hits: needles.reduce((sum, needle) => sum + occurrences(bytes, needle), 0),
  });
  const db = new Client({ connectionString: environment.ownerDatabaseUrl });
  await db.connect();
  let databaseFiles: Buffer;
  let wal: Buffer;
  try {
    await db.query('checkpoint');
    const { rows } = await db.query<{ dir: string; oid: string }>(
      `select current_setting('data_directory') as dir, (select oid::text from pg_database where datname = current_database()) as oid`,
    );
    const [{ dir, oid }] = rows as [{ dir: string; oid: string }];
    databaseFiles = Buffer.concat(files(join(dir, 'base', oid)).map((path) => readFileSync(path)));
    wal = Buffer.concat(files(join(dir, 'pg_wal')).map((path) => readFileSync(path)));
  } finally {
    await db.end();
  }
  const dump = await run('pg_dump', ['--no-owner', '--dbname', environment.ownerDatabaseUrl], {
    maxBuffer: 512 * 1024 * 1024,
    encoding: 'buffer',
  });
  return [
    count('pg_dump of the database', dump.stdout as unknown as Buffer),
    count("the database's files in the data directory", databaseFiles),
    count('the WAL (pg_wal)', wal),
    count('the attachment store', Buffer.concat(files(sources.attachments).map((path) => readFileSync(path)))),
    count('the mail folder', Buffer.concat(files(sources.mail).map((path) => readFileSync(path)))),
    count("the api's log", sources.apiLog),
    count("the worker's log", sources.workerLog),
    count("Redis (DUMP of the run's keys)", await redisDump(environment)),
    count('the audit export', sources.export),
  ];
}

async function redisDump(environment: TestEnvironment): Promise<Buffer> {
  const redis = new Redis(environment.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const dumps: Buffer[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${environment.queuePrefix}*`, 'COUNT', 1000);
      for (const key of keys) {
        dumps.push(Buffer.from(key));
        const value = await redis.dumpBuffer(key);
        if (value) dumps.push(value);
      }
      cursor = next;
    } while (cursor !== '0');
    return Buffer.concat(dumps);
  } finally {
    redis.disconnect();
  }
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    return stat.isDirectory() ? files(path) : stat.isFile() ? [path] : [];
  });
}

function occurrences(haystack: Buffer, needle: Buffer): number {
  let hits = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) hits += 1;
  return hits;
}
