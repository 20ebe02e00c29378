import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** The compiled worker next to this file's compiled self; from sources, its loader (which compiles it). */
const WORKER = join(__dirname, __filename.endsWith('.ts') ? 'verify-worker.cjs' : 'verify-worker.js');
const RUNNER = '@swc-node/register';

/**
 * A verifier's worker thread (verify-worker.ts), with this process's Node options but a preload of the TypeScript
 * runner (`-r @swc-node/register`, as the scripts run): it would cost the thread about a second, and the worker's
 * loader compiles its few files itself. Options a worker cannot take (V8's) are then dropped too.
 */
export function startWorker(): Worker {
  const options = process.execArgv;
  const kept = options.filter((option, i) => !isRunner(option, options[i + 1]) && !isRunner(options[i - 1], option));
  if (kept.length === options.length) return new Worker(WORKER);
  try {
    return new Worker(WORKER, { execArgv: kept });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    return new Worker(WORKER, { execArgv: [] });
  }
}

/** Whether `option` (then `value`) preloads the TypeScript runner. */
function isRunner(option: string | undefined, value: string | undefined): boolean {
  if (option === '-r' || option === '--require') return value?.startsWith(RUNNER) ?? false;
  return option !== undefined && /^(-r|--require)=/.test(option) && option.includes(`=${RUNNER}`);
}
