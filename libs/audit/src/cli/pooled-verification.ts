import { open } from 'node:fs/promises';
import type { CheckedBatch } from './checked-batch';
import type { ExportVerifier } from './export-verifier';
import { VerifyPool } from './verify-pool';

/** About 2,500 lines of a large export: few messages between the threads, little memory per batch. */
const BATCH_BYTES = 4 << 20;

export interface PoolOptions {
  threads: number;
  batchBytes?: number;
  /**
   * Check batches on the calling thread too, while the threads start and whenever the next batch in order is not
   * checked yet (default); false (for tests of the threads' part) waits for the threads instead.
   */
  help?: boolean;
}

/** How many batches were read, and how many of them the threads checked. */
export interface PoolUse {
  batches: number;
  inThreads: number;
}

interface Checking {
  checked: Promise<CheckedBatch>;
  done: boolean;
}

/**
 * Feeds a file to the verifier with worker threads checking each line on its own (layout, entry hash, Merkle leaf,
 * subtrees: checked-batch.ts) ahead of it, batch by batch, while this thread places the lines in order, in their
 * checkpoints' trees and their streams' chains, and stops at the first failure exactly as reading the lines here
 * would. Each thread has at most two batches at a time; when the next batch in order is not checked yet (the threads
 * start, or share the cores with other work), this thread checks a later one meanwhile. At most `threads * 2 + 2`
 * batches are read ahead.
 */
export async function feedInPool(path: string, verifier: ExportVerifier, options: PoolOptions): Promise<PoolUse> {
  const { threads, batchBytes = BATCH_BYTES, help = true } = options;
  const limit = threads * 2 + 2;
  const file = await open(path, 'r');
  let pool: VerifyPool | null = null;
  try {
    const { size } = await file.stat();
    const threadsPool = (pool = new VerifyPool(threads));
    if (!help) await pool.ready();
    const ahead: Checking[] = [];
    // the last batch fed stays until the next one is: its last proof is compared with the next line's
    let [held, spare]: (CheckedBatch | undefined)[] = [];
    let from = 0;
    const check = (here: boolean): void => {
      const to = Math.min(from + batchBytes, size);
      const batch = { fd: file.fd, from, to, buffer: spare?.spare, results: spare?.spareResults };
      [from, spare] = [to, undefined];
      const checking: Checking = { checked: handled(threadsPool.check(batch, here)), done: false };
      void checking.checked.then(
        () => (checking.done = true),
        () => undefined,
      );
      ahead.push(checking);
    };
    for (;;) {
      while (from < size && ahead.length < limit && pool.hasRoom()) check(false);
      const head = ahead[0] as Checking | undefined;
      if (help && from < size && ahead.length < limit && !head?.done) {
        check(true);
        // let the threads' answers in before going on
        await new Promise(setImmediate);
        continue;
      }
      if (!head) return pool.use;
      ahead.shift();
      const checked = await head.checked;
      if (!feedBatch(verifier, checked)) return pool.use;
      [held, spare] = [checked, held];
    }
  } finally {
    await pool?.close();
    await file.close();
  }
}

/** The promise, with its rejection counted as handled until it is awaited (one ahead may fail while another is). */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function feedBatch(verifier: ExportVerifier, checked: CheckedBatch): boolean {
  for (let line = 0; line < checked.count; line += 1) {
    if (!verifier.pushChecked(checked.entry(line), checked.bytes, checked.start(line), checked.end(line))) return false;
  }
  return true;
}
