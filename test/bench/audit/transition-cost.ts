/**
 * Benchmark: the cost of the audit trail and of identity encryption on the write paths, with and without, in one run.
 *
 *   node -r @swc-node/register test/bench/audit/transition-cost.ts   (or: npm run bench:audit-cost)
 *
 * One fresh database (migrated as the owner; the api connects as `liaison_app`), one Redis key prefix. The real api
 * runs as a child process (test/bench/audit/api-variant.ts: AppModule with providers replaced through Nest's testing
 * module only), booted once per variant and measurement round, alternating the order of the variants between rounds.
 *
 * 1. Transitions: BENCH_REQUESTS (3,000) MLA drafts per run, inserted by SQL, each complete (UNTOC 18(15)) and with
 *    one victim whose identity is encrypted like the api does. BENCH_CLIENTS (16) clients send `submit` (officer) to
 *    every draft, then `approve` (supervisor) to every one: 2 × BENCH_REQUESTS transitions through
 *    POST /v1/requests/:id/transitions. Variants: `full`; `no-audit-no-identity-store` (no-op AuditTrail, and an
 *    identity store that throws if anything calls it).
 * 2. Person creation: BENCH_PERSONS (1,000) drafts per run, one POST /v1/requests/:id/persons each (a victim with
 *    names, date of birth, a passport number, an address and a phone number). Variants: `full`, `no-encryption`,
 *    `no-audit`, `neither`.
 *
 * Each run begins with BENCH_WARMUP (200) unmeasured operations on their own drafts. Env: TEST_DATABASE_URL,
 * TEST_REDIS_URL, BENCH_ROUNDS (2). The database and the Redis keys are dropped at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import { resolve } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { uuidv7 } from 'uuidv7';
import { AuditTrail } from '@liaison/audit';
import { ormConfig, PersonSchema, RequestSchema, type Person } from '@liaison/data';
import { MasterKeyring } from '@liaison/platform';
import { PersonIdentityStore } from '@liaison/requests';
import {
  asApplicationRole,
  createAgency,
  createScratchDatabase,
  createUser,
  dropRedisKeys,
  dropScratchDatabase,
  TEST_PASSWORD,
} from '@liaison/testing';
import { COMPLETE_MLA_CONTENT } from '../../e2e/support/mla-draft';
import type { Variant } from './api-variant';

const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 3000);
const PERSONS = Number(process.env['BENCH_PERSONS'] ?? 1000);
const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 16);
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? 200);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 2);
const ROOT = resolve(__dirname, '../../..');
const NODE = resolve(ROOT, 'node_modules/.bin/node');
const RUN = `${Date.now().toString(36)}_${process.pid}`;
const DATABASE = `liaison_bench_audit_${RUN}`;
const QUEUE_PREFIX = `liaison-bench-audit-${RUN}`;
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const MASTER_KEY = randomBytes(32);

const IDENTITY = {
  names: ['Bench Victim Example'],
  aliases: ['B. V.'],
  dateOfBirth: '2001-04-12',
  documentNumbers: [{ type: 'passport', number: 'P1234567', issuingCountry: 'NP' }],
  addresses: ['Ward 4, Birgunj, Parsa, Nepal'],
  contactDetails: ['+977 98 0000 0000'],
};

interface Fixture {
  orm: MikroORM;
  india: string;
  nepal: string;
  officer: { id: string; email: string };
  supervisor: { email: string };
}

interface Measure {
  variant: Variant;
  round: number;
  operations: number;
  seconds: number;
  latencies: number[];
  failures: number;
  failure?: string;
}

let reference = 0;

async function main(): Promise<void> {
  const owner = await createScratchDatabase(DATABASE);
  const orm = await MikroORM.init(ormConfig(owner));
  const env = childEnvironment(owner);
  try {
    const fixture = await arrange(orm);
    const transitions: Measure[] = [];
    const persons: Measure[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const order: Variant[] = ['full', 'no-audit-no-identity-store'];
      for (const variant of round % 2 ? order : order.reverse()) {
        transitions.push(await measureTransitions(fixture, env, variant, round));
      }
    }
    const identityReads = await count(orm, `select count(*) from audit_event where action = 'person.identity_read'`);
    const transitionEntries = await count(orm, `select count(*) from audit_event where action = 'request.transition'`);
    for (let round = 1; round <= ROUNDS; round += 1) {
      const order: Variant[] = ['full', 'no-encryption', 'no-audit', 'neither'];
      const rotated = [...order.slice(round - 1), ...order.slice(0, round - 1)];
      for (const variant of round % 2 ? rotated : rotated.reverse()) {
        persons.push(await measurePersons(fixture, env, variant, round));
      }
    }
    const plaintextRows = await count(
      orm,
      `select count(*) from person where position(convert_to('Bench Victim Example', 'UTF8') in identity_ciphertext) > 0`,
    );
    report(transitions, persons, { identityReads, transitionEntries, plaintextRows });
    sealCost();
  } finally {
    await orm.close(true);
    await dropScratchDatabase(owner);
    await dropRedisKeys(REDIS_URL, QUEUE_PREFIX);
  }
}

function childEnvironment(owner: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LIAISON_DEVELOPMENT: '1', // a benchmark on a developer's machine: the development shortcuts
    METRICS_PORT: '0', // not measured here, and 9464 may be taken by `npm start`
    LOG_LEVEL: 'warn',
    DATABASE_URL: asApplicationRole(owner),
    MIGRATION_DATABASE_URL: owner,
    REDIS_URL,
    QUEUE_PREFIX,
    RATE_LIMIT_PER_MINUTE: '100000000',
    LIAISON_MASTER_KEY: MASTER_KEY.toString('base64'),
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ format: 'der', type: 'pkcs8' })
      .toString('base64'),
  };
}

async function arrange(orm: MikroORM): Promise<Fixture> {
  const em = orm.em.fork();
  const india = await createAgency(em, { name: 'CBI', country: 'IN' });
  const nepal = await createAgency(em, { name: 'Nepal Police', country: 'NP' });
  const officer = await createUser(em, india, { roles: ['OFFICER'], email: 'officer@bench.example' });
  const supervisor = await createUser(em, india, { roles: ['SUPERVISOR'], email: 'supervisor@bench.example' });
  await createUser(em, nepal, { roles: ['OFFICER'] });
  return { orm, india: india.id, nepal: nepal.id, officer, supervisor };
}

/** MLA drafts by SQL; with `victims`, each gets one victim whose identity is sealed as the api would. */
async function seedDrafts(fixture: Fixture, count: number, victims: boolean): Promise<string[]> {
  const em = fixture.orm.em.fork();
  const rows = Array.from({ length: count }, () => {
    reference += 1;
    return {
      id: uuidv7(),
      createdAt: new Date(),
      updatedAt: new Date(),
      reference: `MLA-2026-${String(reference).padStart(6, '0')}`,
      kind: 'mla' as const,
      requestingAgency: fixture.india,
      requestedAgency: fixture.nepal,
      createdBy: fixture.officer.id,
      legalBasis: 'untoc',
      title: `Bench request ${reference}`,
      content: COMPLETE_MLA_CONTENT,
      state: 'draft',
      timers: [],
      lastActivityAt: new Date(),
    };
  });
  for (let index = 0; index < rows.length; index += 500)
    await em.insertMany(RequestSchema, rows.slice(index, index + 500));
  if (victims) {
    const store = new PersonIdentityStore(new AuditTrail(), new MasterKeyring(MASTER_KEY));
    const persons = rows.map((row) => {
      const person = {
        id: uuidv7(),
        createdAt: new Date(),
        updatedAt: new Date(),
        request: row.id,
        role: 'victim' as const,
        gender: 'female' as const,
        nationality: 'NP',
        minor: false,
        handlingCode: 'H0' as const,
      };
      store.store(person as unknown as Person, IDENTITY);
      return person;
    });
    for (let index = 0; index < persons.length; index += 500)
      await em.insertMany(PersonSchema, persons.slice(index, index + 500));
  }
  return rows.map((row) => row.id);
}

async function measureTransitions(fixture: Fixture, env: Record<string, string>, variant: Variant, round: number) {
  const warm = await seedDrafts(fixture, WARMUP, true);
  const ids = await seedDrafts(fixture, REQUESTS, true);
  return withApi(env, variant, async (port) => {
    const officer = await login(port, fixture.officer.email);
    const supervisor = await login(port, fixture.supervisor.email);
    const transition = (token: string, event: string) => (id: string) =>
      call(port, token, `/v1/requests/${id}/transitions`, { event });
    await drive(warm, transition(officer, 'submit'));
    await drive(warm, transition(supervisor, 'approve'));
    const submits = await drive(ids, transition(officer, 'submit'));
    const approvals = await drive(ids, transition(supervisor, 'approve'));
    const measure: Measure = {
      variant,
      round,
      operations: 2 * ids.length,
      seconds: submits.seconds + approvals.seconds,
      latencies: [...submits.latencies, ...approvals.latencies],
      failures: submits.failures + approvals.failures,
      failure: submits.failure ?? approvals.failure,
    };
    log('transitions', measure);
    return measure;
  });
}

async function measurePersons(fixture: Fixture, env: Record<string, string>, variant: Variant, round: number) {
  const warm = await seedDrafts(fixture, WARMUP, false);
  const ids = await seedDrafts(fixture, PERSONS, false);
  return withApi(env, variant, async (port) => {
    const officer = await login(port, fixture.officer.email);
    const addPerson = (id: string) =>
      call(port, officer, `/v1/requests/${id}/persons`, {
        role: 'victim',
        gender: 'female',
        nationality: 'NP',
        minor: false,
        identity: IDENTITY,
      });
    await drive(warm, addPerson);
    const result = await drive(ids, addPerson);
    const measure: Measure = { variant, round, operations: ids.length, ...result };
    log('person creations', measure);
    return measure;
  });
}

/** CLIENTS concurrent clients over the ids, each id once; latencies of the answered calls. */
async function drive(ids: string[], send: (id: string) => Promise<{ status: number; body: string }>) {
  let next = 0;
  let failures = 0;
  let failure: string | undefined;
  const latencies: number[] = [];
  const client = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      const started = process.hrtime.bigint();
      const answer = await send(id);
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (answer.status !== 200 && answer.status !== 201) {
        failures += 1;
        failure ??= `${answer.status} ${answer.body.slice(0, 300)}`;
      }
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, latencies, failures, failure };
}

async function call(port: number, token: string, path: string, body: unknown) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.text() };
}

async function withApi<T>(env: Record<string, string>, variant: Variant, run: (port: number) => Promise<T>) {
  const child = spawn(NODE, ['-r', '@swc-node/register', resolve(__dirname, 'api-variant.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env, BENCH_VARIANT: variant },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  try {
    const port = await listeningPort(child, () => output);
    return await run(port);
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
}

function listeningPort(child: ChildProcess, output: () => string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening (\d+)/.exec(seen);
      if (match) resolvePort(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`api-variant exited with ${code}: ${output()}`)));
  });
}

async function login(port: number, email: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

function log(what: string, measure: Measure): void {
  const { p50, p99 } = percentiles(measure.latencies);
  console.log(
    `round ${measure.round} ${measure.variant}: ${measure.operations} ${what} in ${measure.seconds.toFixed(1)} s, ` +
      `${(measure.operations / measure.seconds).toFixed(0)}/s, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ` +
      `${measure.failures} failed${measure.failure ? ` (first: ${measure.failure})` : ''}`,
  );
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return { p50: at(50) ?? NaN, p99: at(99) ?? NaN };
}

function table(title: string, measures: Measure[], variants: Variant[]): void {
  console.log(`\n| ${title} | operations | per second | p50 ms | p99 ms | failed | vs full |`);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const rateOf = (variant: Variant) => {
    const runs = measures.filter((measure) => measure.variant === variant);
    const operations = runs.reduce((sum, run) => sum + run.operations, 0);
    return { runs, operations, rate: operations / runs.reduce((sum, run) => sum + run.seconds, 0) };
  };
  const full = rateOf('full').rate;
  for (const variant of variants) {
    const { runs, operations, rate } = rateOf(variant);
    const { p50, p99 } = percentiles(runs.flatMap((run) => run.latencies));
    const failed = runs.reduce((sum, run) => sum + run.failures, 0);
    const relative = variant === 'full' ? '' : `${rate >= full ? '+' : ''}${((rate / full - 1) * 100).toFixed(1)} %`;
    console.log(
      `| ${variant} | ${operations} | ${rate.toFixed(1)} | ${p50.toFixed(1)} | ${p99.toFixed(1)} | ${failed} | ${relative} |`,
    );
  }
}

function report(
  transitions: Measure[],
  persons: Measure[],
  checks: { identityReads: number; transitionEntries: number; plaintextRows: number },
): void {
  const memory = execFileSync('free', ['-g']).toString().split('\n')[1]?.split(/\s+/)[1];
  console.log(
    `\nAudit and encryption cost (${new Date().toISOString()}, ${cpus()[0]?.model ?? 'cpu'} ×${availableParallelism()}, ` +
      `${memory} GiB, Node ${process.version}; ${CLIENTS} clients, ${ROUNDS} rounds, api in a child process)`,
  );
  if (transitions.length === 0) return;
  table(`transitions (submit + approve, ${REQUESTS} drafts per run)`, transitions, [
    'full',
    'no-audit-no-identity-store',
  ]);
  table(`person creation (${PERSONS} per run)`, persons, ['full', 'no-encryption', 'no-audit', 'neither']);
  console.log(
    `\nchecks: ${checks.transitionEntries} request.transition audit entries (expected ` +
      `${ROUNDS * 2 * (REQUESTS + WARMUP)} from the full runs); ${checks.identityReads} person.identity_read entries ` +
      `during the transition runs; ${checks.plaintextRows} person rows with the name in clear (expected ` +
      `${ROUNDS * 2 * (PERSONS + WARMUP)}: the no-encryption and neither runs)`,
  );
}

/** In this process, no database: the real store's seal (fresh data key, AES-256-GCM, key wrap) of IDENTITY. */
function sealCost(): void {
  const store = new PersonIdentityStore(new AuditTrail(), new MasterKeyring(MASTER_KEY));
  const seal = (times: number) => {
    for (let index = 0; index < times; index += 1) store.store({ id: uuidv7() } as Person, IDENTITY);
  };
  seal(2_000);
  const times = 20_000;
  const started = process.hrtime.bigint();
  seal(times);
  const microseconds = Number(process.hrtime.bigint() - started) / 1e3 / times;
  console.log(
    `\nidentity seal, in process: ${microseconds.toFixed(1)} µs per person (${times} seals, after 2,000 warm-up)`,
  );
}

async function count(orm: MikroORM, sql: string): Promise<number> {
  const [row] = await orm.em.getConnection().execute<{ count: string }[]>(sql);
  return Number(row?.count ?? 0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
