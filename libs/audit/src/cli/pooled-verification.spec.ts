import { hash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticTrail } from '../testing/synthetic-trail';
import { ExportVerifier } from './export-verifier';
import { verifyExportFile } from './liaison-audit';
import { feedInPool } from './pooled-verification';

const ENTRY_MARK = ',"entry":';

/** An entry line with another previous hash, and the hash that goes with it (its chain broken, its hash right). */
function relinked(line: string, prevHash: string): string {
  const entry = line.slice(line.indexOf(ENTRY_MARK) + ENTRY_MARK.length, -1);
  return line
    .replace(/"prevHash":"[0-9a-f]{64}"/, `"prevHash":"${prevHash}"`)
    .replace(/"hash":"[0-9a-f]{64}"/, `"hash":"${hash('sha256', prevHash + entry)}"`);
}

function replaced(lines: string[], index: number, line: string): string[] {
  return lines.map((each, i) => (i === index ? line : each));
}

describe('verification with worker threads', () => {
  const trail = syntheticTrail({ entries: 6_000, checkpointSize: 2_000, uncheckpointed: 400 });
  const { lines } = trail;
  const dir = mkdtempSync(join(tmpdir(), 'liaison-audit-pool-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let files = 0;
  const fileOf = (content: string) => {
    const file = join(dir, `export-${(files += 1)}.jsonl`);
    writeFileSync(file, content);
    return file;
  };
  const entryAt = (from: number) => lines.findIndex((line, i) => i >= from && line.startsWith('{"type":"entry"'));
  const inCheckpoint = entryAt(2_500);
  const inTail = lines.findIndex((line, i) => i > 0 && line.includes('"checkpoint":null') && i > lines.length - 200);
  const checkpointLine = lines.findIndex((line, i) => i > 10 && line.startsWith('{"type":"checkpoint"'));

  const exports: Record<string, string> = {
    'a valid export': `${lines.join('\n')}\n`,
    'a valid export without a last newline': lines.join('\n'),
    'a changed entry byte in a checkpoint': replaced(
      lines,
      inCheckpoint,
      lines[inCheckpoint].replace('submit', 'sobmit'),
    ).join('\n'),
    'a changed entry byte after the checkpoints': replaced(lines, inTail, lines[inTail].replace('req-', 'req_')).join(
      '\n',
    ),
    'a broken chain after the checkpoints': replaced(lines, inTail, relinked(lines[inTail], 'ab'.repeat(32))).join(
      '\n',
    ),
    'a broken chain in a checkpoint': replaced(
      lines,
      inCheckpoint,
      relinked(lines[inCheckpoint], 'cd'.repeat(32)),
    ).join('\n'),
    'a wrong checkpoint signature': replaced(
      lines,
      checkpointLine,
      lines[checkpointLine].replace(
        /"signature":"(.)/,
        (_, first: string) => `"signature":"${first === 'A' ? 'B' : 'A'}`,
      ),
    ).join('\n'),
    'a file cut in a line': `${lines.join('\n')}\n`.slice(0, Math.floor(lines.join('\n').length * 0.6)),
    'a file cut after a line': `${lines.slice(0, inCheckpoint + 1).join('\n')}\n`,
    'a dropped entry': lines.filter((_, i) => i !== inCheckpoint + 7).join('\n'),
    'an empty line': replaced(lines, inCheckpoint, '').join('\n'),
    'a line after the end': [...lines, lines[inCheckpoint]].join('\n'),
  };

  it.each(Object.keys(exports))('finds in %s what one thread finds, at the same line', async (name) => {
    const file = fileOf(exports[name]);
    const alone = await verifyExportFile(file, trail.publicKeyPem, { threads: 1 });
    expect(await verifyExportFile(file, trail.publicKeyPem, { threads: 2 })).toEqual(alone);
    // small batches, every one checked in the threads: lines cut between reads, the failure in any batch
    const verifier = new ExportVerifier(trail.publicKey);
    const use = await feedInPool(file, verifier, { threads: 2, batchBytes: 16_384, help: false });
    expect(verifier.finish()).toEqual(alone);
    expect(use.inThreads).toBe(use.batches);
    expect(use.batches).toBeGreaterThan(alone.ok ? 400 : 10);
    expect(alone.ok).toBe(name.startsWith('a valid export'));
  });

  it('verifies a valid export with one thread and with two', async () => {
    const file = fileOf(exports['a valid export']);
    for (const threads of [1, 2]) {
      expect(await verifyExportFile(file, trail.publicKeyPem, { threads })).toEqual({
        ok: true,
        entries: 6_000,
        checkpoints: 3,
        uncheckpointed: 400,
        withheldStreams: 0,
        lastCheckpoint: 3,
        streams: 97,
        failure: null,
      });
    }
  });

  it('names the line of each failure as one thread does', async () => {
    const file = fileOf(exports['a broken chain after the checkpoints']);
    const report = await verifyExportFile(file, trail.publicKeyPem, { threads: 2 });
    expect(report.failure).toMatchObject({
      line: inTail + 1,
      reason: 'the entry does not link to the previous entry of its stream',
    });
  });
});
