import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { APP_NODE_FLAGS } from '@liaison/platform';
import { appEntry, type AppName } from '../../../infra/build/app-build';

const ROOT = resolve(__dirname, '../../..');
/** The project's Node 24 (MikroORM 7 needs ≥ 22.17), whatever Node runs jest. */
const NODE = resolve(ROOT, 'node_modules/.bin/node');
const KEPT_OUTPUT = Number(process.env['FAULT_KEEP_OUTPUT'] ?? 20_000);

export interface AppProcess {
  child: ChildProcess;
  pid: number;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  /** The end of what it wrote to stdout and stderr, for failure messages. */
  output: () => string;
  kill: (signal: NodeJS.Signals) => Promise<void>;
  /** CPU time used so far (user + system, from /proc; NaN where there is none). */
  cpuSeconds: () => number;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop: (graceMs?: number) => Promise<void>;
}

/**
 * The compiled app (built by jest's global set-up) as `npm start` runs it, from the repository root with the
 * test's environment; not yet ready.
 */
export function spawnApp(app: AppName, env: Record<string, string>): AppProcess {
  const child = spawn(NODE, [...APP_NODE_FLAGS, appEntry(app)], {
    cwd: ROOT,
    env: { ...process.env, LOG_PRETTY: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-KEPT_OUTPUT));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  // a jest worker that exits (a failed hook, a time-out) must not leave the app running behind it
  const orphaned = () => child.kill('SIGKILL');
  process.once('exit', orphaned);
  void exited.then(() => process.off('exit', orphaned));
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    child,
    pid: child.pid as number,
    exited,
    output: () => output,
    kill,
    cpuSeconds: () => cpuSecondsOf(child.pid as number),
    stop: async (graceMs = 10_000) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await kill('SIGTERM');
      clearTimeout(timer);
    },
  };
}

/** Resolves once `ready` holds, polling; fails when the process exits first or the time is up. */
export async function untilReady(app: AppProcess, ready: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  let exitCode: number | null | undefined;
  void app.exited.then((code) => (exitCode = code));
  for (;;) {
    if (exitCode !== undefined) throw new Error(`${what} exited with ${exitCode}:\n${app.output().slice(-3000)}`);
    if (await ready().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not start:\n${app.output().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** utime + stime of /proc/<pid>/stat, in clock ticks of 1/100 s (Linux's USER_HZ). */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}
