import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyExportFile } from '@liaison/audit';
import { writeExport } from './verify-export';

/**
 * `node -r @swc-node/register test/bench/audit/verify-benchmark.ts [entries] [checkpointSize] [threads]`
 * (`npm run bench:audit-verify`): writes a synthetic export and times the offline verifier over it, in this process
 * (threads: the verifier's worker threads, by default one per core; 1 for none).
 */
async function main(): Promise<void> {
  const entries = Number(process.argv[2] ?? 1_000_000);
  const checkpointSize = Number(process.argv[3] ?? 100_000);
  const threads = process.argv[4] ? Number(process.argv[4]) : availableParallelism();
  const dir = mkdtempSync(join(tmpdir(), 'liaison-audit-bench-'));
  const file = join(dir, 'export.jsonl');
  const keyFile = join(dir, 'key.pem');
  await writeExport(file, keyFile, entries, checkpointSize);
  const pem = readFileSync(keyFile, 'utf8');
  const started = process.hrtime.bigint();
  const report = await verifyExportFile(file, pem, { threads });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const size = (statSync(file).size / 2 ** 20).toFixed(0);
  console.log(
    `${report.ok ? 'verified' : 'FAILED'} ${report.entries} entries (${size} MiB, checkpoints of ${checkpointSize}, ` +
      `${threads} thread${threads === 1 ? '' : 's'}) ` +
      `in ${seconds.toFixed(2)} s: ${Math.round(report.entries / seconds)} entries/s; file ${file}`,
  );
}

void main();
