import type { Worker } from 'node:worker_threads';
import { readAndCheck, type BatchRequest } from './batch-request';
import { CheckedBatch } from './checked-batch';
import { startWorker } from './start-worker';
import type { WorkerAnswer } from './verify-worker';

interface Pending {
  resolve: (batch: CheckedBatch) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  /** Batches sent and not answered yet. */
  load: number;
}

/**
 * Worker threads checking batches of lines (checked-batch.ts), each batch answered by its own promise. A batch goes
 * to the ready thread with the fewest batches; until one is ready (a thread takes a tenth of a second to start), or
 * when asked, a batch is checked on the calling thread.
 */
export class VerifyPool {
  private readonly threads: Thread[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private closed = false;
  private broken: Error | null = null;
  private readonly whenReady: Promise<void>;
  private settleReady: (error?: Error) => void = () => undefined;
  /** Batches checked, and how many of them in the threads. */
  readonly use = { batches: 0, inThreads: 0 };

  constructor(size: number) {
    this.whenReady = new Promise((resolve, reject) => {
      this.settleReady = (error) => (error ? reject(error) : resolve());
    });
    this.whenReady.catch(() => undefined); // also answered by check()
    for (let i = 0; i < size; i += 1) {
      const thread: Thread = { worker: startWorker(), ready: false, load: 0 };
      thread.worker.on('message', (answer: WorkerAnswer) => this.answer(thread, answer));
      thread.worker.on('error', (error) => this.failAll(error));
      thread.worker.on('exit', (code) => this.failAll(new Error(`a verifier thread stopped (exit code ${code})`)));
      this.threads.push(thread);
    }
  }

  /** Whether a thread is ready and has fewer than two batches. */
  hasRoom(): boolean {
    const thread = this.leastLoaded();
    return thread !== null && thread.load < 2;
  }

  /**
   * Has a worker read and check the batch, handing it the buffers given to use again (no longer usable here), and
   * answers it checked; reads and checks it on this thread when `here` is true or no thread is ready.
   */
  check(batch: BatchRequest, here = false): Promise<CheckedBatch> {
    if (this.broken) return Promise.reject(this.broken);
    const thread = here ? null : this.leastLoaded();
    this.use.batches += 1;
    if (!thread) return Promise.resolve(new CheckedBatch(readAndCheck(batch)));
    this.use.inThreads += 1;
    const id = this.nextId++;
    const answered = new Promise<CheckedBatch>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    thread.load += 1;
    const transfer = [batch.buffer, batch.results].filter((buffer) => buffer !== undefined);
    thread.worker.postMessage({ id, ...batch }, transfer);
    return answered;
  }

  /** Once every thread is ready. */
  ready(): Promise<void> {
    return this.whenReady;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map(({ worker }) => worker.terminate()));
  }

  private leastLoaded(): Thread | null {
    let best: Thread | null = null;
    for (const thread of this.threads) if (thread.ready && (!best || thread.load < best.load)) best = thread;
    return best;
  }

  private answer(thread: Thread, answer: WorkerAnswer): void {
    if (!('id' in answer)) {
      thread.ready = true;
      if (this.threads.every((each) => each.ready)) this.settleReady();
      return;
    }
    thread.load -= 1;
    const pending = this.pending.get(answer.id);
    this.pending.delete(answer.id);
    pending?.resolve(new CheckedBatch(answer.checked));
  }

  private failAll(error: Error): void {
    if (this.closed) return;
    this.broken ??= error;
    this.settleReady(this.broken);
    for (const { reject } of this.pending.values()) reject(this.broken);
    this.pending.clear();
  }
}
