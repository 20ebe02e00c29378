/**
 * Benchmark: HTTP transitions against the same SQL run by pgbench, in one run.
 *
 *   npm run bench:transitions          (alone)     npm run bench   (with the other benchmarks, test/bench/run-all.ts)
 *
 * 1. A fresh database, migrated as the owner; the apps connect as `liaison_app`. CLIENTS × PER_CLIENT complete MLA
 *    drafts (fixture.ts), each client owning its own block (no 409 from two clients on one request).
 * 2. Capture: `ALTER DATABASE … SET log_min_duration_statement = 0`, the api alone, one `submit` and one
 *    `return_for_amendment` sent while the PostgreSQL log is followed; the messages the api's connections sent
 *    become two pgbench scripts with the same round trips (pgbench-script.ts).
 * 3. Load: api + worker as in production (apps.ts), a warm-up on separate drafts, then TRANSITIONS transitions from
 *    CLIENTS keep-alive clients, each cycling its drafts through `submit` (officer) and `return_for_amendment`
 *    (supervisor): every call is an accepted transition with a history row, an audit entry and an outbox row, and
 *    the worker relays the outbox meanwhile. Measured: throughput and latency per call; CPU time per transition of
 *    the api, the worker, the database's backends and this load generator (from /proc: CPU, not wall-clock, since
 *    other jobs share the machine); the apps' resident memory (sampled each second, and the kernel's peak) and where
 *    it is (heap spaces, external) at the end.
 * 4. Profile (PROFILE_TRANSITIONS > 0): the api again with `--cpu-prof`, more transitions, self time by function and
 *    package over the load window (cpu-profile.ts). Sampled time includes waiting for the CPU: read it as shares.
 * 5. pgbench `-c CLIENTS -j 2 -M simple`, same number of transactions, the apps stopped, same database; the CPU of
 *    its backends per transaction too.
 *
 * Env (CLI): BENCH_TRANSITIONS (20000), BENCH_CLIENTS (32), BENCH_PER_CLIENT (125 drafts per client),
 * BENCH_PROFILE_TRANSITIONS (0 skips the profile; 10000 when run alone), BENCH_PROFILE_APP (api, or worker), BENCH_PG_LOG (the server log, if
 * pg_current_logfile() is empty and it is not /var/log/postgresql/postgresql-<major>-<cluster>.log), BENCH_KEEP=1
 * (keep the temporary directory with the captured log, scripts and profile), TEST_DATABASE_URL, TEST_REDIS_URL.
 * The database and the Redis keys (a unique QUEUE_PREFIX) are dropped at the end.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { quoteIdentifier } from '@liaison/data';
import {
  asApplicationRole,
  asWorkerEnvironment,
  createScratchDatabase,
  dropRedisKeys,
  dropScratchDatabase,
  withAdminClient,
} from '@liaison/testing';
import {
  cpuMsOf,
  healthy,
  memoryOf,
  residentMiB,
  sampleResidentMemory,
  startApp,
  stopApp,
  until,
  type App,
  type MemoryBreakdown,
} from './apps';
import { freePort } from '../../fault/support/free-port';
import { trackBackendCpu } from './backend-cpu';
import { summariseProfile, type ProfileSummary } from './cpu-profile';
import { arrange, ID_BASE, ID_PREFIX, requestId, transition, type Fixture, type Tokens } from './fixture';
import { agent, closedLoop, login, pacedLoop, percentile, type Load } from './http-load';
import { readFrom, serverLogFile, statementsOf } from './pg-log';
import { runPgbench, type PgbenchResult } from './pgbench';
import { pgbenchScript } from './pgbench-script';

export interface TransitionsOptions {
  transitions: number;
  clients: number;
  perClient: number;
  profileTransitions: number;
  /** Which app the profile phase profiles. */
  profiled: 'api' | 'worker';
  /** The paced phase's rate as a share of the measured throughput (0 skips it), and its length. */
  pacedShare: number;
  pacedSeconds: number;
  keep: boolean;
  redisUrl: string;
}

export function transitionsOptionsFromEnv(defaults: Partial<TransitionsOptions> = {}): TransitionsOptions {
  const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  return {
    transitions: number('BENCH_TRANSITIONS', defaults.transitions ?? 20_000),
    clients: number('BENCH_CLIENTS', defaults.clients ?? 32),
    perClient: number('BENCH_PER_CLIENT', defaults.perClient ?? 125),
    profileTransitions: number('BENCH_PROFILE_TRANSITIONS', defaults.profileTransitions ?? 10_000),
    profiled: process.env['BENCH_PROFILE_APP'] === 'worker' ? 'worker' : 'api',
    pacedShare: number('BENCH_PACED_SHARE', defaults.pacedShare ?? 0.5),
    pacedSeconds: number('BENCH_PACED_SECONDS', defaults.pacedSeconds ?? 30),
    keep: process.env['BENCH_KEEP'] === '1',
    redisUrl: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
  };
}

export interface AppMemory {
  /** Highest VmRSS sampled during the load, and the kernel's peak (VmHWM) since the start, MiB. */
  sampledPeak: number;
  peak: number;
  atEnd?: MemoryBreakdown;
}

export interface TransitionsResult {
  load: Load;
  /** CPU ms per transition. */
  cpu: { api: number; worker: number; postgres: number; client: number };
  memory: { api: AppMemory; worker: AppMemory };
  pgbench?: PgbenchResult;
  scripts: { name: string; messages: number; statements: number; text: string }[];
  rows: Record<string, number>;
  /** Open loop at a share of the measured throughput, same clients: latency at a stated load. */
  paced?: { rate: number; load: Load };
  profile?: { app: 'api' | 'worker'; load: Load; cpuMs: number; summary: ProfileSummary };
  logFile?: string;
}

/** The run's names and the layout of the drafts: each client's block, then warm-up, then capture drafts. */
function planOf(options: TransitionsOptions) {
  const run = `${Date.now().toString(36)}_${process.pid}`;
  const mainDrafts = options.clients * options.perClient;
  const warmupPerClient = 16;
  const warmupBase = mainDrafts;
  const captureBase = warmupBase + options.clients * warmupPerClient;
  return {
    ...options,
    steps: Math.ceil(options.transitions / options.clients),
    database: `liaison_bench_transitions_${run}`,
    queuePrefix: `liaison-bench-transitions-${run}`,
    tmp: mkdtempSync(join(tmpdir(), 'liaison-bench-transitions-')),
    warmupPerClient,
    warmupBase,
    captureBase,
    drafts: captureBase + 2,
  };
}

type Plan = ReturnType<typeof planOf>;

export async function runTransitionsBenchmark(options: TransitionsOptions): Promise<TransitionsResult> {
  const plan = planOf(options);
  const owner = await createScratchDatabase(plan.database);
  const env = childEnvironment(plan, owner, await freePort());
  const apps: App[] = [];
  try {
    const fixture = await arrange(owner, plan.drafts);
    console.log(`transitions: seeded ${plan.drafts} MLA drafts (${plan.clients} clients × ${plan.perClient} + spares)`);
    const captured = await capture(plan, env, fixture);

    const api = await startApp('api', env);
    const worker = await startApp('worker', asWorkerEnvironment(env));
    apps.push(api, worker);
    await until(healthy(env['PORT']), 90_000, () => api.output());
    const tokens = await tokensFor(env['PORT'], fixture);
    await drive(plan, env['PORT'], tokens, plan.warmupBase, plan.warmupPerClient, 0, 2 * plan.warmupPerClient);
    const measured = await measure(plan, env['PORT'], tokens, api, worker);
    console.log(
      `transitions: ${measured.load.calls} in ${measured.load.seconds.toFixed(1)} s, ${measured.load.failures} failed` +
        `${measured.load.failure ? ` (first: ${measured.load.failure})` : ''}`,
    );
    await outboxDrained(owner);
    const paced = await pace(plan, env['PORT'], tokens, measured.load);
    await Promise.all(apps.splice(0).map(stopApp));
    const rows = await counts(owner);

    // before pgbench, which leaves the drafts in random states; each client's cycle goes on where it was left
    const first = plan.steps + (paced ? paced.load.calls / plan.clients : 0);
    const profile = plan.profileTransitions > 0 ? await profileApp(plan, env, fixture, first) : undefined;
    const pgbench = captured.scripts.length
      ? await runPgbench(
          env['DATABASE_URL'],
          captured.scripts.map((script) => script.path),
          { clients: plan.clients, perClient: plan.steps },
        )
      : undefined;
    return { ...measured, paced, pgbench, scripts: captured.scripts, rows, profile, logFile: captured.logFile };
  } finally {
    await Promise.all(apps.map(stopApp));
    await dropScratchDatabase(owner);
    await dropRedisKeys(plan.redisUrl, plan.queuePrefix);
    if (plan.keep) console.log(`transitions: kept ${plan.tmp}`);
    else rmSync(plan.tmp, { recursive: true, force: true });
  }
}

function childEnvironment(plan: Plan, owner: string, port: number): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LIAISON_DEVELOPMENT: '1', // a benchmark on a developer's machine: the development shortcuts
    METRICS_PORT: '0', // not measured here, and 9464 may be taken by `npm start`
    LOG_LEVEL: 'warn',
    LOG_PRETTY: '0',
    PORT: String(port),
    DATABASE_URL: asApplicationRole(owner),
    MIGRATION_DATABASE_URL: owner,
    REDIS_URL: plan.redisUrl,
    QUEUE_PREFIX: plan.queuePrefix,
    RATE_LIMIT_PER_MINUTE: '100000000',
    JWT_ACCESS_TTL_SECONDS: '7200',
    MAIL_DIR: join(plan.tmp, 'mail'),
    LIAISON_MASTER_KEY: randomBytes(32).toString('base64'),
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ format: 'der', type: 'pkcs8' })
      .toString('base64'),
  };
}

async function tokensFor(port: string, fixture: Fixture): Promise<Tokens> {
  return { officer: await login(port, fixture.officer.email), supervisor: await login(port, fixture.supervisor.email) };
}

/** Client c's step s acts on draft (s mod per) of its block; the pass over the block decides the event. */
function drive(plan: Plan, port: string, tokens: Tokens, base: number, per: number, first: number, steps: number) {
  return closedLoop(plan.clients, steps, stepper(port, tokens, base, per, first));
}

function stepper(port: string, tokens: Tokens, base: number, per: number, first: number) {
  return (client: number, step: number) =>
    transition(port, tokens, base + client * per + ((first + step) % per), Math.floor((first + step) / per));
}

/** The same clients paced at a share of the closed loop's throughput, continuing their cycles. */
async function pace(plan: Plan, port: string, tokens: Tokens, closed: Load) {
  if (plan.pacedShare <= 0) return undefined;
  const rate = Math.round((closed.calls / closed.seconds) * plan.pacedShare);
  const steps = Math.max(1, Math.round((rate * plan.pacedSeconds) / plan.clients));
  agent.destroy(); // the keep-alive sockets idled through the drain: the api (5 s keep-alive) may be closing them
  const load = await pacedLoop(plan.clients, rate, steps, stepper(port, tokens, 0, plan.perClient, plan.steps));
  console.log(
    `transitions: paced at ${rate}/s, ${load.calls} in ${load.seconds.toFixed(1)} s, ${load.failures} failed`,
  );
  return { rate, load };
}

async function measure(plan: Plan, port: string, tokens: Tokens, api: App, worker: App) {
  const memory = sampleResidentMemory([api, worker]);
  const backends = await trackBackendCpu(plan.database);
  const before = { api: cpuMsOf(api.process.pid), worker: cpuMsOf(worker.process.pid) };
  const load = await drive(plan, port, tokens, 0, plan.perClient, 0, plan.steps);
  const per = (ms: number) => ms / load.calls;
  const cpu = {
    api: per(cpuMsOf(api.process.pid) - before.api),
    worker: per(cpuMsOf(worker.process.pid) - before.worker),
    postgres: per(await backends.stop()),
    client: load.clientCpuMs,
  };
  const sampled = memory.stop();
  const appMemory = async (app: App): Promise<AppMemory> => ({
    sampledPeak: sampled[app.name] ?? NaN,
    peak: residentMiB(app.process.pid).peak,
    atEnd: await memoryOf(app),
  });
  return { load, cpu, memory: { api: await appMemory(api), worker: await appMemory(worker) } };
}

// ---------------------------------------------------------------------------------------------------------------
// Capture of the SQL from the PostgreSQL log, as pgbench scripts

interface Captured {
  scripts: { name: string; path: string; messages: number; statements: number; text: string }[];
  logFile?: string;
}

async function capture(plan: Plan, env: Record<string, string>, fixture: Fixture): Promise<Captured> {
  const logFile = await serverLogFile();
  if (!logFile) {
    console.warn('capture skipped: no readable PostgreSQL log file (set BENCH_PG_LOG); pgbench will not run');
    return { scripts: [] };
  }
  const database = quoteIdentifier(plan.database);
  await withAdminClient((client) => client.query(`ALTER DATABASE ${database} SET log_min_duration_statement = 0`));
  const api = await startApp('api', env);
  try {
    await until(healthy(env['PORT']), 90_000, () => api.output());
    const tokens = await tokensFor(env['PORT'], fixture);
    // Warm the first draft (the first calls load metadata and caches); capture on the second, which has history.
    for (let pass = 0; pass < 4; pass += 1) await transition(env['PORT'], tokens, plan.captureBase, pass);
    await transition(env['PORT'], tokens, plan.captureBase + 1, 0);
    await transition(env['PORT'], tokens, plan.captureBase + 1, 1);
    const scripts: Captured['scripts'] = [];
    for (const [pass, name] of [
      [2, 'submit'],
      [3, 'return_for_amendment'],
    ] as const) {
      const from = statSync(logFile).size;
      const answer = await transition(env['PORT'], tokens, plan.captureBase + 1, pass);
      if (answer.status !== 200) throw new Error(`capture ${name}: ${answer.status} ${answer.body}`);
      await new Promise((wait) => setTimeout(wait, 300));
      const text = readFrom(logFile, from);
      writeFileSync(join(plan.tmp, `${name}.log`), text);
      const script = pgbenchScript(statementsOf(text, `liaison_app@${plan.database}`), {
        captured: requestId(plan.captureBase + 1),
        prefix: ID_PREFIX,
        base: ID_BASE,
        perClient: plan.perClient,
        known: new Set([fixture.india, fixture.nepal, fixture.officer.id, fixture.supervisor.id, ...fixture.others]),
      });
      const path = join(plan.tmp, `${name}.sql`);
      writeFileSync(path, script.text);
      scripts.push({ name, path, ...script });
    }
    return { scripts, logFile };
  } finally {
    await stopApp(api);
    await withAdminClient((client) => client.query(`ALTER DATABASE ${database} RESET log_min_duration_statement`));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Profile

/** Profiles the api, or the worker with BENCH_PROFILE_APP=worker, under the same load. */
async function profileApp(plan: Plan, env: Record<string, string>, fixture: Fixture, first: number) {
  const directory = join(plan.tmp, 'profile');
  const profiling = ['--cpu-prof', `--cpu-prof-dir=${directory}`, '-r', resolve(__dirname, 'exit-on-message.cjs')];
  const api = await startApp('api', env, plan.profiled === 'api' ? profiling : []);
  const worker = await startApp('worker', asWorkerEnvironment(env), plan.profiled === 'worker' ? profiling : []);
  const [profiled, other] = plan.profiled === 'api' ? [api, worker] : [worker, api];
  let load: Load;
  let cpuMs: number;
  let loadStarted = 0n;
  let loadEnded = 0n;
  let exited = 0n;
  try {
    await until(healthy(env['PORT']), 90_000, () => api.output());
    const tokens = await tokensFor(env['PORT'], fixture);
    loadStarted = process.hrtime.bigint();
    const before = cpuMsOf(profiled.process.pid);
    // continues each client's cycle where the measured load left it
    load = await drive(
      plan,
      env['PORT'],
      tokens,
      0,
      plan.perClient,
      first,
      Math.ceil(plan.profileTransitions / plan.clients),
    );
    cpuMs = (cpuMsOf(profiled.process.pid) - before) / load.calls;
    loadEnded = process.hrtime.bigint();
  } finally {
    if (profiled.process.exitCode === null && profiled.process.connected) {
      profiled.process.send('bench:exit');
      await once(profiled.process, 'exit');
    }
    exited = process.hrtime.bigint();
    await stopApp(other);
  }
  const files = existsSync(directory) ? readdirSync(directory).filter((file) => file.endsWith('.cpuprofile')) : [];
  if (!files.length) {
    console.warn('no .cpuprofile written');
    return undefined;
  }
  // Only the samples of the load: the profile ends when the app exits; count back from there (µs).
  const window = { fromEnd: Number(exited - loadStarted) / 1e3, toEnd: Number(exited - loadEnded) / 1e3 };
  return { app: plan.profiled, load, cpuMs, summary: summariseProfile(join(directory, files[0]), window) };
}

/** The worker caught up with the closed loop's backlog (every outbox row relayed), then a breath for its jobs. */
async function outboxDrained(owner: string): Promise<void> {
  const client = new Client({ connectionString: owner });
  await client.connect();
  try {
    const unpublished = async () =>
      Number(
        (await client.query<{ count: string }>('select count(*) from outbox_message where published_at is null'))
          .rows[0]?.count,
      );
    while ((await unpublished()) > 0) await new Promise((wait) => setTimeout(wait, 500));
    await new Promise((wait) => setTimeout(wait, 3000));
  } finally {
    await client.end();
  }
}

async function counts(owner: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: owner });
  await client.connect();
  try {
    const result: Record<string, number> = {};
    for (const table of ['request_history', 'audit_event', 'outbox_message']) {
      const { rows } = await client.query<{ count: string }>(`select count(*) from ${quoteIdentifier(table)}`);
      result[table] = Number(rows[0]?.count ?? 0);
    }
    return result;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Report

/** The one-line summary the orchestrator's table shows. */
export function transitionsSummary(result: TransitionsResult) {
  const ours = result.load.calls / result.load.seconds;
  return {
    tps: ours,
    pgbenchTps: result.pgbench?.tps,
    ratio: result.pgbench ? ours / result.pgbench.tps : undefined,
    p50: percentile(result.load.latencies, 50),
    p99: percentile(result.load.latencies, 99),
    max: Math.max(...result.load.latencies),
    paced: result.paced && {
      rate: result.paced.rate,
      calls: result.paced.load.calls,
      failures: result.paced.load.failures,
      p50: percentile(result.paced.load.latencies, 50),
      p99: percentile(result.paced.load.latencies, 99),
    },
  };
}

export function printTransitionsReport(options: TransitionsOptions, result: TransitionsResult): void {
  const { load, cpu, memory, pgbench, scripts, rows, profile } = result;
  const summary = transitionsSummary(result);
  const fixed = (value: number | undefined, digits = 1) => (value === undefined ? 'n/a' : value.toFixed(digits));
  console.log(
    `\n${load.calls} HTTP transitions (submit / return_for_amendment) from ${options.clients} keep-alive clients; ` +
      `pgbench -c ${options.clients} -j 2 -M simple -t ${Math.ceil(options.transitions / options.clients)} on the captured messages\n`,
  );
  console.log(
    '| ours tx/s | pgbench tx/s | ratio | p50 ms | p99 ms | max ms | failed | api RSS MiB | worker RSS MiB |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `| ${fixed(summary.tps)} | ${fixed(summary.pgbenchTps)} | ${fixed(summary.ratio, 3)} | ${fixed(summary.p50)} ` +
      `| ${fixed(summary.p99)} | ${fixed(summary.max)} | ${load.failures} | ${fixed(memory.api.sampledPeak, 0)} ` +
      `(peak ${fixed(memory.api.peak, 0)}) | ${fixed(memory.worker.sampledPeak, 0)} (peak ${fixed(memory.worker.peak, 0)}) |`,
  );
  if (summary.paced)
    console.log(
      `\nPaced (open loop) at ${summary.paced.rate}/s: ${summary.paced.calls} transitions, p50 ${fixed(summary.paced.p50)} ms, ` +
        `p99 ${fixed(summary.paced.p99)} ms, ${summary.paced.failures} failed`,
    );
  console.log(
    `\nCPU per transition (/proc utime+stime): api ${fixed(cpu.api, 2)} ms, worker ${fixed(cpu.worker, 2)} ms, ` +
      `PostgreSQL backends ${fixed(cpu.postgres, 2)} ms, load generator ${fixed(cpu.client, 2)} ms` +
      (pgbench ? `; pgbench's backends ${fixed(pgbench.postgresCpuMs, 2)} ms per transaction` : ''),
  );
  for (const [name, app] of Object.entries(memory)) {
    if (app.atEnd)
      console.log(
        `${name} memory at the end (MiB): rss ${app.atEnd.rss}, heap ${app.atEnd.heapUsed} used (${app.atEnd.liveHeap} live after a full GC) of ${app.atEnd.heapTotal} ` +
          `(${Object.entries(app.atEnd.spaces)
            .filter(([, mib]) => mib > 0)
            .map(([space, mib]) => `${space} ${mib}`)
            .join(', ')}), external ${app.atEnd.external}`,
      );
  }
  console.log(
    `rows after the load: ${Object.entries(rows)
      .map(([table, count]) => `${table} ${count}`)
      .join(', ')}`,
  );
  if (pgbench)
    console.log(
      `pgbench: ${pgbench.transactions} transactions, ${pgbench.failed} failed, latency average ${pgbench.latencyAverage} ms`,
    );
  for (const script of scripts) {
    console.log(`\n-- ${script.name}: ${script.statements} statements in ${script.messages} round trips`);
    console.log(script.text);
  }
  if (profile) printProfile(profile);
}

function printProfile(profile: NonNullable<TransitionsResult['profile']>): void {
  const { app, load, cpuMs, summary } = profile;
  console.log(
    `\nProfile (${app} with --cpu-prof): ${load.calls} transitions, ${(load.calls / load.seconds).toFixed(1)}/s, ` +
      `p50 ${percentile(load.latencies, 50).toFixed(1)} ms, p99 ${percentile(load.latencies, 99).toFixed(1)} ms, ` +
      `${load.failures} failed; ${app} CPU ${cpuMs.toFixed(2)} ms per transition (/proc); ` +
      `${(summary.totalMs / load.calls).toFixed(2)} ms of non-idle samples per transition (includes waiting for a core)`,
  );
  for (const [title, rows] of [
    ['category', summary.byCategory],
    ['function', summary.byFunction],
  ] as const) {
    console.log(`\n| self time by ${title} | ms | % |`);
    console.log('| --- | ---: | ---: |');
    for (const { name, ms } of rows)
      console.log(
        `| ${name.replace(/\|/g, '\\|')} | ${ms.toFixed(0)} | ${((ms / summary.totalMs) * 100).toFixed(1)} |`,
      );
  }
}

if (require.main === module) {
  const options = transitionsOptionsFromEnv();
  runTransitionsBenchmark(options).then(
    (result) => {
      agent.destroy();
      printTransitionsReport(options, result);
    },
    (error: unknown) => {
      agent.destroy();
      console.error(error);
      process.exitCode = 1;
    },
  );
}
