import { generateKeyPairSync } from 'node:crypto';
import { createWriteStream, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { verifyExportFile } from '../cli/liaison-audit';
import { syntheticExportLines } from './synthetic-trail';

/**
 * `node -r @swc-node/register libs/audit/src/testing/verify-benchmark.ts [entries] [checkpointSize]`: writes a
 * synthetic export and times the offline verifier over it.
 */
async function main(): Promise<void> {
  const entries = Number(process.argv[2] ?? 1_000_000);
  const checkpointSize = Number(process.argv[3] ?? 100_000);
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
  const report = await verifyExportFile(file, publicKey.export({ format: 'pem', type: 'spki' }).toString());
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const size = (statSync(file).size / 2 ** 20).toFixed(0);
  console.log(
    `${report.ok ? 'verified' : 'FAILED'} ${report.entries} entries (${size} MiB, checkpoints of ${checkpointSize}) ` +
      `in ${seconds.toFixed(2)} s: ${Math.round(report.entries / seconds)} entries/s; file ${file}`,
  );
}

void main();
