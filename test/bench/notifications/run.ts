/**
 * Benchmark: latency from a transition's commit to its webhook's arrival at a local receiver.
 *
 *   node -r @swc-node/register test/bench/notifications/run.ts   (or: npm run bench:notifications)
 *
 * Starts the real api and worker as child processes on a fresh database, makes TRANSITIONS approvals through
 * POST /v1/requests/:id/transitions from CLIENTS concurrent clients, and measures, for each webhook, the time from
 * its outbox row's creation (inside the committing transaction) to its arrival. Env: BENCH_TRANSITIONS (2000),
 * BENCH_CLIENTS (20), TEST_DATABASE_URL, TEST_REDIS_URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, cpus } from 'node:os';
import { resolve } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { uuidv7 } from 'uuidv7';
import { ormConfig, RequestSchema, WebhookEndpointSchema } from '@liaison/data';
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

const TRANSITIONS = Number(process.env['BENCH_TRANSITIONS'] ?? 2000);
const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 20);
const ROOT = resolve(__dirname, '../../..');
const NODE = resolve(ROOT, 'node_modules/.bin/node');
const RUN = `bench_${Date.now().toString(36)}`;
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const QUEUE_PREFIX = `liaison-${RUN}`;

async function main(): Promise<void> {
  const databaseUrl = await createScratchDatabase(`liaison_${RUN}`);
  const orm = await MikroORM.init(ormConfig(databaseUrl));
  const receiver = await startReceiver();
  const port = 39_000 + Math.floor(Math.random() * 1000);
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: asApplicationRole(databaseUrl),
    MIGRATION_DATABASE_URL: databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX,
    PORT: String(port),
    RATE_LIMIT_PER_MINUTE: '10000000',
    LOG_LEVEL: 'warn',
    MAIL_DIR: `/tmp/liaison-${RUN}-mail`,
  };
  const children: ChildProcess[] = [];
  try {
    const { tokens, requestIds } = await arrange(orm, receiver.url);
    children.push(await start('apps/api/src/main.ts', env), await start('apps/worker/src/main.ts', env));
    await until(healthy(port), 60_000);
    const token = await login(port, tokens.supervisor);
    const started = Date.now();
    const failures = await transitionAll(port, token, requestIds);
    const transitionSeconds = (Date.now() - started) / 1000;
    await until(() => receiver.latencies.size >= requestIds.length - failures, 300_000);
    report(receiver.latencies, transitionSeconds, failures);
  } finally {
    children.forEach((child) => child.kill('SIGTERM'));
    receiver.close();
    await orm.close(true);
    await dropScratchDatabase(databaseUrl);
    await dropRedisKeys(REDIS_URL, QUEUE_PREFIX);
  }
}

async function arrange(orm: MikroORM, url: string) {
  const em = orm.em.fork();
  const india = await createAgency(em, { name: 'CBI', country: 'IN' });
  const nepal = await createAgency(em, { name: 'Nepal Police', country: 'NP' });
  const supervisor = await createUser(em, india, { roles: ['SUPERVISOR'], email: 'supervisor@bench.example' });
  const officer = await createUser(em, india, { roles: ['OFFICER'] });
  await createUser(em, nepal, { roles: ['OFFICER'] });
  const admin = await createUser(em, nepal, { roles: ['ADMIN'] });
  em.create(WebhookEndpointSchema, {
    agency: nepal,
    url,
    events: ['request.approve'],
    secret: 'whsec_bench',
    createdBy: admin,
    description: null,
    deletedAt: null,
  });
  await em.flush();
  const rows = Array.from({ length: TRANSITIONS }, (_, index) => ({
    id: uuidv7(),
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
    state: 'under_review',
    timers: [],
    lastActivityAt: new Date(),
  }));
  for (let index = 0; index < rows.length; index += 500)
    await em.insertMany(RequestSchema, rows.slice(index, index + 500));
  return { tokens: { supervisor: supervisor.email }, requestIds: rows.map((row) => row.id) };
}

async function transitionAll(port: number, token: string, ids: string[]): Promise<number> {
  let next = 0;
  let failures = 0;
  const client = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      const response = await fetch(`http://127.0.0.1:${port}/v1/requests/${id}/transitions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ event: 'approve' }),
      });
      await response.arrayBuffer();
      if (response.status !== 200) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return failures;
}

async function startReceiver() {
  const latencies = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const arrived = Date.now();
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string; occurredAt: string };
      if (!latencies.has(event.id)) latencies.set(event.id, arrived - Date.parse(event.occurredAt));
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    latencies,
    get url() {
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    },
    close: () => server.close(),
  };
}

function report(latencies: Map<string, number>, transitionSeconds: number, failures: number): void {
  const sorted = [...latencies.values()].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  console.log(
    `\nNotifications benchmark (${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'cpu'} ×${availableParallelism()}, Node ${process.version} client)`,
  );
  console.log(
    `${TRANSITIONS} approvals from ${CLIENTS} concurrent clients in ${transitionSeconds.toFixed(1)} s ` +
      `(${(TRANSITIONS / transitionSeconds).toFixed(0)}/s), ${failures} failed; ${sorted.length} webhooks received\n`,
  );
  console.log('| commit → webhook arrival | p50 | p95 | p99 | max | mean |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  console.log(`| ms | ${at(50)} | ${at(95)} | ${at(99)} | ${sorted[sorted.length - 1]} | ${mean.toFixed(0)} |`);
}

async function start(script: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(NODE, ['-r', '@swc-node/register', script], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'info', LOG_PRETTY: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.once('exit', (code) => {
    if (code) console.error(`${script} exited with ${code}: ${output}`);
  });
  return child;
}

async function login(port: number, email: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** The api answers /health (which also means the worker's Redis and PostgreSQL are there). */
function healthy(port: number): () => Promise<boolean> {
  return () =>
    fetch(`http://127.0.0.1:${port}/health`).then(
      (response) => response.status === 200,
      () => false,
    );
}

async function until(done: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the webhooks');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
