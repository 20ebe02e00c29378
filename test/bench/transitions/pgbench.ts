/** pgbench on the captured scripts, at the benchmark's concurrency, with the CPU its backends used. */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { trackBackendCpu } from './backend-cpu';

export interface PgbenchResult {
  tps: number;
  latencyAverage: number;
  transactions: number;
  failed: number;
  /** CPU of the database's backends per transaction, ms. */
  postgresCpuMs: number;
  output: string;
}

export function pgbenchBinary(): string | undefined {
  try {
    return execFileSync('which', ['pgbench']).toString().trim() || undefined;
  } catch {
    const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort().reverse() : [];
    return versions.map((v) => `/usr/lib/postgresql/${v}/bin/pgbench`).find((file) => existsSync(file));
  }
}

/** `-n -M simple -c clients -j 2 -t perClient`, the scripts at equal weight; undefined (with a warning) on failure. */
export async function runPgbench(
  appUrl: string,
  scripts: string[],
  options: { clients: number; perClient: number },
): Promise<PgbenchResult | undefined> {
  const binary = pgbenchBinary();
  if (!binary) {
    console.warn('pgbench not found: comparison skipped');
    return undefined;
  }
  const url = new URL(appUrl);
  const database = url.pathname.slice(1);
  const args = [
    ...['-n', '-M', 'simple', '-c', String(options.clients), '-j', '2', '-t', String(options.perClient)],
    ...scripts.flatMap((script) => ['-f', `${script}@1`]),
    ...['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username), database],
  ];
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(url.password) };
  const cpu = await trackBackendCpu(database);
  const child = spawn(binary, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-3000)));
  const code = await new Promise<number | null>((resolveCode) => child.on('close', resolveCode));
  const postgresCpu = await cpu.stop();
  if (code !== 0) {
    console.warn(`pgbench failed (exit ${code}):\n${output}\n${errors}`);
    return undefined;
  }
  const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? NaN);
  const transactions = number(/number of transactions actually processed: (\d+)/);
  return {
    tps: number(/tps = ([\d.]+) \(without initial connection time\)/),
    latencyAverage: number(/latency average = ([\d.]+) ms/),
    transactions,
    failed: number(/number of failed transactions: (\d+)/) || 0,
    postgresCpuMs: postgresCpu / transactions,
    output,
  };
}
