/**
 * `npm run soak`: a steady, moderate open-loop load for SOAK_MINUTES (10) against freshly started apps, watching
 * memory for a growth trend. Not part of `npm test`.
 *
 * Load (open loop: calls start on a clock, whatever the answers): SOAK_TRANSITIONS_PER_SECOND (30) transitions
 * (submit / return for amendment over a pool of drafts, each one accepted with its history, audit entry and outbox
 * row, so the worker relays notifications: in-app, e-mail, and a webhook to a local receiver), plus
 * SOAK_READS_PER_SECOND (30) reads (a request, a list page, the history). Every SOAK_SAMPLE_SECONDS (10): resident
 * memory (VmRSS) of the api and the worker, Redis `used_memory` (the whole server, shared with whatever else uses
 * it) and the memory of this run's own Redis keys. Prints start/end figures and least-squares slopes, over the whole
 * run and over its second half (after warm-up), and writes them with every sample to test/bench/soak/README.md.
 * SOAK_MAX_IN_FLIGHT (64) caps the calls awaiting an answer; calls beyond it are shed and counted.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { Redis } from 'ioredis';
import { format, resolveConfig } from 'prettier';
import { AgencySchema, ormConfig, WebhookEndpointSchema } from '@liaison/data';
import {
  asApplicationRole,
  asWorkerEnvironment,
  createScratchDatabase,
  createUser,
  dropRedisKeys,
  dropScratchDatabase,
} from '@liaison/testing';
import { LOCAL_RECEIVERS } from '../e2e/support/webhook-receiver';
import { healthy, residentMiB, startApp, stopApp, until, type App } from './transitions/apps';
import { arrange, requestId, transition, type Fixture, type Tokens } from './transitions/fixture';
import { agent, login, percentile, send, type Answer } from './transitions/http-load';

const MINUTES = Number(process.env['SOAK_MINUTES'] ?? 10);
const TRANSITIONS_PER_SECOND = Number(process.env['SOAK_TRANSITIONS_PER_SECOND'] ?? 30);
const READS_PER_SECOND = Number(process.env['SOAK_READS_PER_SECOND'] ?? 30);
const SAMPLE_SECONDS = Number(process.env['SOAK_SAMPLE_SECONDS'] ?? 10);
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
/** Each draft comes round again after DRAFTS / rate seconds: long after its previous transition answered. */
const DRAFTS = Math.max(200, TRANSITIONS_PER_SECOND * 20);
const RUN = `${Date.now().toString(36)}_${process.pid}`;
const QUEUE_PREFIX = `liaison-soak-${RUN}`;
const TICK_MS = 100;
/** Beyond this many calls waiting for an answer, new ones are shed (counted): an overloaded machine must not turn
 * the soak into a measurement of its own queue. */
const MAX_IN_FLIGHT = Number(process.env['SOAK_MAX_IN_FLIGHT'] ?? 64);

interface Sample {
  seconds: number;
  api: number;
  worker: number;
  redisUsed: number;
  redisOwn: number;
}

interface Calls {
  latencies: Map<string, number[]>;
  failures: number;
  firstFailure?: string;
  inFlight: number;
  shed: number;
}

async function main(): Promise<void> {
  const owner = await createScratchDatabase(`liaison_soak_${RUN}`);
  const tmp = mkdtempSync(join(tmpdir(), 'liaison-soak-'));
  const receiver = await startReceiver();
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const apps: App[] = [];
  try {
    const fixture = await arrange(owner, DRAFTS);
    await subscribeWebhook(owner, fixture, receiver.url);
    const port = String(42_000 + Math.floor(Math.random() * 1000));
    const env = environment(owner, port, tmp);
    const api = await startApp('api', env);
    const worker = await startApp('worker', asWorkerEnvironment(env));
    apps.push(api, worker);
    await until(healthy(port), 90_000, () => api.output());
    const tokens: Tokens = {
      officer: await login(port, fixture.officer.email),
      supervisor: await login(port, fixture.supervisor.email),
    };
    console.log(
      `soak: ${MINUTES} min, ${TRANSITIONS_PER_SECOND} transitions/s + ${READS_PER_SECOND} reads/s (open loop), ` +
        `memory every ${SAMPLE_SECONDS} s`,
    );
    const { samples, calls } = await soak(port, tokens, api, worker, redis);
    await until(
      async () => calls.inFlight === 0,
      60_000,
      () => 'calls still in flight',
    );
    const summary = summarise(samples, calls, receiver.received());
    console.log(`\n${summary}`);
    mkdirSync(join(__dirname, 'soak'), { recursive: true });
    const file = join(__dirname, 'soak', 'README.md');
    writeFileSync(file, await format(readme(summary, samples), { ...(await resolveConfig(file)), filepath: file }));
  } finally {
    await Promise.all(apps.map(stopApp));
    receiver.close();
    redis.disconnect();
    await dropScratchDatabase(owner);
    await dropRedisKeys(REDIS_URL, QUEUE_PREFIX);
    rmSync(tmp, { recursive: true, force: true });
  }
}

function environment(owner: string, port: string, tmp: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LIAISON_DEVELOPMENT: '1', // a benchmark on a developer's machine: the development shortcuts
    METRICS_PORT: '0', // not measured here, and 9464 may be taken by `npm start`
    LOG_LEVEL: 'warn',
    LOG_PRETTY: '0',
    PORT: port,
    DATABASE_URL: asApplicationRole(owner),
    MIGRATION_DATABASE_URL: owner,
    REDIS_URL,
    QUEUE_PREFIX,
    RATE_LIMIT_PER_MINUTE: '100000000',
    JWT_ACCESS_TTL_SECONDS: String(Math.ceil(MINUTES * 60 + 600)),
    MAIL_DIR: join(tmp, 'mail'),
    ...LOCAL_RECEIVERS,
    LIAISON_MASTER_KEY: randomBytes(32).toString('base64'),
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ format: 'der', type: 'pkcs8' })
      .toString('base64'),
  };
}

/** The requesting agency hears of its own drafts going back and forth: a webhook per transition. */
async function subscribeWebhook(owner: string, fixture: Fixture, url: string): Promise<void> {
  const orm = await MikroORM.init(ormConfig(owner));
  try {
    const em = orm.em.fork();
    const india = await em.findOneOrFail(AgencySchema, fixture.india);
    const admin = await createUser(em, india, { roles: ['ADMIN'] });
    em.create(WebhookEndpointSchema, {
      agency: india,
      url,
      events: ['request.*'],
      secretCiphertext: Buffer.from('whsec_soak'), // in clear, no key id: the worker seals it when it starts
      createdBy: admin,
      description: null,
      deletedAt: null,
    });
    await em.flush();
  } finally {
    await orm.close(true);
  }
}

async function soak(port: string, tokens: Tokens, api: App, worker: App, redis: Redis) {
  const calls: Calls = { latencies: new Map(), failures: 0, inFlight: 0, shed: 0 };
  const passes = new Array<number>(DRAFTS).fill(0);
  const usable = new Array<boolean>(DRAFTS).fill(true);
  let nextDraft = 0;
  const call = (kind: string, work: () => Promise<Answer>, after?: (answer: Answer) => void) => {
    if (calls.inFlight >= MAX_IN_FLIGHT) {
      calls.shed += 1;
      return false;
    }
    calls.inFlight += 1;
    const started = process.hrtime.bigint();
    work()
      .then((answer) => {
        record(calls, kind, Number(process.hrtime.bigint() - started) / 1e6);
        if (answer.status >= 300) fail(calls, `${kind}: ${answer.status} ${answer.body.slice(0, 200)}`);
        after?.(answer);
      })
      .catch((error: unknown) => fail(calls, `${kind}: ${String(error)}`))
      .finally(() => (calls.inFlight -= 1));
    return true;
  };
  const transitionOnce = () => {
    const index = nextDraft;
    nextDraft = (nextDraft + 1) % DRAFTS;
    if (!usable[index]) return;
    const started = call(
      'transition',
      () => transition(port, tokens, index, passes[index] ?? 0),
      (answer) => {
        if (answer.status === 200) passes[index] = (passes[index] ?? 0) + 1;
        usable[index] = answer.status < 500;
      },
    );
    if (started) usable[index] = false;
  };
  const reads = [
    (index: number) => send(port, 'GET', `/v1/requests/${requestId(index)}`, tokens.officer),
    () => send(port, 'GET', '/v1/requests?limit=50', tokens.supervisor),
    (index: number) => send(port, 'GET', `/v1/requests/${requestId(index)}/history`, tokens.officer),
  ];
  let readCount = 0;
  const readOnce = () => {
    const read = reads[readCount % reads.length];
    const index = readCount % DRAFTS;
    readCount += 1;
    if (read) call('read', () => read(index));
  };

  const samples: Sample[] = [];
  const started = Date.now();
  const sample = async () =>
    samples.push({
      seconds: (Date.now() - started) / 1000,
      api: residentMiB(api.process.pid).now,
      worker: residentMiB(worker.process.pid).now,
      redisUsed: Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? NaN) / 2 ** 20,
      redisOwn: (await ownKeysBytes(redis)) / 2 ** 20,
    });
  await sample();
  const ticks = { transitions: 0, reads: 0 };
  const clock = setInterval(() => {
    const elapsed = (Date.now() - started) / 1000;
    while (ticks.transitions < elapsed * TRANSITIONS_PER_SECOND) {
      ticks.transitions += 1;
      transitionOnce();
    }
    while (ticks.reads < elapsed * READS_PER_SECOND) {
      ticks.reads += 1;
      readOnce();
    }
  }, TICK_MS);
  const sampler = setInterval(() => {
    void sample().then(() => {
      const last = samples[samples.length - 1];
      if (last)
        console.log(
          `${last.seconds.toFixed(0).padStart(5)} s  api ${last.api.toFixed(0)} MiB  worker ${last.worker.toFixed(0)} MiB  ` +
            `redis ${last.redisUsed.toFixed(1)} MiB (own keys ${last.redisOwn.toFixed(1)})  in flight ${calls.inFlight}  ` +
            `failed ${calls.failures}  shed ${calls.shed}`,
        );
    });
  }, SAMPLE_SECONDS * 1000);
  await new Promise((done) => setTimeout(done, MINUTES * 60_000));
  clearInterval(clock);
  clearInterval(sampler);
  await sample();
  return { samples, calls };
}

function record(calls: Calls, kind: string, ms: number): void {
  const list = calls.latencies.get(kind) ?? [];
  list.push(ms);
  calls.latencies.set(kind, list);
}

function fail(calls: Calls, what: string): void {
  calls.failures += 1;
  calls.firstFailure ??= what;
}

/** Bytes of this run's Redis keys (its queues), by MEMORY USAGE. */
async function ownKeysBytes(redis: Redis): Promise<number> {
  let cursor = '0';
  let bytes = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${QUEUE_PREFIX}*`, 'COUNT', 1000);
    for (const key of keys) bytes += Number((await redis.memory('USAGE', key)) ?? 0);
    cursor = next;
  } while (cursor !== '0');
  return bytes;
}

async function startReceiver() {
  const ids = new Set<string>();
  let deliveries = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      deliveries += 1;
      const id = request.headers['liaison-event-id'];
      if (typeof id === 'string') ids.add(id);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received: () => ({ deliveries, distinct: ids.size }),
    close: () => server.close(),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Report

/** Least-squares slope of y over time, per minute. */
function slopePerMinute(samples: Sample[], value: (sample: Sample) => number): number {
  const n = samples.length;
  if (n < 2) return NaN;
  const xs = samples.map((sample) => sample.seconds / 60);
  const ys = samples.map(value);
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let numerator = 0;
  let denominator = 0;
  for (let i = 0; i < n; i += 1) {
    numerator += ((xs[i] ?? 0) - mx) * ((ys[i] ?? 0) - my);
    denominator += ((xs[i] ?? 0) - mx) ** 2;
  }
  return numerator / denominator;
}

function summarise(samples: Sample[], calls: Calls, webhooks: { deliveries: number; distinct: number }): string {
  const first = samples[0];
  const last = samples[samples.length - 1];
  const secondHalf = samples.filter((sample) => sample.seconds >= (last?.seconds ?? 0) / 2);
  const series: [string, (sample: Sample) => number][] = [
    ['api RSS', (sample) => sample.api],
    ['worker RSS', (sample) => sample.worker],
    ['Redis used_memory (whole server)', (sample) => sample.redisUsed],
    ["Redis, this run's keys", (sample) => sample.redisOwn],
  ];
  const latency = [...calls.latencies.entries()].map(
    ([kind, values]) =>
      `${kind}s ${values.length} (p50 ${percentile(values, 50).toFixed(1)} ms, p99 ${percentile(values, 99).toFixed(1)} ms)`,
  );
  const peak = (value: (sample: Sample) => number) => Math.max(...samples.map(value));
  return [
    `Soak of ${MINUTES} min, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${availableParallelism()} × ` +
      `${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')} at the end (other jobs share the machine).`,
    `Open-loop load: ${TRANSITIONS_PER_SECOND} transitions/s + ${READS_PER_SECOND} reads/s over ${DRAFTS} drafts: ` +
      `${latency.join(', ')}; ${calls.failures} failed${calls.firstFailure ? ` (first: ${calls.firstFailure})` : ''}; ` +
      `${calls.shed} shed (over ${MAX_IN_FLIGHT} in flight); ` +
      `${webhooks.deliveries} webhook deliveries (${webhooks.distinct} distinct events).`,
    '',
    '| series (MiB) | start | end | peak | slope, whole run (MiB/min) | slope, second half (MiB/min) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...series.map(
      ([name, value]) =>
        `| ${name} | ${first ? value(first).toFixed(1) : 'n/a'} | ${last ? value(last).toFixed(1) : 'n/a'} | ` +
        `${peak(value).toFixed(1)} | ${slopePerMinute(samples, value).toFixed(2)} | ${slopePerMinute(secondHalf, value).toFixed(2)} |`,
    ),
  ].join('\n');
}

function readme(summary: string, samples: Sample[]): string {
  return [
    '# Soak',
    '',
    '`npm run soak` (test/bench/soak.ts; not part of `npm test`). Knobs: `SOAK_MINUTES` (10),',
    '`SOAK_TRANSITIONS_PER_SECOND` (30), `SOAK_READS_PER_SECOND` (30), `SOAK_SAMPLE_SECONDS` (10). This file is',
    'written by the last run.',
    '',
    summary,
    '',
    '## Samples',
    '',
    '| s | api RSS MiB | worker RSS MiB | Redis used_memory MiB | Redis, own keys MiB |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...samples.map(
      (sample) =>
        `| ${sample.seconds.toFixed(0)} | ${sample.api.toFixed(1)} | ${sample.worker.toFixed(1)} | ` +
        `${sample.redisUsed.toFixed(1)} | ${sample.redisOwn.toFixed(2)} |`,
    ),
    '',
  ].join('\n');
}

main().then(
  () => agent.destroy(),
  (error: unknown) => {
    agent.destroy();
    console.error(error);
    process.exitCode = 1;
  },
);
