/**
 * The audit rows of the benchmark table, for the orchestrator: offline verification of a synthetic export by the
 * CLI (`verify-export.ts`), and the build of one signed checkpoint over 100,000 entries in a scratch database
 * (`checkpoint-benchmark.ts`).
 */
import { benchmarkCheckpointBuild } from './checkpoint-benchmark';
import { benchmarkVerification, type VerificationOptions } from './verify-export';

export interface BenchRow {
  benchmark: string;
  howToRun: string;
  result: string;
}

export interface AuditBenchmarkOptions {
  verification?: VerificationOptions;
  /** Entries under the one checkpoint built (default 100,000). */
  checkpointEntries?: number;
  log?: (line: string) => void;
}

export async function runAuditBenchmarks(options: AuditBenchmarkOptions = {}): Promise<BenchRow[]> {
  const verification = await benchmarkVerification({ log: options.log, ...options.verification });
  const checkpoint = await benchmarkCheckpointBuild(options.checkpointEntries ?? 100_000);
  const rates = verification.runs.map((run) => Math.round(run.entries / run.seconds)).sort((a, b) => a - b);
  const cpu = verification.runs
    .filter((run) => run.cpuSeconds !== null)
    .map((run) => Math.round(run.entries / (run.cpuSeconds as number)))
    .sort((a, b) => a - b);
  const rss = Math.max(...verification.runs.map((run) => run.maxRssMiB ?? 0));
  return [
    {
      benchmark: `Offline audit verification, ${verification.entries.toLocaleString('en')} entries (CLI)`,
      howToRun: '`npm run bench:audit-verify-export` ([notes](audit/README.md))',
      result:
        `${verification.medianRate.toLocaleString('en')} entries/s median of ${rates.length} ` +
        `(${rates[0].toLocaleString('en')}–${rates[rates.length - 1].toLocaleString('en')}` +
        (cpu.length
          ? `; ${cpu[Math.floor(cpu.length / 2)].toLocaleString('en')} per CPU-second, Node start included`
          : '') +
        `; ${verification.mib.toFixed(0)} MiB export; peak RSS ${rss.toFixed(0)} MiB)`,
    },
    {
      benchmark: `Checkpoint build, ${checkpoint.entries.toLocaleString('en')} entries`,
      howToRun: '`npm run bench:audit-checkpoint`',
      result: `${checkpoint.seconds.toFixed(2)} s (leaves read, Merkle tree, Ed25519 signature, row written)`,
    },
  ];
}
