import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildOnce, isBuiltFrom } from '../build/build-freshness';

const ROOT = resolve(__dirname, '..', '..');
const WEB = join(ROOT, 'apps', 'web');
export const WEB_CONSOLE_INDEX = join(WEB, 'dist', 'index.html');
/** What the bundle is made of: a change to any of these makes the build stale. */
const SOURCES = [
  join(WEB, 'src'),
  join(WEB, 'index.html'),
  join(WEB, 'vite.config.mts'),
  join(WEB, 'tsconfig.json'),
  join(ROOT, 'libs', 'domain', 'src'),
  join(ROOT, 'package-lock.json'),
];
const LOCK = join(ROOT, '.cache', 'web-console-build.lock');

export type WebConsoleBuild = 'fresh' | 'built';

/**
 * Builds the console (`vite build` into apps/web/dist) when there is no build or a source is newer than it.
 * Several processes may ask at once (jest workers): one builds, the others wait for it and find it fresh.
 */
export async function ensureWebConsoleBuilt(
  log: (message: string) => void = () => undefined,
): Promise<WebConsoleBuild> {
  return buildOnce(LOCK, isFresh, async () => {
    log('building the web console (vite build, once after each change)');
    await viteBuild();
    return 'built' as const;
  });
}

export function isFresh(): boolean {
  return isBuiltFrom(WEB_CONSOLE_INDEX, SOURCES);
}

/** The project's Node 24 (vite 8 needs ≥ 20.19), whichever Node runs the caller. */
function projectNode(): string {
  const local = join(ROOT, 'node_modules', '.bin', 'node');
  return existsSync(local) ? local : process.execPath;
}

function viteBuild(): Promise<void> {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  // From apps/web, where vite finds its config (vite 8 fails to load a --config outside its working folder).
  const child = spawn(projectNode(), [vite, 'build', '--logLevel', 'warn'], {
    cwd: WEB,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((done, failed) => {
    child.once('error', failed);
    child.once('exit', (code) =>
      code === 0 ? done() : failed(new Error(`vite build failed (exit ${code}):\n${output.slice(-4000)}`)),
    );
  });
}
