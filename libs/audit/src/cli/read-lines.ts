import { open } from 'node:fs/promises';

const CHUNK = 4 << 20;
const NEWLINE = 0x0a;

/**
 * Calls `onLine(bytes, start, end)` for each line of a file (without its newline) until it answers false. The file
 * is read 4 MiB at a time into one reused buffer and lines are handed over as byte ranges of it, valid only during
 * the call: no string and no copy per line (a line longer than the buffer grows it).
 */
export async function forEachLineBytes(
  path: string,
  onLine: (bytes: Buffer, start: number, end: number) => boolean,
): Promise<void> {
  const file = await open(path, 'r');
  try {
    let buffer: Buffer = Buffer.allocUnsafe(CHUNK);
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) buffer = grown(buffer);
      const { bytesRead } = await file.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      const end = filled + bytesRead;
      let start = 0;
      for (let at = buffer.indexOf(NEWLINE, start); at >= 0 && at < end; at = buffer.indexOf(NEWLINE, start)) {
        if (!onLine(buffer, start, at)) return;
        start = at + 1;
      }
      filled = buffer.copy(buffer, 0, start, end);
    }
    if (filled > 0) onLine(buffer, 0, filled);
  } finally {
    await file.close();
  }
}

function grown(buffer: Buffer): Buffer {
  const larger = Buffer.allocUnsafe(buffer.length * 2);
  buffer.copy(larger);
  return larger;
}
