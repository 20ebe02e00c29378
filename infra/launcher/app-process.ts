import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { APP_NODE_FLAGS } from '@liaison/platform';

/** Runs one of the apps (api, worker) on this Node with the TypeScript runner, its output line-prefixed. */
export function startApp(name: string, entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [...APP_NODE_FLAGS, '-r', '@swc-node/register', entry], {
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
