import { checkBatch, type CheckedBatchMessage } from './checked-batch';
import { readLineRange } from './line-ranges';

/**
 * A batch to check: the lines of the open file `fd` that start in `[from, to)` (line-ranges.ts), with buffers to use
 * again if there are some.
 */
export interface BatchRequest {
  fd: number;
  from: number;
  to: number;
  buffer?: ArrayBuffer;
  results?: ArrayBuffer;
}

/** Reads and checks a batch of lines: a worker thread's part (verify-worker.ts), or the calling thread's. */
export function readAndCheck({ fd, from, to, buffer, results }: BatchRequest): CheckedBatchMessage {
  const range = readLineRange(fd, from, to, buffer && Buffer.from(buffer));
  return checkBatch(range.buffer.buffer as ArrayBuffer, range.begin, range.end, results);
}
