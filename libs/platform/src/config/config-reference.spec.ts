import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_SCHEMA } from './config.schema';
import {
  CONFIGURATION_REFERENCE_COMMAND,
  CONFIGURATION_REFERENCE_PATH,
  renderConfigurationReference,
} from './config-reference';

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..', '..');
const SCHEMA_READER = 'libs/platform/src/config/read-config.ts';

describe(CONFIGURATION_REFERENCE_PATH, () => {
  const path = join(REPOSITORY_ROOT, CONFIGURATION_REFERENCE_PATH);

  it(`is generated from the schema (regenerate with: ${CONFIGURATION_REFERENCE_COMMAND})`, () => {
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (committed !== renderConfigurationReference()) {
      throw new Error(`${CONFIGURATION_REFERENCE_PATH} is stale: run ${CONFIGURATION_REFERENCE_COMMAND} and commit it`);
    }
  });

  it('lists every variable once, with its secrecy', () => {
    const rendered = renderConfigurationReference();
    for (const [name, spec] of Object.entries(CONFIG_SCHEMA)) {
      const rows = rendered.split('\n').filter((line) => line.startsWith(`| \`${name}\` `));
      expect([name, rows.length]).toEqual([name, 1]);
      expect(rows[0].split('|').map((cell) => cell.trim())[4]).toBe(spec.secret ? 'yes' : 'no');
    }
  });
});

/** The runtime code: the apps, the libraries outside their test helpers, the launcher and the scripts. */
function runtimeSources(): string[] {
  const roots = ['apps/api/src', 'apps/worker/src', 'libs', 'infra'];
  const skipped = (path: string) => /(^|\/)(node_modules|testing|dist)(\/|$)|\.spec\.ts$|^libs\/testing\//.test(path);
  const walk = (path: string): string[] =>
    statSync(join(REPOSITORY_ROOT, path)).isDirectory()
      ? readdirSync(join(REPOSITORY_ROOT, path)).flatMap((entry) => walk(join(path, entry)))
      : [path];
  return roots.flatMap(walk).filter((path) => /\.(ts|cjs|js)$/.test(path) && !skipped(path));
}

describe('reading the environment', () => {
  const sources = runtimeSources().map((path) => ({ path, text: readFileSync(join(REPOSITORY_ROOT, path), 'utf8') }));

  it('goes through the schema: no runtime file but its reader takes a variable from process.env', () => {
    const readers = sources.filter(({ path, text }) => path !== SCHEMA_READER && /process\.env\s*(\.|\[)/.test(text));
    expect(readers.map(({ path }) => path)).toEqual([]);
  });

  it('names only declared variables', () => {
    const named = sources.flatMap(({ path, text }) =>
      [...text.matchAll(/\benv\[['"]([A-Z][A-Z0-9_]*)['"]\]|isSet\([^,]+, ['"]([A-Z][A-Z0-9_]*)['"]\)/g)].map(
        (match) => ({ path, name: match[1] ?? match[2] }),
      ),
    );
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter(({ name }) => !(name in CONFIG_SCHEMA))).toEqual([]);
  });
});
