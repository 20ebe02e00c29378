import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { transformSync } from '@swc-node/core';
import { readDefaultTsConfig, tsCompilerOptionsToSwcConfig } from '@swc-node/register/read-default-tsconfig';
import { buildOnce, isBuiltFrom } from './build-freshness';

const ROOT = resolve(__dirname, '..', '..');
/** The compiled apps mirror the repository's layout (apps/…, libs/…) under this folder. */
export const APPS_BUILD_DIR = join(ROOT, 'dist', 'node');
const STAMP = join(APPS_BUILD_DIR, '.built');
const LOCK = join(ROOT, '.cache', 'apps-build.lock');
const SOURCE_ROOTS = ['apps/api/src', 'apps/worker/src', ...libSources()];
const INPUTS = [...SOURCE_ROOTS.map((source) => join(ROOT, source)), join(ROOT, 'tsconfig.base.json')];

export type AppName = 'api' | 'worker';

/** The compiled entry point of an app. */
export function appEntry(app: AppName): string {
  return join(APPS_BUILD_DIR, 'apps', app, 'src', 'main.js');
}

/**
 * Compiles the api, the worker and the libraries to JavaScript (dist/node) when there is no build or a source is
 * newer: the apps then run on plain Node, without the TypeScript runner's compiler resident in every process
 * (test/bench/transitions/README.md has the memory this saves). The same swc settings as `-r @swc-node/register`,
 * derived from tsconfig.json, so the compiled code is what the tests and scripts run.
 */
export async function ensureAppsBuilt(log: (message: string) => void = () => undefined): Promise<'fresh' | 'built'> {
  return buildOnce(LOCK, appsAreFresh, async () => {
    log('compiling the api and the worker (once after each change)');
    compileApps();
    return 'built' as const;
  });
}

export function appsAreFresh(): boolean {
  return isBuiltFrom(STAMP, INPUTS);
}

/** Into a folder of its own, then swapped in: an app starting meanwhile never finds half a build. */
function compileApps(): void {
  const next = `${APPS_BUILD_DIR}.next-${process.pid}`;
  const previous = `${APPS_BUILD_DIR}.previous-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  const started = new Date();
  const compilerOptions = readDefaultTsConfig(join(ROOT, 'tsconfig.json'));
  for (const source of SOURCE_ROOTS.flatMap((folder) => typeScriptFiles(join(ROOT, folder)))) {
    const target = join(next, relative(ROOT, source)).replace(/\.ts$/, '.js');
    const { code, map } = transformSync(
      readFileSync(source, 'utf8'),
      source,
      tsCompilerOptionsToSwcConfig(compilerOptions, source),
    );
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, map ? `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n` : code);
    if (map) writeFileSync(`${target}.map`, map);
  }
  // dated from the start, so that a source changed while compiling makes the build stale
  writeFileSync(join(next, '.built'), started.toISOString());
  utimesSync(join(next, '.built'), started, started);
  rmSync(previous, { recursive: true, force: true });
  try {
    renameSync(APPS_BUILD_DIR, previous);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  renameSync(next, APPS_BUILD_DIR);
  rmSync(previous, { recursive: true, force: true });
}

function libSources(): string[] {
  return readdirSync(join(ROOT, 'libs')).map((lib) => `libs/${lib}/src`);
}

/** Every TypeScript source under `folder` but the tests. */
function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !/\.(spec|e2e-spec)\.ts$/.test(entry.name))
    .filter((entry) => !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}
