/**
 * Benchmark: HTTP transitions against the same SQL run by pgbench, in one run (issue 6, point 1, first bullet).
 *
 *   node -r @swc-node/register test/bench/transitions/run.ts   (or: npm run bench:transitions)
 *
 * 1. A fresh database, migrated as the owner; the apps connect as `liaison_app`. CLIENTS × PER_CLIENT complete MLA
 *    drafts inserted by SQL, with ids `0190b000-0000-7000-8000-<12 decimal digits>` so that pgbench can name them
 *    from an integer. Each client owns its own block of drafts (no 409 from two clients on one request).
 * 2. Capture: `ALTER DATABASE … SET log_min_duration_statement = 0`, the api alone is started, warmed up, and one
 *    `submit` and one `return_for_amendment` are sent while the PostgreSQL log is followed; the statements the api's
 *    connections executed (with their bound parameters) become two pgbench scripts. The setting is then reset and
 *    the api stopped (its pooled connections keep the setting).
 * 3. Load: api + worker as child processes; a warm-up on separate drafts, then TRANSITIONS transitions from CLIENTS
 *    keep-alive HTTP clients, each cycling its drafts through `submit` (officer) and `return_for_amendment`
 *    (supervisor): every call is an accepted transition with a history row, an audit entry and outbox rows.
 *    Latency is measured per request in this process. Peak RSS (VmHWM) of both children is read before they stop.
 * 4. pgbench (after the profile), apps stopped, same database: `-c CLIENTS -j 2 -M simple -t TRANSITIONS/CLIENTS`, the two captured
 *    scripts at equal weight, each wrapped in one transaction, the request id drawn from the client's block.
 * 5. Profile: api started with `--cpu-prof` (worker plain), PROFILE_TRANSITIONS more transitions at the same
 *    concurrency, then the api is asked to exit (IPC) so the profile is written; self time is aggregated by function
 *    and by category (package, library, node internals, GC).
 *
 * Env: BENCH_TRANSITIONS (20000), BENCH_CLIENTS (32), BENCH_PER_CLIENT (125 drafts per client),
 * BENCH_PROFILE_TRANSITIONS (10000, 0 skips the profile), BENCH_PG_LOG (the server log file, if
 * pg_current_logfile() is empty and it is not /var/log/postgresql/postgresql-<major>-<cluster>.log), BENCH_KEEP=1
 * (keep the temporary directory with the captured log, scripts and profile), TEST_DATABASE_URL, TEST_REDIS_URL.
 * The database and the Redis keys (a unique QUEUE_PREFIX) are dropped at the end.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { uuidv7 } from 'uuidv7';
import { auditHash, GENESIS_HASH, requestStream, type HashedAuditFields } from '@liaison/audit';
import { AuditEventSchema, ormConfig, quoteIdentifier, RequestSchema } from '@liaison/data';
import {
  asApplicationRole,
  createAgency,
  createScratchDatabase,
  createUser,
  dropRedisKeys,
  dropScratchDatabase,
  TEST_PASSWORD,
  withAdminClient,
} from '@liaison/testing';
import { COMPLETE_MLA_CONTENT } from '../../e2e/support/mla-draft';

const TRANSITIONS = Number(process.env['BENCH_TRANSITIONS'] ?? 20_000);
const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 32);
const PER_CLIENT = Number(process.env['BENCH_PER_CLIENT'] ?? 125);
const PROFILE_TRANSITIONS = Number(process.env['BENCH_PROFILE_TRANSITIONS'] ?? 10_000);
const WARMUP_PER_CLIENT = 16;
const STEPS = Math.ceil(TRANSITIONS / CLIENTS);
const ROOT = resolve(__dirname, '../../..');
const NODE = resolve(ROOT, 'node_modules/.bin/node');
const RUN = `${Date.now().toString(36)}_${process.pid}`;
const DATABASE = `liaison_bench_transitions_${RUN}`;
const QUEUE_PREFIX = `liaison-bench-transitions-${RUN}`;
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const TMP = mkdtempSync(join(tmpdir(), 'liaison-bench-transitions-'));
/** Seeded request ids: this prefix and 100000000000 + index (12 decimal digits, which are valid hex digits). */
const ID_PREFIX = '0190b000-0000-7000-8000-';
const ID_BASE = 100_000_000_000;
const REASON = { reason: 'Please attach the court order (benchmark)' };

const MAIN_DRAFTS = CLIENTS * PER_CLIENT;
const WARMUP_BASE = MAIN_DRAFTS;
const CAPTURE_BASE = WARMUP_BASE + CLIENTS * WARMUP_PER_CLIENT;

const requestId = (index: number) => `${ID_PREFIX}${ID_BASE + index}`;

interface Fixture {
  india: string;
  nepal: string;
  officer: { id: string; email: string };
  supervisor: { id: string; email: string };
  others: string[];
}

interface Load {
  transitions: number;
  seconds: number;
  latencies: number[];
  failures: number;
  failure?: string;
}

interface Child {
  process: ChildProcess;
  output: () => string;
}

async function main(): Promise<void> {
  const owner = await createScratchDatabase(DATABASE);
  const env = childEnvironment(owner);
  const children: Child[] = [];
  try {
    const fixture = await arrange(owner);
    console.log(`seeded ${CAPTURE_BASE + 2} MLA drafts (${CLIENTS} clients × ${PER_CLIENT}, warm-up, capture)`);

    // 2. Capture the SQL of one submit and one return_for_amendment from the query log.
    const captured = await capture(env, fixture);

    // 3. The load, api + worker.
    const api = start('apps/api/src/main.ts', env);
    const worker = start('apps/worker/src/main.ts', env);
    children.push(api, worker);
    await until(healthy(env['PORT']), 90_000, () => api.output());
    const tokens = await tokensFor(env['PORT'], fixture);
    await drive(env['PORT'], tokens, WARMUP_BASE, WARMUP_PER_CLIENT, 0, 2 * WARMUP_PER_CLIENT);
    const load = await drive(env['PORT'], tokens, 0, PER_CLIENT, 0, STEPS);
    const memory = { api: peakRss(api.process), worker: peakRss(worker.process) };
    console.log(
      `load: ${load.transitions} transitions in ${load.seconds.toFixed(1)} s, ${load.failures} failed` +
        `${load.failure ? ` (first: ${load.failure})` : ''}`,
    );
    await Promise.all([stop(api), stop(worker)]);
    children.length = 0;
    const rows = await counts(owner);

    // 4. The profile, continuing each client's cycle (before pgbench, which leaves the drafts in random states).
    const profile = PROFILE_TRANSITIONS > 0 ? await profileApi(env, fixture) : undefined;

    // 5. pgbench on the same database, the apps stopped.
    const pgbench = captured ? runPgbench(env['DATABASE_URL'], captured) : undefined;

    report({ load, memory, pgbench, captured, rows, profile });
  } finally {
    await Promise.all(children.map(stop));
    await dropScratchDatabase(owner);
    await dropRedisKeys(REDIS_URL, QUEUE_PREFIX);
    if (process.env['BENCH_KEEP'] === '1') console.log(`\nkept ${TMP}`);
    else rmSync(TMP, { recursive: true, force: true });
  }
}

function childEnvironment(owner: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    LOG_PRETTY: '0',
    PORT: String(40_000 + Math.floor(Math.random() * 1000)),
    DATABASE_URL: asApplicationRole(owner),
    MIGRATION_DATABASE_URL: owner,
    REDIS_URL,
    QUEUE_PREFIX,
    RATE_LIMIT_PER_MINUTE: '100000000',
    JWT_ACCESS_TTL_SECONDS: '7200',
    MAIL_DIR: join(TMP, 'mail'),
    LIAISON_MASTER_KEY: randomBytes(32).toString('base64'),
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ format: 'der', type: 'pkcs8' })
      .toString('base64'),
  };
}

async function arrange(owner: string): Promise<Fixture> {
  const orm = await MikroORM.init(ormConfig(owner));
  try {
    const em = orm.em.fork();
    const india = await createAgency(em, { name: 'CBI', country: 'IN' });
    const nepal = await createAgency(em, { name: 'Nepal Police', country: 'NP' });
    const officer = await createUser(em, india, { roles: ['OFFICER'], email: 'officer@bench.example' });
    const supervisor = await createUser(em, india, { roles: ['SUPERVISOR'], email: 'supervisor@bench.example' });
    const nepalOfficer = await createUser(em, nepal, { roles: ['OFFICER'] });
    const nepalSupervisor = await createUser(em, nepal, { roles: ['SUPERVISOR'] });
    const total = CAPTURE_BASE + 2;
    for (let start = 0; start < total; start += 1000) {
      const rows = Array.from({ length: Math.min(1000, total - start) }, (_, offset) => {
        const index = start + offset;
        return {
          id: requestId(index),
          createdAt: new Date(),
          updatedAt: new Date(),
          reference: `MLA-2026-${String(index + 1).padStart(6, '0')}`,
          kind: 'mla' as const,
          requestingAgency: india.id,
          requestedAgency: nepal.id,
          createdBy: officer.id,
          legalBasis: 'untoc',
          title: `Bench request ${index + 1}`,
          content: COMPLETE_MLA_CONTENT,
          state: 'draft',
          timers: [],
          lastActivityAt: new Date(),
        };
      });
      await em.insertMany(RequestSchema, rows);
      // Each draft's first entry in its audit stream (as filing one through the api writes), hash-chained as the
      // trail does: the head read of every transition then finds a row, in the api and in pgbench (`\gset`).
      await em.insertMany(
        AuditEventSchema,
        rows.map((row) => {
          const fields: HashedAuditFields = {
            id: uuidv7(),
            stream: requestStream(row.id),
            seq: 1,
            occurredAt: new Date().toISOString(),
            actorUserId: officer.id,
            actorAgencyId: india.id,
            action: 'request.created',
            subjectType: 'request',
            subjectId: row.id,
            data: { reference: row.reference, kind: 'mla' },
            clientRequestId: null,
          };
          return {
            ...fields,
            occurredAt: new Date(fields.occurredAt),
            prevHash: GENESIS_HASH,
            hash: auditHash(GENESIS_HASH, fields),
          };
        }),
      );
    }
    return {
      india: india.id,
      nepal: nepal.id,
      officer: { id: officer.id, email: officer.email },
      supervisor: { id: supervisor.id, email: supervisor.email },
      others: [nepalOfficer.id, nepalSupervisor.id],
    };
  } finally {
    await orm.close(true);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP load

interface Tokens {
  officer: string;
  supervisor: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1024 });

function post(port: string, path: string, token: string | undefined, body: unknown) {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise<{ status: number; body: string }>((resolveAnswer, reject) => {
    const call = httpRequest(
      {
        host: '127.0.0.1',
        port: Number(port),
        path,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': payload.length,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolveAnswer({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    call.on('error', reject);
    call.end(payload);
  });
}

async function login(port: string, email: string): Promise<string> {
  const answer = await post(port, '/v1/auth/login', undefined, { email, password: TEST_PASSWORD });
  if (answer.status !== 200) throw new Error(`login failed: ${answer.status} ${answer.body}`);
  return (JSON.parse(answer.body) as { accessToken: string }).accessToken;
}

async function tokensFor(port: string, fixture: Fixture): Promise<Tokens> {
  return { officer: await login(port, fixture.officer.email), supervisor: await login(port, fixture.supervisor.email) };
}

/** Step s of a client: draft (s mod per) of its block; even passes submit, odd passes return for amendment. */
function transition(port: string, tokens: Tokens, index: number, pass: number) {
  const submit = pass % 2 === 0;
  return post(
    port,
    `/v1/requests/${requestId(index)}/transitions`,
    submit ? tokens.officer : tokens.supervisor,
    submit ? { event: 'submit' } : { event: 'return_for_amendment', payload: REASON },
  );
}

async function drive(
  port: string,
  tokens: Tokens,
  base: number,
  per: number,
  firstStep: number,
  steps: number,
): Promise<Load> {
  const latencies: number[] = [];
  let failures = 0;
  let failure: string | undefined;
  const client = async (clientId: number) => {
    for (let step = firstStep; step < firstStep + steps; step += 1) {
      const index = base + clientId * per + (step % per);
      const started = process.hrtime.bigint();
      const answer = await transition(port, tokens, index, Math.floor(step / per));
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (answer.status !== 200) {
        failures += 1;
        failure ??= `${answer.status} ${answer.body.slice(0, 300)}`;
      }
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CLIENTS }, (_, clientId) => client(clientId)));
  return {
    transitions: CLIENTS * steps,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    latencies,
    failures,
    failure,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Capture of the SQL from the PostgreSQL log, and pgbench

interface Captured {
  scripts: { name: string; path: string; statements: string[] }[];
  logFile: string;
}

async function capture(env: Record<string, string>, fixture: Fixture): Promise<Captured | undefined> {
  const logFile = await serverLogFile();
  if (!logFile) {
    console.warn('capture skipped: no readable PostgreSQL log file (set BENCH_PG_LOG); pgbench will not run');
    return undefined;
  }
  await withAdminClient((client) =>
    client.query(`ALTER DATABASE ${quoteIdentifier(DATABASE)} SET log_min_duration_statement = 0`),
  );
  const api = start('apps/api/src/main.ts', env);
  try {
    await until(healthy(env['PORT']), 90_000, () => api.output());
    const tokens = await tokensFor(env['PORT'], fixture);
    // Warm the first draft (the first calls load metadata and caches); capture on the second, which has history.
    for (let pass = 0; pass < 4; pass += 1) await transition(env['PORT'], tokens, CAPTURE_BASE, pass);
    await transition(env['PORT'], tokens, CAPTURE_BASE + 1, 0);
    await transition(env['PORT'], tokens, CAPTURE_BASE + 1, 1);
    const scripts: Captured['scripts'] = [];
    for (const [pass, name] of [
      [2, 'submit'],
      [3, 'return_for_amendment'],
    ] as const) {
      const from = statSync(logFile).size;
      const answer = await transition(env['PORT'], tokens, CAPTURE_BASE + 1, pass);
      if (answer.status !== 200) throw new Error(`capture ${name}: ${answer.status} ${answer.body}`);
      await new Promise((wait) => setTimeout(wait, 300));
      const text = readFrom(logFile, from);
      writeFileSync(join(TMP, `${name}.log`), text);
      const statements = statementsOf(text, `liaison_app@${DATABASE}`);
      const script = pgbenchScript(statements, requestId(CAPTURE_BASE + 1), fixture);
      const path = join(TMP, `${name}.sql`);
      writeFileSync(path, script);
      scripts.push({ name, path, statements });
    }
    return { scripts, logFile };
  } finally {
    await stop(api);
    await withAdminClient((client) =>
      client.query(`ALTER DATABASE ${quoteIdentifier(DATABASE)} RESET log_min_duration_statement`),
    );
  }
}

async function serverLogFile(): Promise<string | undefined> {
  const [current, version, cluster] = await withAdminClient(async (client) => [
    (await client.query<{ f: string | null }>('select pg_current_logfile() as f')).rows[0]?.f,
    (await client.query<{ v: string }>(`select current_setting('server_version_num') as v`)).rows[0]?.v,
    (await client.query<{ v: string }>(`select current_setting('cluster_name') as v`)).rows[0]?.v,
  ]);
  const dataDirectory = await withAdminClient(
    async (client) => (await client.query<{ v: string }>(`select current_setting('data_directory') as v`)).rows[0]?.v,
  ).catch(() => undefined);
  const major = String(Math.floor(Number(version) / 10_000));
  const candidates = [
    process.env['BENCH_PG_LOG'],
    current && (current.startsWith('/') ? current : dataDirectory && join(dataDirectory, current)),
    `/var/log/postgresql/postgresql-${(cluster || `${major}/main`).replace('/', '-')}.log`,
  ];
  return candidates.find((file): file is string => {
    if (!file || !existsSync(file)) return false;
    try {
      readFrom(file, Math.max(0, statSync(file).size - 1));
      return true;
    } catch {
      return false;
    }
  });
}

function readFrom(file: string, offset: number): string {
  return readFileSync(file).subarray(offset).toString('utf8');
}

/** The statements (with their bound parameters put back as literals) one role@database executed, in order. */
function statementsOf(log: string, who: string): string[] {
  const entries: string[] = [];
  for (const line of log.split('\n')) {
    if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/.test(line)) entries.push(line);
    else if (entries.length) entries[entries.length - 1] += `\n${line.replace(/^\t/, '')}`;
  }
  const statements: string[] = [];
  let pending: string | undefined;
  const flush = (parameters: Map<number, string> = new Map()) => {
    if (pending === undefined) return;
    statements.push(pending.replace(/\$(\d+)\b/g, (match, n: string) => parameters.get(Number(n)) ?? match));
    pending = undefined;
  };
  for (const entry of entries) {
    if (!entry.includes(` ${who} `)) continue;
    const executed = /LOG: {2}duration: [\d.]+ ms {2}(?:execute [^:]*|statement): ([\s\S]*)$/.exec(entry);
    if (executed) {
      flush();
      pending = executed[1].trim();
      continue;
    }
    const detail = /DETAIL: {2}parameters: ([\s\S]*)$/.exec(entry);
    if (detail && pending !== undefined) {
      const parameters = new Map<number, string>();
      for (const match of detail[1].matchAll(/\$(\d+) = (NULL|'(?:[^']|'')*')/g))
        parameters.set(Number(match[1]), match[2]);
      flush(parameters);
    }
  }
  flush();
  return statements;
}

/**
 * The captured statements as a pgbench script: one transaction; the request id from the client's block; each id
 * generated during the transition (history, audit, outbox) replaced by a random one of the same shape; the request's
 * next version and the audit chain's next seq and prev_hash taken from the rows read (`\gset`), so that the unique
 * (request_id, version) and (stream, seq) hold as they do for the api.
 */
function pgbenchScript(statements: string[], captureId: string, fixture: Fixture): string {
  const known = new Set([fixture.india, fixture.nepal, fixture.officer.id, fixture.supervisor.id, ...fixture.others]);
  const fresh = new Map<string, string>();
  const lines = [
    `-- captured from the PostgreSQL log of one HTTP transition (${statements.length} statements as executed)`,
    `\\set rid ${ID_BASE} + :client_id * ${PER_CLIENT} + random(0, ${PER_CLIENT - 1})`,
  ];
  const body: string[] = [];
  let gotHead = false;
  let gotRequest = false;
  for (const original of statements) {
    if (/^(begin|commit|start transaction)\b/i.test(original.trim())) continue;
    let sql = original.replaceAll(captureId, `${ID_PREFIX}:rid`);
    sql = sql.replace(
      /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-)([0-9a-f]{12})\b/gi,
      (uuid, head: string) => {
        if (known.has(uuid.toLowerCase())) return uuid;
        let variable = fresh.get(uuid);
        if (!variable) {
          variable = `u${fresh.size + 1}`;
          fresh.set(uuid, variable);
        }
        return `${head}:${variable}`;
      },
    );
    if (/from "?audit_event"? .*order by "?seq"? desc/is.test(sql)) {
      body.push(`${oneLine(sql)}`, '\\gset head_');
      gotHead = true;
      continue;
    }
    if (/^select "r0"\.\* from "request"/i.test(sql) && !gotRequest) {
      body.push(`${oneLine(sql)}`, '\\gset request_');
      gotRequest = true;
      continue;
    }
    if (gotHead && /^insert into "?audit_event"?/i.test(sql))
      sql = replaceInsertValues(sql, { seq: '(:head_seq + 1)', prev_hash: `':head_hash'` });
    if (gotRequest && /^insert into "?request_history"?/i.test(sql))
      sql = replaceInsertValues(sql, { version: '(:request_version + 1)' });
    if (gotRequest && /^update "?request"? set/i.test(sql))
      sql = sql.replace(/"version" = \d+/, '"version" = (:request_version + 1)');
    body.push(`${oneLine(sql)};`);
  }
  for (const variable of fresh.values()) lines.push(`\\set ${variable} random(${ID_BASE}, 999999999999)`);
  return [...lines, 'begin;', ...body, 'commit;', ''].join('\n');
}

/** In `insert into t (cols) values (vals)`, the values of the named columns replaced. */
function replaceInsertValues(sql: string, replacements: Record<string, string>): string {
  const match = /^(insert into "?\w+"?\s*\()([^)]*)(\)\s*values\s*\()([\s\S]*)(\)[^)]*)$/i.exec(sql);
  if (!match) return sql;
  const columns = match[2].split(',').map((column) => column.trim().replace(/"/g, ''));
  const values = splitValues(match[4]);
  if (values.length !== columns.length) return sql;
  for (const [column, value] of Object.entries(replacements)) {
    const at = columns.indexOf(column);
    if (at >= 0) values[at] = value;
  }
  return `${match[1]}${match[2]}${match[3]}${values.join(', ')}${match[5]}`;
}

/** Splits a VALUES list at top-level commas (outside quotes and parentheses). */
function splitValues(text: string): string[] {
  const values: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === "'") quoted = !quoted;
    if (!quoted && char === '(') depth += 1;
    if (!quoted && char === ')') depth -= 1;
    if (!quoted && depth === 0 && char === ',') {
      values.push(current.trim());
      current = '';
    } else current += char;
  }
  values.push(current.trim());
  return values;
}

/** pgbench reads one statement per line unless continued with a backslash: newlines inside are made spaces. */
function oneLine(sql: string): string {
  return sql.replace(/\s*\n\s*/g, ' ').replace(/;\s*$/, '');
}

interface PgbenchResult {
  tps: number;
  latencyAverage: number;
  transactions: number;
  failed: number;
  output: string;
}

function pgbenchBinary(): string | undefined {
  try {
    return execFileSync('which', ['pgbench']).toString().trim() || undefined;
  } catch {
    const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort().reverse() : [];
    return versions.map((v) => `/usr/lib/postgresql/${v}/bin/pgbench`).find((file) => existsSync(file));
  }
}

function runPgbench(appUrl: string, captured: Captured): PgbenchResult | undefined {
  const binary = pgbenchBinary();
  if (!binary) {
    console.warn('pgbench not found: comparison skipped');
    return undefined;
  }
  const url = new URL(appUrl);
  const args = [
    '-n',
    '-M',
    'simple',
    '-c',
    String(CLIENTS),
    '-j',
    '2',
    '-t',
    String(STEPS),
    ...captured.scripts.flatMap((script) => ['-f', `${script.path}@1`]),
    '-h',
    url.hostname,
    '-p',
    url.port || '5432',
    '-U',
    decodeURIComponent(url.username),
    url.pathname.slice(1),
  ];
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(url.password) };
  let output: string;
  try {
    output = execFileSync(binary, args, { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 }).toString();
  } catch (error) {
    const failed = error as { stdout?: Buffer; stderr?: Buffer };
    console.warn(
      `pgbench failed:\n${failed.stdout?.toString() ?? ''}\n${failed.stderr?.toString().slice(-3000) ?? ''}`,
    );
    return undefined;
  }
  const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? NaN);
  return {
    tps: number(/tps = ([\d.]+) \(without initial connection time\)/),
    latencyAverage: number(/latency average = ([\d.]+) ms/),
    transactions: number(/number of transactions actually processed: (\d+)/),
    failed: number(/number of failed transactions: (\d+)/) || 0,
    output,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Profile

interface ProfileSummary {
  load: Load;
  totalMs: number;
  byFunction: { name: string; ms: number }[];
  byCategory: { name: string; ms: number }[];
}

async function profileApi(env: Record<string, string>, fixture: Fixture): Promise<ProfileSummary | undefined> {
  const directory = join(TMP, 'profile');
  const api = start('apps/api/src/main.ts', env, [
    '--cpu-prof',
    `--cpu-prof-dir=${directory}`,
    '-r',
    resolve(__dirname, 'exit-on-message.ts'),
  ]);
  const worker = start('apps/worker/src/main.ts', env);
  let load: Load;
  let loadStarted = 0n;
  let loadEnded = 0n;
  let exited = 0n;
  try {
    await until(healthy(env['PORT']), 90_000, () => api.output());
    const tokens = await tokensFor(env['PORT'], fixture);
    loadStarted = process.hrtime.bigint();
    load = await drive(env['PORT'], tokens, 0, PER_CLIENT, STEPS, Math.ceil(PROFILE_TRANSITIONS / CLIENTS));
    loadEnded = process.hrtime.bigint();
  } finally {
    if (api.process.exitCode === null && api.process.connected) {
      api.process.send('bench:exit');
      await once(api.process, 'exit');
    }
    exited = process.hrtime.bigint();
    await stop(worker);
  }
  const files = existsSync(directory) ? readdirSync(directory).filter((file) => file.endsWith('.cpuprofile')) : [];
  if (!files.length) {
    console.warn('no .cpuprofile written');
    return undefined;
  }
  // Only the samples of the load: the profile ends when the api exits; count back from there (µs).
  const window = { fromEnd: Number(exited - loadStarted) / 1e3, toEnd: Number(exited - loadEnded) / 1e3 };
  return { load, ...summariseProfile(join(directory, files[0]), window) };
}

interface CpuProfile {
  startTime: number;
  endTime: number;
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

function summariseProfile(file: string, window: { fromEnd: number; toEnd: number }) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<number, number>();
  const [from, to] = [profile.endTime - window.fromEnd, profile.endTime - window.toEnd];
  let time = profile.startTime;
  profile.samples.forEach((id, index) => {
    time += profile.timeDeltas[index] ?? 0;
    if (time < from || time > to) return;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const byFunction = new Map<string, number>();
  const byCategory = new Map<string, number>();
  let totalMs = 0;
  for (const [id, micros] of self) {
    const frame = nodes.get(id);
    if (!frame) continue;
    const ms = micros / 1000;
    if (frame.functionName === '(idle)') continue;
    totalMs += ms;
    const where = shortUrl(frame.url);
    const name = `${frame.functionName || '(anonymous)'}${where ? ` ${where}:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    const category = categoryOf(frame.url, frame.functionName);
    byCategory.set(category, (byCategory.get(category) ?? 0) + ms);
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, ms]) => ({ name, ms }));
  return { totalMs, byFunction: top(byFunction, 30), byCategory: top(byCategory, 25) };
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const root = url.indexOf(ROOT);
  return root >= 0 ? url.slice(root + ROOT.length + 1) : url.replace(/^file:\/\//, '');
}

function categoryOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native / V8 builtins)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.slice(url.lastIndexOf('node_modules/')));
  if (url.includes('node_modules/') && modules) return modules[1];
  if (url.startsWith('node:'))
    return `node:${url.slice(5).split('/')[0] === 'internal' ? url.slice(5).split('/').slice(0, 2).join('/') : url.slice(5)}`;
  const project = /\/(libs|apps)\/([^/]+)\//.exec(url);
  return project ? `${project[1]}/${project[2]}` : url;
}

// ---------------------------------------------------------------------------------------------------------------
// Report

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

function report(result: {
  load: Load;
  memory: { api: number; worker: number };
  pgbench: PgbenchResult | undefined;
  captured: Captured | undefined;
  rows: Record<string, number>;
  profile: ProfileSummary | undefined;
}): void {
  const { load, memory, pgbench, captured, rows, profile } = result;
  const sorted = [...load.latencies].sort((a, b) => a - b);
  const ours = load.transitions / load.seconds;
  const gib = (totalmem() / 2 ** 30).toFixed(0);
  console.log(
    `\nTransitions benchmark (${new Date().toISOString()}, ${cpus()[0]?.model ?? 'cpu'} ×${availableParallelism()}, ` +
      `${gib} GiB, Node ${process.version}, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`,
  );
  console.log(
    `${load.transitions} HTTP transitions (submit / return_for_amendment) from ${CLIENTS} keep-alive clients over ` +
      `${MAIN_DRAFTS} drafts; pgbench -c ${CLIENTS} -j 2 -M simple -t ${STEPS} on the captured statements\n`,
  );
  console.log(
    '| ours tx/s | pgbench tx/s | ratio ours/pgbench | p50 ms | p99 ms | max ms | failed | api peak RSS MiB | worker peak RSS MiB |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `| ${ours.toFixed(1)} | ${pgbench ? pgbench.tps.toFixed(1) : 'n/a'} | ${pgbench ? (ours / pgbench.tps).toFixed(3) : 'n/a'} ` +
      `| ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${sorted[sorted.length - 1]?.toFixed(1)} ` +
      `| ${load.failures} | ${(memory.api / 1024).toFixed(0)} | ${(memory.worker / 1024).toFixed(0)} |`,
  );
  console.log(
    `\nrows after the load: ${Object.entries(rows)
      .map(([table, count]) => `${table} ${count}`)
      .join(', ')}`,
  );
  if (pgbench) {
    console.log(
      `pgbench: ${pgbench.transactions} transactions, ${pgbench.failed} failed, latency average ${pgbench.latencyAverage} ms`,
    );
  }
  if (captured) {
    for (const script of captured.scripts) {
      console.log(`\n-- ${script.name}: ${script.statements.length} statements from ${captured.logFile}`);
      console.log(readFileSync(script.path, 'utf8'));
    }
  }
  if (profile) {
    const sortedProfile = [...profile.load.latencies].sort((a, b) => a - b);
    console.log(
      `\nProfile (api with --cpu-prof): ${profile.load.transitions} transitions, ` +
        `${(profile.load.transitions / profile.load.seconds).toFixed(1)}/s, p50 ${percentile(sortedProfile, 50).toFixed(1)} ms, ` +
        `p99 ${percentile(sortedProfile, 99).toFixed(1)} ms, ${profile.load.failures} failed` +
        `${profile.load.failure ? ` (first: ${profile.load.failure})` : ''}; ` +
        `${(profile.totalMs / 1000).toFixed(1)} s of non-idle samples (${((profile.totalMs / 1000 / profile.load.seconds) * 100).toFixed(0)} % of one core), ` +
        `${((profile.totalMs * 1000) / profile.load.transitions / 1000).toFixed(2)} ms CPU per transition`,
    );
    console.log('\n| self time by category | ms | % |');
    console.log('| --- | ---: | ---: |');
    for (const { name, ms } of profile.byCategory)
      console.log(`| ${name} | ${ms.toFixed(0)} | ${((ms / profile.totalMs) * 100).toFixed(1)} |`);
    console.log('\n| self time by function | ms | % |');
    console.log('| --- | ---: | ---: |');
    for (const { name, ms } of profile.byFunction)
      console.log(
        `| ${name.replace(/\|/g, '\\|')} | ${ms.toFixed(0)} | ${((ms / profile.totalMs) * 100).toFixed(1)} |`,
      );
  }
}

async function counts(owner: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: owner });
  await client.connect();
  try {
    const result: Record<string, number> = {};
    for (const table of ['request_history', 'audit_event', 'outbox_message']) {
      const exists = await client.query(`select to_regclass($1) as t`, [table]);
      if (!(exists.rows[0] as { t: string | null }).t) continue;
      const { rows } = await client.query<{ count: string }>(`select count(*) from ${quoteIdentifier(table)}`);
      result[table] = Number(rows[0]?.count ?? 0);
    }
    return result;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Processes, database and Redis

function start(script: string, env: Record<string, string>, nodeArgs: string[] = []): Child {
  const child = spawn(NODE, [...nodeArgs, '-r', '@swc-node/register', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { process: child, output: () => output };
}

async function stop(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 15_000);
  await once(child.process, 'exit');
  clearTimeout(timer);
}

/** Peak resident set size in KiB (VmHWM) of a running child. */
function peakRss(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
}

function healthy(port: string): () => Promise<boolean> {
  return () =>
    fetch(`http://127.0.0.1:${port}/health`).then(
      (response) => response.status === 200,
      () => false,
    );
}

async function until(done: () => Promise<boolean>, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for the api: ${output()}`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
}

void main().then(
  () => agent.destroy(),
  (error: unknown) => {
    agent.destroy();
    console.error(error);
    process.exitCode = 1;
  },
);
