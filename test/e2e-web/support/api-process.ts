import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { APP_NODE_FLAGS } from '@liaison/platform';
import { appEntry } from '../../../infra/build/app-build';

const ROOT = resolve(__dirname, '../../..');
/** The project's Node 24 (MikroORM 7 needs ≥ 22.17), whatever Node runs jest. */
const NODE = resolve(ROOT, 'node_modules/.bin/node');

export interface ApiProcess {
  child: ChildProcess;
  stop: () => Promise<void>;
}

/** The compiled api as `npm start` runs it (built by jest's global set-up); resolves once /health answers. */
export async function spawnApi(env: Record<string, string>, port: number): Promise<ApiProcess> {
  const child = spawn(NODE, [...APP_NODE_FLAGS, appEntry('api')], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', LOG_PRETTY: '0', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const deadline = Date.now() + 90_000;
  while (!(await healthy(port))) {
    if (child.exitCode !== null) throw new Error(`the api exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the api did not become healthy on port ${port}:\n${output}`);
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  return {
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function healthy(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/health`)
    .then((response) => response.ok)
    .catch(() => false);
}
