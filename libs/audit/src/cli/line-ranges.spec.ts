import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLineRange } from './line-ranges';
import { forEachLineBytes } from './read-lines';

async function linesOf(path: string): Promise<string[]> {
  const lines: string[] = [];
  await forEachLineBytes(path, (bytes, start, end) => lines.push(bytes.toString('latin1', start, end)) > 0);
  return lines;
}

/** The lines of the ranges `[0, size)`, `[size, 2 size)`, … split as checked-batch.ts splits them. */
function rangedLines(path: string, size: number): string[] {
  const fd = openSync(path, 'r');
  const lines: string[] = [];
  let spare: Buffer | undefined;
  for (let from = 0, length = statSync(path).size; from < length; from += size) {
    const { buffer, begin, end } = readLineRange(fd, from, Math.min(from + size, length), spare);
    const text = buffer.toString('latin1', begin, end);
    if (text) lines.push(...(text.endsWith('\n') ? text.slice(0, -1) : text).split('\n'));
    spare = from % 2 === 0 ? buffer : undefined;
  }
  closeSync(fd);
  return lines;
}

describe('reading the lines of a file range by range', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-audit-ranges-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const long = 'y'.repeat(70_000);
  const contents = {
    'short lines': Array.from({ length: 300 }, (_, i) => `line ${i}`).join('\n'),
    'a last newline': `${Array.from({ length: 300 }, (_, i) => `line ${i}`).join('\n')}\n`,
    'lines longer than a range': ['a', long, 'b', `${long}${long}`, 'c', long].join('\n'),
    'empty lines': '\n\nx\n\n\ny\n\n',
    'one line': 'no newline at all',
    'only a newline': '\n',
    nothing: '',
  };

  it.each(Object.entries(contents))('has the lines of a file with %s, each once and in order', async (name, text) => {
    const path = join(dir, `${name}.jsonl`);
    writeFileSync(path, text);
    const expected = await linesOf(path);
    // ranges of 1 and 2 bytes on the small files only (each range reads ahead 64 KiB)
    const sizes = [1, 2, 7, 100, 4_096, 1 << 20].filter((size) => size > 2 || text.length < 10_000);
    for (const size of sizes) expect(rangedLines(path, size)).toEqual(expected);
  });
});
