/**
 * Benchmark: the offline verifier (`liaison-audit verify`, libs/audit/src/cli) over a large export.
 *
 *   node -r @swc-node/register test/bench/audit/verify-export.ts   (or: npm run bench:audit-verify-export)
 *
 * Writes a synthetic export of BENCH_ENTRIES entries (default 1,000,000) in the exact format of
 * GET /v1/audit/export (header, Ed25519-signed checkpoints of BENCH_CHECKPOINT_SIZE entries with RFC 6962 inclusion
 * proofs, hash-chained entries over 5,000 streams, end line) to a temporary file, then runs the real CLI on it as a
 * child process, BENCH_REPEATS times (default 3): `liaison-audit.cjs verify <file> --public-key <pem> --json`, with
 * `--threads BENCH_THREADS` when set (default: the CLI's, one thread per core; 1: no worker thread).
 * Reports the CLI's own verification time (entries/s), the child's wall time (including Node start and swc
 * compilation) and its peak resident memory (from /usr/bin/time when installed). The file is deleted at the end
 * unless BENCH_KEEP=1.
 */
import { execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const NODE = resolve(ROOT, 'node_modules/.bin/node');
const CLI = resolve(ROOT, 'libs/audit/src/cli/liaison-audit.cjs');
const TIME = '/usr/bin/time';
/**
 * The export writer of the verifier's own tests and of these benchmarks (not part of the audit lib's
 * public entry point, hence loaded by path).
 */
const SYNTHETIC_TRAIL = resolve(ROOT, 'libs/audit/src/testing/synthetic-trail.ts');

type SyntheticExportLines = (
  options: { entries: number; checkpointSize: number; streams: number },
  privateKey: KeyObject,
  publicKey: KeyObject,
) => Generator<string>;

export interface VerificationOptions {
  entries?: number;
  checkpointSize?: number;
  repeats?: number;
  /** The CLI's `--threads` (default: its own, one per core). */
  threads?: number;
  /** Keep the export (its directory is logged). */
  keep?: boolean;
  log?: (line: string) => void;
}

export interface VerificationResult {
  entries: number;
  /** The threads the CLI was told to use, or null for its default. */
  threads: number | null;
  checkpointSize: number;
  mib: number;
  writeSeconds: number;
  runs: CliRun[];
  /** Median of the runs' entries/s (the CLI's own timing of the verification). */
  medianRate: number;
}

export interface CliRun {
  ok: boolean;
  entries: number;
  checkpoints: number;
  seconds: number;
  wallSeconds: number;
  maxRssMiB: number | null;
  cpuSeconds: number | null;
}

/** Writes the export, runs the CLI `repeats` times on it, answers the runs. */
export async function benchmarkVerification(options: VerificationOptions = {}): Promise<VerificationResult> {
  const entries = options.entries ?? 1_000_000;
  const checkpointSize = options.checkpointSize ?? 100_000;
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-verify-'));
  try {
    const file = join(dir, 'export.jsonl');
    const keyFile = join(dir, 'public-key.pem');
    const writeStarted = Date.now();
    await writeExport(file, keyFile, entries, checkpointSize);
    const writeSeconds = (Date.now() - writeStarted) / 1000;
    const mib = statSync(file).size / 2 ** 20;
    log(`export of ${entries} entries written (${mib.toFixed(0)} MiB) in ${writeSeconds.toFixed(1)} s`);
    const runs: CliRun[] = [];
    for (let run = 1; run <= (options.repeats ?? 3); run += 1) {
      const result = await verify(file, keyFile, options.threads);
      runs.push(result);
      log(
        `run ${run}: ${result.ok ? 'VERIFIED' : 'FAILED'} ${result.entries} entries, ${result.checkpoints} checkpoints ` +
          `in ${result.seconds.toFixed(2)} s (${rate(result)} entries/s, ${cpuRate(result)} per CPU-second); ` +
          `process wall ${result.wallSeconds.toFixed(2)} s, peak RSS ` +
          `${result.maxRssMiB === null ? 'n/a' : `${result.maxRssMiB.toFixed(0)} MiB`}`,
      );
      if (!result.ok) throw new Error('the verifier rejected the synthetic export');
    }
    const rates = runs.map(rate).sort((a, b) => a - b);
    const medianRate = rates[Math.floor(rates.length / 2)];
    return { entries, threads: options.threads ?? null, checkpointSize, mib, writeSeconds, runs, medianRate };
  } finally {
    if (options.keep) log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const result = await benchmarkVerification({
    entries: Number(process.env['BENCH_ENTRIES'] ?? 1_000_000),
    checkpointSize: Number(process.env['BENCH_CHECKPOINT_SIZE'] ?? 100_000),
    repeats: Number(process.env['BENCH_REPEATS'] ?? 3),
    threads: process.env['BENCH_THREADS'] ? Number(process.env['BENCH_THREADS']) : undefined,
    keep: process.env['BENCH_KEEP'] === '1',
    log: (line) => console.log(line),
  });
  report(result);
}

/** A synthetic export of `entries` entries and its public key, as PEM in `keyFile`. */
export async function writeExport(
  file: string,
  keyFile: string,
  entries: number,
  checkpointSize: number,
): Promise<void> {
  const { syntheticExportLines } = (await import(SYNTHETIC_TRAIL)) as { syntheticExportLines: SyntheticExportLines };
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const out = createWriteStream(file);
  const options = { entries, checkpointSize, streams: 5_000 };
  for (const line of syntheticExportLines(options, privateKey, publicKey)) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  writeFileSync(keyFile, publicKey.export({ format: 'pem', type: 'spki' }));
}

/** The CLI as an auditor runs it, in its own process; `--json` gives its own timing of the verification. */
async function verify(file: string, keyFile: string, threads?: number): Promise<CliRun> {
  const args = [CLI, 'verify', file, '--public-key', keyFile, '--json'];
  if (threads !== undefined) args.push('--threads', String(threads));
  const timed = existsSync(TIME);
  const child = timed
    ? spawn(TIME, ['-f', 'maxrss_kib=%M cpu_s=%U+%S', NODE, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(NODE, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const started = Date.now();
  const [code] = (await once(child, 'exit')) as [number | null];
  const wallSeconds = (Date.now() - started) / 1000;
  if (code !== 0 && code !== 1) throw new Error(`liaison-audit exited with ${code}: ${stderr}`);
  const report = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
    ok: boolean;
    entries: number;
    checkpoints: number;
    seconds: number;
  };
  const rss = /maxrss_kib=(\d+)/.exec(stderr);
  const cpu = /cpu_s=([\d.]+)\+([\d.]+)/.exec(stderr);
  return {
    ...report,
    wallSeconds,
    maxRssMiB: rss ? Number(rss[1]) / 1024 : null,
    cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : null,
  };
}

function report(result: VerificationResult): void {
  const { runs } = result;
  const rates = runs.map(rate).sort((a, b) => a - b);
  const rss = runs.map((run) => run.maxRssMiB).filter((value): value is number => value !== null);
  const cpu = runs
    .map(cpuRate)
    .filter((value): value is number => value !== null)
    .sort((a, b) => a - b);
  console.log(
    `\nOffline verification benchmark (${machine()}, load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')})`,
  );
  console.log(
    '| export | runs | entries/s (median) | min–max | entries per CPU-second (median) | peak RSS of the verifier |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `| ${result.entries} entries, ${result.mib.toFixed(0)} MiB, checkpoints of ${result.checkpointSize}, ` +
      `${result.threads === null ? 'default threads' : `--threads ${result.threads}`} | ${runs.length} | ` +
      `${result.medianRate} | ${rates[0]}–${rates[rates.length - 1]} | ${cpu.length ? cpu[Math.floor(cpu.length / 2)] : 'n/a'} | ` +
      `${rss.length ? `${Math.max(...rss).toFixed(0)} MiB` : 'n/a'} |`,
  );
}

const rate = (run: CliRun) => Math.round(run.entries / run.seconds);
/** Entries per second of the verifier process's own CPU time (user + system, Node start included): what another
 * process's load does not change much. */
const cpuRate = (run: CliRun) => (run.cpuSeconds === null ? null : Math.round(run.entries / run.cpuSeconds));

function machine(): string {
  const memory = execFileSync('free', ['-g']).toString().split('\n')[1]?.split(/\s+/)[1];
  return `${new Date().toISOString()}, ${cpus()[0]?.model ?? 'cpu'} ×${availableParallelism()}, ${memory} GiB, Node ${process.version}`;
}

if (require.main === module) {
  void main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
