import { generateKeyPairSync } from 'node:crypto';
import { createWriteStream, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { verifyExportFile } from '../cli/liaison-audit';
import { syntheticExportLines } from './synthetic-trail';

/**
 * `node -r @swc-node/register libs/audit/src/testing/verify-benchmark.ts [entries] [checkpointSize] [threads]`:
 * writes a synthetic export and times the offline verifier over it, in this process (threads: the verifier's
 * worker threads, by default one per core; 1 for none).
 */
async function main(): Promise<void> {
  const entries = Number(process.argv[2] ?? 1_000_000);
  const checkpointSize = Number(process.argv[3] ?? 100_000);
  const threads = process.argv[4] ? Number(process.argv[4]) : availableParallelism();
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const dir = mkdtempSync(join(tmpdir(), 'liaison-audit-bench-'));
  const file = join(dir, 'export.jsonl');
  const out = createWriteStream(file);
  for (const line of syntheticExportLines({ entries, checkpointSize, streams: 5_000 }, privateKey, publicKey)) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  writeFileSync(join(dir, 'key.pem'), publicKey.export({ format: 'pem', type: 'spki' }));
  const started = process.hrtime.bigint();
  const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
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
