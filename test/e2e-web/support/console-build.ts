import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ensureWebConsoleBuilt } from '../../../infra/launcher/web-console-build';

/** Holds the id of the jest run that last checked the build. */
const MARKER = resolve(__dirname, '../../../.cache/web-console-checked');

/**
 * The console as `npm start` builds it, once per jest run: the first spec file builds it if stale, the others
 * (in any worker) find it checked by this run and skip even the freshness walk.
 */
export async function consoleBuiltForThisRun(): Promise<void> {
  const run = process.env['LIAISON_TEST_RUN'] ?? 'local';
  if (existsSync(MARKER) && readFileSync(MARKER, 'utf8') === run) return;
  await ensureWebConsoleBuilt();
  mkdirSync(dirname(MARKER), { recursive: true });
  writeFileSync(MARKER, run);
}
