/**
 * `npm run bench`: every benchmark under test/bench, each against freshly started apps on a scratch database of the
 * machine's PostgreSQL and Redis, then one table, printed and written into test/bench/README.md (between the
 * `bench:results` markers) with the machine's description and the date. Scripts, never timed assertions.
 *
 * - transitions (transitions/run.ts, imported): HTTP transitions at 32 clients and pgbench on the captured SQL in
 *   the same run, the ratio; latency; CPU per transition by process; the apps' resident memory.
 * - search (search/api-latency.ts, imported): 1,000,000 requests seeded by search/seed-requests.ts, p50/p95 of the
 *   main list queries over HTTP.
 * - notifications (notifications/notifications-benchmark.ts, imported; its phases as that benchmark defines them):
 *   commit → webhook arrival.
 * - audit (libs/audit/src/testing/*-benchmark.ts, child processes): offline verification, checkpoint build.
 *
 * Env: BENCH_QUICK=1 shrinks every size for a smoke check (minutes instead of half an hour); BENCH_ONLY=transitions,
 * search,notifications,audit picks some; BENCH_WRITE=0 leaves the README alone. The transitions benchmark's own
 * knobs (BENCH_TRANSITIONS, BENCH_CLIENTS, BENCH_PER_CLIENT, BENCH_PROFILE_TRANSITIONS) apply too.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { format, resolveConfig } from 'prettier';
import { withAdminClient } from '@liaison/testing';
import { runNotificationsBenchmark } from './notifications/notifications-benchmark';
import { runSearchBenchmark, type SearchQueryResult } from './search/api-latency';
import { ROOT } from './transitions/apps';
import { agent } from './transitions/http-load';
import {
  printTransitionsReport,
  runTransitionsBenchmark,
  transitionsOptionsFromEnv,
  transitionsSummary,
  type TransitionsResult,
} from './transitions/run';

const QUICK = process.env['BENCH_QUICK'] === '1';
const ONLY = new Set((process.env['BENCH_ONLY'] ?? 'transitions,search,notifications,audit').split(','));
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const README = join(__dirname, 'README.md');
const START = '<!-- bench:results:start (written by npm run bench: test/bench/run-all.ts) -->';
const END = '<!-- bench:results:end -->';

const SIZES = QUICK
  ? {
      transitions: 3_200,
      perClient: 60,
      searchRequests: 50_000,
      searchRuns: 50,
      verify: 100_000,
      checkpoint: 20_000,
    }
  : {
      transitions: 20_000,
      perClient: 125,
      searchRequests: 1_000_000,
      searchRuns: 200,
      verify: 1_000_000,
      checkpoint: 100_000,
    };

type Row = [benchmark: string, measure: string, result: string, target: string];

async function main(): Promise<void> {
  const started = new Date();
  const machineAtStart = await machine();
  const rows: Row[] = [];
  const section = async (name: string, work: () => Promise<Row[]>) => {
    if (!ONLY.has(name)) return;
    console.log(`\n=== ${name} ===`);
    try {
      rows.push(...(await work()));
    } catch (error) {
      console.error(error);
      rows.push([name, 'failed', String((error as Error).message ?? error).slice(-300), '']);
    }
  };
  await section('transitions', transitions);
  await section('search', search);
  await section('notifications', notifications);
  await section('audit', audit);
  const table = render(rows, started, machineAtStart, loadavg());
  console.log(`\n${table}`);
  if (process.env['BENCH_WRITE'] !== '0') await writeReadme(table);
}

// ---------------------------------------------------------------------------------------------------------------
// Sections

async function transitions(): Promise<Row[]> {
  const options = transitionsOptionsFromEnv({
    transitions: SIZES.transitions,
    perClient: SIZES.perClient,
    profileTransitions: 0,
  });
  const result = await runTransitionsBenchmark(options);
  printTransitionsReport(options, result);
  const s = transitionsSummary(result);
  const name = `Transitions (HTTP, ${options.clients} clients, ${result.load.calls.toLocaleString('en')})`;
  const messages = result.scripts.map((script) => `${script.statements} statements in ${script.messages} round trips`);
  return [
    [
      name,
      'throughput: ours / pgbench on the same SQL, same run',
      `${f(s.tps)} / ${f(s.pgbenchTps)} tx/s: ratio **${f(s.ratio, 3)}**`,
      'ratio ≥ 0.35',
    ],
    [
      name,
      'latency p50 / p99 / max',
      `${f(s.p50)} / **${f(s.p99)}** / ${f(s.max)} ms, ${result.load.failures} failed`,
      'p99 < 50 ms',
    ],
    ...(s.paced
      ? [
          [
            name,
            `latency p50 / p99, paced (open loop) at ${s.paced.rate}/s: ${Math.round(options.pacedShare * 100)} % of the throughput above`,
            `${f(s.paced.p50)} / **${f(s.paced.p99)}** ms over ${s.paced.calls.toLocaleString('en')}, ${s.paced.failures} failed`,
            'p99 < 50 ms',
          ] as Row,
        ]
      : []),
    [name, 'CPU per transition: api / worker / PostgreSQL / load generator', cpuLine(result), ''],
    [name, 'peak RSS: api / worker (sampled each second; kernel peak)', memoryLine(result), '< 400 MB each'],
    [
      name,
      'SQL of one transition (captured from the server log)',
      [...new Set(messages)].join('; ') || 'not captured',
      '',
    ],
  ];
}

function cpuLine(result: TransitionsResult): string {
  const { cpu, pgbench } = result;
  const ours = `${f(cpu.api, 2)} / ${f(cpu.worker, 2)} / ${f(cpu.postgres, 2)} / ${f(cpu.client, 2)} ms`;
  return pgbench ? `${ours} (pgbench's backends: ${f(pgbench.postgresCpuMs, 2)} ms)` : ours;
}

function memoryLine(result: TransitionsResult): string {
  const { api, worker } = result.memory;
  const mb = (mib: number) => f((mib * 2 ** 20) / 1e6, 0);
  return `${mb(api.sampledPeak)} / ${mb(worker.sampledPeak)} MB (${mb(api.peak)} / ${mb(worker.peak)} MB)`;
}

async function search(): Promise<Row[]> {
  const results: SearchQueryResult[] = await runSearchBenchmark({
    requests: SIZES.searchRequests,
    runs: SIZES.searchRuns,
    redisUrl: REDIS_URL,
  });
  const name = `Search (HTTP, ${SIZES.searchRequests.toLocaleString('en')} requests, ${SIZES.searchRuns} runs each)`;
  return results.map((query) => [
    name,
    `${query.name} (${query.rows} rows)`,
    `p50 ${f(query.p50)} / p95 **${f(query.p95)}** ms`,
    'p95 < 30 ms',
  ]);
}

async function notifications(): Promise<Row[]> {
  const rows = await runNotificationsBenchmark({
    ...(QUICK ? { rates: [50], seconds: 10, saturationTransitions: 300, warmup: 100 } : {}),
    log: (line) => console.log(line),
  });
  return rows.flatMap((row) =>
    row.phases.map((phase): Row => [
      'Notifications: commit → webhook arrival',
      `${phase.phase}: ${phase.transitions.toLocaleString('en')} approvals at ${f(phase.rate, 0)}/s, ${phase.webhooks} webhooks`,
      `p50 ${phase.p50} / p95 ${phase.p95} / p99 **${phase.p99}** ms${phase.failed ? `, ${phase.failed} failed` : ''}`,
      'p99 < 500 ms',
    ]),
  );
}

async function audit(): Promise<Row[]> {
  const verify = await script('test/bench/audit/verify-benchmark.ts', [String(SIZES.verify)]);
  const rate = /verified (\d+) entries .* in ([\d.]+) s: (\d+) entries\/s/.exec(verify);
  const checkpoint = await script('test/bench/audit/checkpoint-benchmark.ts', [String(SIZES.checkpoint)]);
  const built = /over (\d+) entries in ([\d.]+) s/.exec(checkpoint);
  return [
    [
      'Audit: offline verification (synthetic export)',
      `${SIZES.verify.toLocaleString('en')} entries`,
      rate ? `**${Number(rate[3]).toLocaleString('en')}** entries/s (${rate[2]} s)` : `failed: ${verify.slice(-200)}`,
      '≥ 200,000 entries/s',
    ],
    [
      'Audit: checkpoint build (Merkle tree + Ed25519)',
      `${SIZES.checkpoint.toLocaleString('en')} entries`,
      built ? `${built[2]} s` : `failed: ${checkpoint.slice(-200)}`,
      '',
    ],
  ];
}

/** Runs a benchmark script as a child process, its output shown and returned. */
async function script(path: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const child = spawn(join(ROOT, 'node_modules/.bin/node'), ['-r', '@swc-node/register', path, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  const code = await new Promise<number | null>((resolveCode) => child.on('close', resolveCode));
  if (code !== 0) throw new Error(`${path} exited with ${code}`);
  return output;
}

// ---------------------------------------------------------------------------------------------------------------
// Machine and report

interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  postgres: string;
  redis: string;
  node: string;
  load: number[];
}

async function machine(): Promise<Machine> {
  const postgres = await withAdminClient(async (client) => {
    const { rows } = await client.query<{ v: string }>(`select current_setting('server_version') as v`);
    return rows[0]?.v ?? '?';
  });
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const info = await redis.info('server');
  redis.disconnect();
  const os = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? process.platform;
  const node = execFileSync(join(ROOT, 'node_modules/.bin/node'), ['--version']).toString().trim();
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os,
    postgres,
    redis: /redis_version:(\S+)/.exec(info)?.[1] ?? '?',
    node,
    load: loadavg(),
  };
}

function render(rows: Row[], started: Date, at: Machine, loadAtEnd: number[]): string {
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');
  const minutes = ((Date.now() - started.getTime()) / 60_000).toFixed(0);
  const lines = [
    `Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC (${minutes} min${QUICK ? ', **BENCH_QUICK=1: reduced sizes, a smoke check**' : ''}) ` +
      `on ${at.cores} × ${at.cpu}, ${at.memoryGiB} GiB, ${at.os}; PostgreSQL ${at.postgres}, Redis ${at.redis}, ` +
      `Node ${at.node}; api, worker, PostgreSQL, Redis and the load generators on the same machine. ` +
      `Load average (1/5/15 min) ${load(at.load)} at the start, ${load(loadAtEnd)} at the end.`,
    '',
    '| benchmark | measure | result | target |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.map((cell) => cell.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|')).join(' | ')} |`),
  ];
  return lines.join('\n');
}

async function writeReadme(table: string): Promise<void> {
  const readme = readFileSync(README, 'utf8');
  const section = `${START}\n\n${table}\n\n${END}`;
  const at = readme.indexOf(START.slice(0, START.indexOf(' (')));
  const end = readme.indexOf(END);
  const updated =
    at >= 0 && end > at
      ? `${readme.slice(0, at)}${section}${readme.slice(end + END.length)}`
      : readme.replace(/^(# [^\n]*\n)/, `$1\n## Latest \`npm run bench\`\n\n${section}\n`);
  const options = await resolveConfig(README);
  writeFileSync(README, await format(updated, { ...options, filepath: README }));
  console.log(`\nwritten to ${README}`);
}

function f(value: number | undefined, digits = 1): string {
  return value === undefined || Number.isNaN(value)
    ? 'n/a'
    : value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

main().then(
  () => agent.destroy(),
  (error: unknown) => {
    agent.destroy();
    console.error(error);
    process.exitCode = 1;
  },
);
