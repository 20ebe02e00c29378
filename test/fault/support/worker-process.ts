import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
/** The project's Node 24 (MikroORM 7 needs ≥ 22.17), whatever Node runs jest. */
const NODE = resolve(ROOT, 'node_modules/.bin/node');

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  kill: (signal: NodeJS.Signals) => Promise<void>;
}

/** `node -r @swc-node/register apps/worker/src/main.ts` with the test's environment; resolves once it has started. */
export async function spawnWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(NODE, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', LOG_PRETTY: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let output = '';
  await new Promise<void>((started, failed) => {
    const timeout = setTimeout(() => failed(new Error(`worker did not start:\n${output.slice(-2000)}`)), 60_000);
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker started')) {
        clearTimeout(timeout);
        started();
      }
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => failed(new Error(`worker exited with ${code}:\n${output.slice(-2000)}`)));
  });
  child.stdout?.resume();
  return {
    child,
    pid: child.pid as number,
    exited,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
