/**
 * The apps as child processes of a benchmark: started as in production (compiled, with the launcher's V8 flags),
 * with the memory probe preloaded; their CPU time and resident memory read from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { APP_NODE_FLAGS } from '@liaison/platform';
import { appEntry, ensureAppsBuilt } from '../../../infra/build/app-build';

export const ROOT = resolve(__dirname, '../../..');
const NODE = resolve(ROOT, 'node_modules/.bin/node');
const PROBE = resolve(__dirname, 'memory-probe.cjs');

export interface App {
  name: string;
  process: ChildProcess;
  output: () => string;
}

export type AppName = 'api' | 'worker';

/** Compiles the apps when a source changed; `nodeArgs` go before the preloaded memory probe (e.g. `--cpu-prof`). */
export async function startApp(name: AppName, env: Record<string, string>, nodeArgs: string[] = []): Promise<App> {
  await ensureAppsBuilt();
  const child = spawn(NODE, [...APP_NODE_FLAGS, ...nodeArgs, '-r', PROBE, appEntry(name)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { name, process: child, output: () => output };
}

export async function stopApp(app: App): Promise<void> {
  if (app.process.exitCode !== null || app.process.signalCode !== null) return;
  app.process.kill('SIGTERM');
  const timer = setTimeout(() => app.process.kill('SIGKILL'), 15_000);
  await once(app.process, 'exit');
  clearTimeout(timer);
}

/** CPU time (user + system) a process has used so far, in ms (clock ticks of 10 ms). */
export function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Resident set size now and at its peak (VmRSS, VmHWM), in MiB. */
export function residentMiB(pid: number | undefined): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { now: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** Where an app's memory is, from the preloaded probe: MiB by V8 heap space and outside the heap. */
export interface MemoryBreakdown {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  /** Heap used after a full collection: what is live. */
  liveHeap: number;
  external: number;
  arrayBuffers: number;
  spaces: Record<string, number>;
}

export async function memoryOf(app: App, timeoutMs = 5_000): Promise<MemoryBreakdown | undefined> {
  if (!app.process.connected) return undefined;
  const answer = new Promise<MemoryBreakdown | undefined>((resolveAnswer) => {
    const timer = setTimeout(() => resolveAnswer(undefined), timeoutMs);
    const listen = (message: unknown) => {
      const probe = message as {
        type?: string;
        usage: NodeJS.MemoryUsage;
        spaces: Record<string, number>;
        liveHeap: number;
      };
      if (probe?.type !== 'bench:memory') return;
      clearTimeout(timer);
      app.process.off('message', listen);
      const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
      resolveAnswer({
        rss: mib(probe.usage.rss),
        heapTotal: mib(probe.usage.heapTotal),
        heapUsed: mib(probe.usage.heapUsed),
        liveHeap: mib(probe.liveHeap),
        external: mib(probe.usage.external),
        arrayBuffers: mib(probe.usage.arrayBuffers),
        spaces: Object.fromEntries(Object.entries(probe.spaces).map(([space, bytes]) => [space, mib(bytes)])),
      });
    };
    app.process.on('message', listen);
  });
  app.process.send('bench:memory');
  return answer;
}

/** Samples the apps' resident memory every `everyMs` until stopped: the highest VmRSS seen and each sample. */
export function sampleResidentMemory(apps: App[], everyMs = 1_000) {
  const peaks = new Map<string, number>(apps.map((app) => [app.name, 0]));
  const read = () => {
    for (const app of apps) {
      if (app.process.exitCode !== null) continue;
      const { now } = residentMiB(app.process.pid);
      peaks.set(app.name, Math.max(peaks.get(app.name) ?? 0, now));
    }
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      read();
      return Object.fromEntries(peaks) as Record<string, number>;
    },
  };
}

export function healthy(port: string | number): () => Promise<boolean> {
  return () =>
    fetch(`http://127.0.0.1:${port}/health`).then(
      (response) => response.status === 200,
      () => false,
    );
}

export async function until(done: () => Promise<boolean>, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${output()}`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
}
