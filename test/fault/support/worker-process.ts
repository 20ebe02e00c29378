import { spawnApp, untilReady, type AppProcess } from './app-process';

export type WorkerProcess = AppProcess;

/** `apps/worker/src/main.ts` with the test's environment; resolves once it has started. */
export async function spawnWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const worker = spawnApp('worker', { LOG_LEVEL: 'info', ...env });
  await untilReady(worker, async () => worker.output().includes('worker started'), 'worker');
  return worker;
}
