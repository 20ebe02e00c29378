import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { syntheticTrail, type SyntheticTrail } from '../testing/synthetic-trail';
import { ExportVerifier } from './export-verifier';
import { main, verifyExportFile } from './liaison-audit';

function verify(trail: SyntheticTrail, lines = trail.lines) {
  const verifier = new ExportVerifier(trail.publicKey);
  for (const line of lines) if (!verifier.push(line)) break;
  return verifier.finish();
}

/** Flips one bit of the character at `at` (kept printable: only letters and digits are touched). */
function flip(line: string, at: number): string {
  const code = line.charCodeAt(at);
  const flipped = code === 48 ? 49 : code ^ 1;
  return line.slice(0, at) + String.fromCharCode(flipped) + line.slice(at + 1);
}

/** The end line with another entry count. */
function endLine(line: string, entries: number): string {
  return JSON.stringify({ ...(JSON.parse(line) as object), entries });
}

describe('offline verification of an export', () => {
  const trail = syntheticTrail({ entries: 12_000, checkpointSize: 5_000, uncheckpointed: 500 });
  const entryLines = trail.lines
    .map((line, i) => [line, i] as const)
    .filter(([line]) => line.startsWith('{"type":"entry"'));

  it('verifies a clean export of 12,000 entries', () => {
    expect(verify(trail)).toMatchObject({
      ok: true,
      entries: 12_000,
      checkpoints: 3,
      uncheckpointed: 500,
      failure: null,
    });
  });

  it('checks a partial export’s stream from the entry its withheld line names, and only then', () => {
    type Line = { type: string; entry?: { stream: string; seq: number }; prevHash?: string; entries?: number };
    const parsed = trail.lines.map((line) => JSON.parse(line) as Line);
    const stream = parsed.find((line) => line.type === 'entry')?.entry?.stream as string;
    const dropped = (line: Line) => line.entry?.stream === stream && line.entry.seq < 3;
    const third = parsed.find((line) => line.entry?.stream === stream && line.entry.seq === 3) as Line;
    const kept = trail.lines.filter((_, i) => !dropped(parsed[i]));
    const entries = kept.filter((line) => line.startsWith('{"type":"entry"')).length;
    const [header, ...rest] = kept.map((line) => (line.startsWith('{"type":"end"') ? endLine(line, entries) : line));
    const partial = header.replace('"scope":"all"', '"scope":"partial"');
    const withheld = JSON.stringify({ type: 'withheld', stream, fromSeq: 3, prevHash: third.prevHash });

    expect(verify(trail, [partial, ...rest]).failure?.reason).toMatch(/missing before this one \(dropped\)/);
    expect(verify(trail, [partial, withheld, ...rest])).toMatchObject({ ok: true, withheldStreams: 1, entries });
    expect(verify(trail, [header, withheld, ...rest]).failure?.reason).toBe(
      'a withheld line in an export of the whole trail',
    );
    expect(verify(trail, [partial, rest[0], rest[1], withheld, ...rest.slice(2)]).failure?.reason).toBe(
      'a withheld line after checkpoints or entries',
    );
    expect(verify(trail, [partial, withheld, withheld, ...rest]).failure?.reason).toBe(
      `stream ${stream} is withheld twice`,
    );
  });

  it('detects a flipped byte anywhere in an entry, and names that entry', () => {
    const [line, index] = entryLines[4_321];
    const id = (JSON.parse(line) as { entry: { id: string } }).entry.id;
    const positions = [10, line.indexOf('"hash"') + 12, line.indexOf('"prevHash"') + 20, line.indexOf('"proof"') + 15];
    positions.push(
      line.indexOf('"action"') + 12,
      line.indexOf('"data"') + 15,
      line.length - 20,
      line.indexOf('"seq"') + 6,
    );
    for (const at of positions) {
      const lines = [...trail.lines];
      lines[index] = flip(line, at);
      const report = verify(trail, lines);
      expect(report.ok).toBe(false);
      expect(report.failure?.line).toBe(index + 1);
      if (report.failure?.entryId !== 'undefined' && !report.failure?.reason.includes('JSON')) {
        expect([id, undefined]).toContain(report.failure?.entryId);
      }
    }
  });

  it('detects every single-byte change of an entry line, checkpointed or not', () => {
    const small = syntheticTrail({ entries: 40, checkpointSize: 16, uncheckpointed: 5 });
    const lines = small.lines;
    for (const index of [20, lines.length - 3]) {
      const line = lines[index];
      for (let at = 0; at < line.length; at += 1) {
        const changed = [...lines];
        changed[index] = line.slice(0, at) + (line[at] === 'x' ? 'y' : 'x') + line.slice(at + 1);
        expect(verify(small, changed).ok).toBe(false);
      }
    }
  });

  it('reads entry lines from their bytes with exactly the findings of the parsed path', () => {
    const small = syntheticTrail({ entries: 40, checkpointSize: 16, uncheckpointed: 5 });
    const parsed = (lines: string[]) => {
      const verifier = new ExportVerifier(small.publicKey, { parsedOnly: true });
      for (const line of lines) if (!verifier.push(line)) break;
      return verifier.finish();
    };
    expect(verify(small)).toEqual(parsed(small.lines));
    const replacements = ['x', '0', '"', '\\', 'é'];
    let changes = 0;
    for (const index of [9, 20, small.lines.length - 3]) {
      const line = small.lines[index];
      for (let at = 0; at < line.length; at += 1) {
        for (const replacement of replacements.filter((_, i) => (at + i) % 2 === 0)) {
          if (line[at] === replacement) continue;
          const changed = [...small.lines];
          changed[index] = line.slice(0, at) + replacement + line.slice(at + 1);
          expect(verify(small, changed)).toEqual(parsed(changed));
          changes += 1;
        }
      }
    }
    // lines dropped, swapped, duplicated, and a proof hash copied from the neighbouring leaf
    const alterations = [
      small.lines.filter((_, i) => i !== 10),
      small.lines.map((line, i) => (i === 10 ? small.lines[11] : i === 11 ? small.lines[10] : line)),
      [...small.lines.slice(0, 12), small.lines[11], ...small.lines.slice(12)],
      small.lines.map((line, i) =>
        i === 13
          ? line.replace(/"proof":\["[0-9a-f]{64}"/, small.lines[14].match(/"proof":\["[0-9a-f]{64}"/)?.[0] ?? '')
          : line,
      ),
    ];
    for (const lines of alterations) expect(verify(small, lines)).toEqual(parsed(lines));
    expect(changes).toBeGreaterThan(5_000);
  });

  it('detects a changed byte in a checkpoint line', () => {
    const index = trail.lines.findIndex((line) => line.startsWith('{"type":"checkpoint"'));
    const line = trail.lines[index];
    for (let at = 1; at < line.length - 1; at += 7) {
      const lines = [...trail.lines];
      lines[index] = line.slice(0, at) + (line[at] === 'x' ? 'y' : 'x') + line.slice(at + 1);
      expect(verify(trail, lines).ok).toBe(false);
    }
  });

  it('detects a dropped entry, in a checkpoint and after the last one', () => {
    for (const [, index] of [entryLines[6_000], entryLines[11_600]]) {
      const lines = trail.lines.filter((_, i) => i !== index);
      const report = verify(trail, lines);
      expect(report.ok).toBe(false);
      expect(report.failure?.reason).toMatch(/missing|dropped|expected leaf|end line counts/);
    }
  });

  it('detects a swapped pair of entries, in a checkpoint and after the last one', () => {
    for (const [, index] of [entryLines[100], entryLines[11_700]]) {
      const lines = [...trail.lines];
      [lines[index], lines[index + 97]] = [lines[index + 97], lines[index]];
      expect(verify(trail, lines).ok).toBe(false);
    }
  });

  it('detects a dropped checkpoint, a cut-off export and another signing key', () => {
    const checkpointLine = trail.lines.findIndex((line) => line.startsWith('{"type":"checkpoint"'));
    expect(
      verify(
        trail,
        trail.lines.filter((_, i) => i !== checkpointLine),
      ).ok,
    ).toBe(false);
    expect(verify(trail, trail.lines.slice(0, -1)).failure?.reason).toMatch(/cut off/);
    const stranger = { ...trail, publicKey: generateKeyPairSync('ed25519').publicKey };
    expect(verify(stranger).failure?.reason).toMatch(/another key/);
  });

  it('reads a file and a PEM key (what the CLI does)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-audit-'));
    writeFileSync(join(dir, 'export.jsonl'), `${trail.lines.join('\n')}\n`);
    const report = await verifyExportFile(join(dir, 'export.jsonl'), trail.publicKeyPem);
    expect(report.ok).toBe(true);
  });

  it('says how many entries after the last checkpoint are chain-checked only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-audit-'));
    writeFileSync(join(dir, 'export.jsonl'), `${trail.lines.join('\n')}\n`);
    writeFileSync(join(dir, 'key.pem'), trail.publicKeyPem);
    const output = await cliOutput(['verify', join(dir, 'export.jsonl'), '--public-key', join(dir, 'key.pem')]);
    expect(output).toContain('VERIFIED: 12000 entries in');
    expect(output).toContain(
      '500 entries after checkpoint #3 are chain-checked only (not yet covered by a signed checkpoint)',
    );
    const json = JSON.parse(
      await cliOutput(['verify', join(dir, 'export.jsonl'), '--public-key', join(dir, 'key.pem'), '--json']),
    ) as { uncheckpointed: number; lastCheckpoint: number };
    expect(json).toMatchObject({ uncheckpointed: 500, lastCheckpoint: 3 });
  });
});

async function cliOutput(argv: string[]): Promise<string> {
  const written: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await main([...argv, '--threads', '1']);
  } finally {
    write.mockRestore();
  }
  return written.join('');
}
