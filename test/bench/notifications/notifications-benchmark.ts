/**
 * Benchmark: latency from a transition's commit to its webhook's arrival at a partner's receiver.
 *
 * One fresh database, the real api and worker as child processes (Node 24, as `liaison_app`), one webhook endpoint
 * subscribed to `request.approve` on a local receiver. Each phase approves its own MLA requests (inserted under
 * review) through `POST /v1/requests/:id/transitions`; every approval commits a history row, an audit entry and
 * outbox rows (a notice to the requested side's officer, the acknowledge clock), and the worker relays them: an
 * inbox entry, an e-mail (.eml file), a deadline and the webhook. Latency is from the outbox row's creation (inside
 * the committing transaction, a few ms before the commit) to the webhook's first arrival.
 *
 * Phases: after an unmeasured warm-up, **open loop** at each of `rates` (approvals start on a fixed schedule,
 * whatever the answers: the arrival rate is given, as with independent users), then **saturation** (`clients`
 * closed-loop clients as fast as answers come). Between phases every webhook of the phase is awaited. Reports per
 * phase the achieved rate, webhook p50/p95/p99/max, the HTTP p50/p99, and the CPU each app used per approval.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { uuidv7 } from 'uuidv7';
import { ormConfig, RequestSchema, WebhookEndpointSchema, type Agency, type User } from '@liaison/data';
import {
  asApplicationRole,
  asWorkerEnvironment,
  createAgency,
  createScratchDatabase,
  createUser,
  dropRedisKeys,
  dropScratchDatabase,
  TEST_PASSWORD,
} from '@liaison/testing';
import { COMPLETE_MLA_CONTENT } from '../../e2e/support/mla-draft';
import { closedLoop, openLoop, percentile, type CallResult } from './load';
import { cpuMs, loadAverage } from './process-cpu';
import { LOCAL_RECEIVERS } from '../../e2e/support/webhook-receiver';
import { startWebhookSink, type WebhookSink } from './webhook-sink';

export interface NotificationsBenchmarkOptions {
  /** Open-loop arrival rates, approvals per second. */
  rates?: number[];
  /** Length of each open-loop phase. */
  seconds?: number;
  /** Closed-loop clients of the saturation phase (0: no such phase). */
  clients?: number;
  /** Approvals in the saturation phase. */
  saturationTransitions?: number;
  /** Unmeasured approvals first (JIT, connection pools). */
  warmup?: number;
  /** Write a CPU profile of the worker (and the api) into this directory. */
  profileDir?: string;
  log?: (line: string) => void;
}

export interface NotificationsPhase {
  phase: string;
  transitions: number;
  failed: number;
  /** Approvals answered per second over the phase. */
  rate: number;
  webhooks: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  httpP50: number;
  httpP99: number;
  /** CPU per approval, ms (phase and its drain). */
  apiCpuMs: number | null;
  workerCpuMs: number | null;
  loadAverage: number | null;
}

/** A row of the benchmark table (`test/bench/README.md`): what was measured, how to run it, the result. */
export interface BenchRow {
  benchmark: string;
  howToRun: string;
  result: string;
  phases: NotificationsPhase[];
}

const ROOT = resolve(__dirname, '../../..');
const NODE = resolve(ROOT, 'node_modules/.bin/node');
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export async function runNotificationsBenchmark(options: NotificationsBenchmarkOptions = {}): Promise<BenchRow[]> {
  const phases = await measure(options);
  return [
    {
      benchmark: 'Commit → webhook arrival (open loop at a given rate; saturation)',
      howToRun: '`npm run bench:notifications` ([notes](notifications/README.md))',
      result: phases.map(describePhase).join('; '),
      phases,
    },
  ];
}

export function describePhase(phase: NotificationsPhase): string {
  return (
    `${phase.phase}: p50 ${phase.p50} / p95 ${phase.p95} / p99 ${phase.p99} ms at ${phase.rate.toFixed(0)}/s` +
    (phase.failed ? `, ${phase.failed} failed` : '')
  );
}

async function measure(options: NotificationsBenchmarkOptions): Promise<NotificationsPhase[]> {
  const rates = options.rates ?? [50, 100];
  const seconds = options.seconds ?? 30;
  const clients = options.clients ?? 20;
  const saturation = clients > 0 ? (options.saturationTransitions ?? 2000) : 0;
  const warmup = options.warmup ?? 300;
  const log = options.log ?? (() => undefined);
  const run = `bench_${Date.now().toString(36)}`;
  const prefix = `liaison-${run}`;
  const databaseUrl = await createScratchDatabase(`liaison_${run}`);
  const orm = await MikroORM.init(ormConfig(databaseUrl));
  const sink = await startWebhookSink();
  const port = 39_000 + Math.floor(Math.random() * 1000);
  const env = {
    NODE_ENV: 'test',
    LIAISON_DEVELOPMENT: '1', // a benchmark on a developer's machine: the development shortcuts
    METRICS_PORT: '0', // not measured here, and 9464 may be taken by `npm start`
    DATABASE_URL: asApplicationRole(databaseUrl),
    MIGRATION_DATABASE_URL: databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    PORT: String(port),
    RATE_LIMIT_PER_MINUTE: '10000000',
    LOG_LEVEL: 'info',
    LOG_PRETTY: '0',
    MAIL_DIR: mkdtempSync(join(tmpdir(), `liaison-${run}-mail-`)),
    ...LOCAL_RECEIVERS,
  };
  const children: ChildProcess[] = [];
  try {
    const counts = [warmup, ...rates.map((rate) => Math.round(rate * seconds)), saturation];
    const batches = await arrange(orm, sink.url, counts);
    const profile = (name: string) =>
      options.profileDir
        ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`, `--cpu-prof-name=${name}.cpuprofile`]
        : [];
    const api = start('apps/api/src/main.ts', env, profile('api'));
    const worker = start('apps/worker/src/main.ts', asWorkerEnvironment(env), profile('worker'));
    children.push(api, worker);
    await until(healthy(port), 90_000, 'the api to answer /health');
    const token = await login(port);
    const call = approval(port, token);
    const results: NotificationsPhase[] = [];
    const phase = async (name: string, ids: string[], drive: () => Promise<CallResult[]>) => {
      const before = { api: cpuMs(api.pid), worker: cpuMs(worker.pid), load: loadAverage() };
      const started = performance.now();
      const answers = await drive();
      const seconds = (performance.now() - started) / 1000;
      const failed = answers.filter((answer) => answer.status !== 200).length;
      const expected = ids.length - failed;
      await until(
        () => ids.filter((id) => sink.requests.has(id)).length >= expected,
        300_000,
        `the webhooks of ${name}`,
      );
      const result = summarize(name, ids, sink, answers, seconds, {
        api: perApproval(before.api, cpuMs(api.pid), ids.length),
        worker: perApproval(before.worker, cpuMs(worker.pid), ids.length),
        load: before.load,
      });
      log(`${describePhase(result)} (${result.webhooks} webhooks)`);
      return result;
    };
    const [warm, ...open] = batches;
    await phase('warm-up', warm, () => openLoop(warm, 50, call));
    for (const [index, rate] of rates.entries()) {
      await settle();
      results.push(await phase(`open loop ${rate}/s`, open[index], () => openLoop(open[index], rate, call)));
    }
    if (saturation > 0) {
      const ids = batches[batches.length - 1];
      await settle();
      results.push(await phase(`saturation, ${clients} clients`, ids, () => closedLoop(ids, clients, call)));
    }
    return results;
  } finally {
    await Promise.all(children.map(stop));
    await sink.close();
    await orm.close(true);
    await dropScratchDatabase(databaseUrl);
    await dropRedisKeys(REDIS_URL, prefix);
  }
}

/** Two agencies, a supervisor who approves, the requested side's officer, the endpoint; one batch of requests per phase. */
async function arrange(orm: MikroORM, url: string, counts: number[]): Promise<string[][]> {
  const em = orm.em.fork();
  const india = await createAgency(em, { name: 'CBI', country: 'IN' });
  const nepal = await createAgency(em, { name: 'Nepal Police', country: 'NP' });
  const officer = await createUser(em, india, { roles: ['OFFICER'] });
  await createUser(em, india, { roles: ['SUPERVISOR'], email: 'supervisor@bench.example' });
  await createUser(em, nepal, { roles: ['OFFICER'] });
  const admin = await createUser(em, nepal, { roles: ['ADMIN'] });
  em.create(WebhookEndpointSchema, {
    agency: nepal,
    url,
    events: ['request.approve'],
    secretCiphertext: Buffer.from('whsec_bench'), // in clear, no key id: the worker seals it when it starts
    createdBy: admin,
    description: null,
    deletedAt: null,
  });
  await em.flush();
  let reference = 0;
  const batches: string[][] = [];
  for (const count of counts) {
    const rows = Array.from({ length: count }, () => underReview(india, nepal, officer, (reference += 1)));
    for (let index = 0; index < rows.length; index += 500)
      await em.insertMany(RequestSchema, rows.slice(index, index + 500));
    batches.push(rows.map((row) => row.id));
  }
  return batches;
}

function underReview(india: Agency, nepal: Agency, officer: User, reference: number) {
  const now = new Date();
  return {
    id: uuidv7(),
    createdAt: now,
    updatedAt: now,
    reference: `MLA-2026-${String(reference).padStart(6, '0')}`,
    kind: 'mla' as const,
    requestingAgency: india.id,
    requestedAgency: nepal.id,
    createdBy: officer.id,
    legalBasis: 'untoc',
    title: `Bench request ${reference}`,
    content: COMPLETE_MLA_CONTENT,
    state: 'under_review',
    timers: [],
    lastActivityAt: now,
  };
}

function approval(port: number, token: string) {
  return async (id: string): Promise<CallResult> => {
    const started = performance.now();
    try {
      const response = await fetch(`http://127.0.0.1:${port}/v1/requests/${id}/transitions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ event: 'approve' }),
      });
      await response.arrayBuffer();
      return { status: response.status, ms: performance.now() - started };
    } catch {
      return { status: 0, ms: performance.now() - started };
    }
  };
}

function summarize(
  name: string,
  ids: string[],
  sink: WebhookSink,
  answers: CallResult[],
  seconds: number,
  cpu: { api: number | null; worker: number | null; load: number | null },
): NotificationsPhase {
  const latencies = ids
    .map((id) => sink.requests.get(id))
    .filter((value): value is number => value !== undefined)
    .sort((a, b) => a - b);
  const http = answers.map((answer) => answer.ms).sort((a, b) => a - b);
  return {
    phase: name,
    transitions: ids.length,
    failed: answers.filter((answer) => answer.status !== 200).length,
    rate: ids.length / seconds,
    webhooks: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    httpP50: Math.round(percentile(http, 50)),
    httpP99: Math.round(percentile(http, 99)),
    apiCpuMs: cpu.api,
    workerCpuMs: cpu.worker,
    loadAverage: cpu.load,
  };
}

function perApproval(before: number | null, after: number | null, count: number): number | null {
  return before === null || after === null ? null : Math.round(((after - before) / count) * 100) / 100;
}

/** A pause between phases: the deadline jobs and the e-mails of the previous one finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 3000));

function start(script: string, env: Record<string, string>, nodeOptions: string[]): ChildProcess {
  const child = spawn(NODE, [...nodeOptions, '-r', '@swc-node/register', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.once('exit', (code) => {
    if (code) console.error(`${script} exited with ${code}: ${output}`);
  });
  return child;
}

/** SIGTERM, then wait for the exit (a CPU profile is written on the way out). */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((exited) => {
    child.once('exit', () => exited());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
  });
}

async function login(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'supervisor@bench.example', password: TEST_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** The api answers /health (which also means PostgreSQL and Redis are there). */
function healthy(port: number): () => Promise<boolean> {
  return () =>
    fetch(`http://127.0.0.1:${port}/health`).then(
      (response) => response.status === 200,
      () => false,
    );
}

async function until(done: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function machine(): string {
  return `${cpus()[0]?.model ?? 'cpu'} ×${availableParallelism()}, Node ${process.version} client`;
}
