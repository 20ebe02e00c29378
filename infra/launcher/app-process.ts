import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { APP_NODE_FLAGS } from '@liaison/platform';
import { appEntry, type AppName } from '../build/app-build';

/** Runs one of the compiled apps (api, worker) on this Node, its output line-prefixed. */
export function startApp(name: AppName, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [...APP_NODE_FLAGS, appEntry(name)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`[${name}] ${line}\n`));
  }
  return child;
}

/** SIGTERM, then SIGKILL if it has not exited in time. */
export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
