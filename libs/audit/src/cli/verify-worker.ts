import { parentPort } from 'node:worker_threads';
import { readAndCheck, type BatchRequest } from './batch-request';
import type { CheckedBatchMessage } from './checked-batch';

/** What a worker posts: that it is ready (once), then each batch checked. */
export type WorkerAnswer = { ready: true } | { id: number; checked: CheckedBatchMessage };

/** A worker thread of the verifier (start-worker.ts, verify-pool.ts): reads and checks each batch it is sent. */
parentPort?.on('message', ({ id, ...batch }: BatchRequest & { id: number }) => {
  const checked = readAndCheck(batch);
  parentPort?.postMessage({ id, checked } satisfies WorkerAnswer, [checked.buffer, checked.results]);
});
parentPort?.postMessage({ ready: true } satisfies WorkerAnswer);
