import { readSync } from 'node:fs';

const NEWLINE = 0x0a;
/** Read past a range's end at once: the end of its last line is then most often in the same read. */
const LOOK_AHEAD = 64 << 10;

/** Whole lines of a file in `buffer[begin, end)`: each with its newline but the file's last if it has none. */
export interface LineRange {
  buffer: Buffer;
  begin: number;
  end: number;
}

/**
 * The lines of the file `fd` that start in `[from, to)` (a line starts at 0 and after each newline, the file's end
 * excepted): the lines of consecutive ranges are the file's lines, each once, as `forEachLineBytes` reads them.
 * Read with positioned reads (so threads can read ranges of one file at once) into `spare` when it is large enough;
 * a line longer than the range is read whole, by the range it starts in.
 */
export function readLineRange(fd: number, from: number, to: number, spare?: Buffer): LineRange {
  // index i of the buffer is the file's byte origin + i; the byte before `from` tells whether a line starts there
  const origin = Math.max(from - 1, 0);
  const wanted = to - origin + LOOK_AHEAD;
  let buffer = spare && spare.length >= wanted ? spare : Buffer.allocUnsafeSlow(wanted);
  let filled = readAt(fd, buffer, 0, origin);
  const first = from === 0 ? 0 : newlineIn(buffer, 0, filled) + 1;
  if (first <= 0 && from > 0) return { buffer, begin: 0, end: 0 };
  if (first >= to - origin || first >= filled) return { buffer, begin: first, end: first };
  // the last line starting before `to` ends at the first newline from `to - 1` on, or at the file's end
  for (let searched = to - 1 - origin; ;) {
    const newline = newlineIn(buffer, searched, filled);
    if (newline >= 0) return { buffer, begin: first, end: newline + 1 };
    searched = filled;
    if (filled === buffer.length) buffer = grown(buffer, filled);
    const read = readAt(fd, buffer, filled, origin + filled);
    if (read === 0) return { buffer, begin: first, end: filled };
    filled += read;
  }
}

/** The first newline in `buffer[from, filled)`, or -1. */
function newlineIn(buffer: Buffer, from: number, filled: number): number {
  const at = buffer.indexOf(NEWLINE, from);
  return at >= 0 && at < filled ? at : -1;
}

/** Fills `buffer` from `at` with the file's bytes from `position`; answers how many (fewer only at the end). */
function readAt(fd: number, buffer: Buffer, at: number, position: number): number {
  let filled = 0;
  while (at + filled < buffer.length) {
    const read = readSync(fd, buffer, at + filled, buffer.length - at - filled, position + filled);
    if (read === 0) break;
    filled += read;
  }
  return filled;
}

function grown(buffer: Buffer, filled: number): Buffer {
  const larger = Buffer.allocUnsafeSlow(buffer.length * 2);
  buffer.copy(larger, 0, 0, filled);
  return larger;
}
