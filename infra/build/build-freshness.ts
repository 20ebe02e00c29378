import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A lock older than this was left by a build that died. */
const STALE_LOCK_MS = 10 * 60_000;

/** True when `output` exists and none of `sources` (files or folders, walked) changed after it was written. */
export function isBuiltFrom(output: string, sources: string[]): boolean {
  if (!existsSync(output)) return false;
  const built = statSync(output).mtimeMs;
  return sources.every((source) => newestChange(source) <= built);
}

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestChange(join(path, entry))), stat.mtimeMs);
}

/**
 * Runs `build` under a lock folder: several processes may ask at once (jest workers, two apps), one builds and the
 * others wait for it, then find the output fresh through `fresh()`.
 */
export async function buildOnce<T>(lock: string, fresh: () => boolean, build: () => Promise<T>): Promise<T | 'fresh'> {
  if (fresh()) return 'fresh';
  await acquire(lock);
  try {
    if (fresh()) return 'fresh';
    return await build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function acquire(lock: string): Promise<void> {
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolveWait) => setTimeout(resolveWait, 500));
    }
  }
}
