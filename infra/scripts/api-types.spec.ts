import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..');
const GENERATED = 'apps/web/src/api/schema.gen.ts';

/** The generator runs in its own Node (openapi-typescript is an ES module, which jest's CommonJS cannot load). */
async function regenerate(): Promise<string> {
  const node = join(ROOT, 'node_modules', '.bin', 'node');
  const script = join(ROOT, 'infra', 'scripts', 'api-types.ts');
  const { stdout } = await promisify(execFile)(node, ['-r', '@swc-node/register', script, '--stdout'], {
    cwd: ROOT,
    maxBuffer: 64 * 2 ** 20,
  });
  return stdout;
}

function firstDifference(committed: string, generated: string): string {
  const [was, now] = [committed.split('\n'), generated.split('\n')];
  const line = was.findIndex((text, index) => text !== now[index]);
  const at = line === -1 ? was.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(was[at] ?? '')}, generated ${JSON.stringify(now[at] ?? '')}`;
}

describe('the console types of the API', () => {
  it('are those the OpenAPI document generates', async () => {
    const generated = await regenerate();
    const committed = readFileSync(join(ROOT, GENERATED), 'utf8');
    if (generated !== committed) {
      throw new Error(
        `${GENERATED} is stale: run \`npm run api:types\` and commit it (${firstDifference(committed, generated)})`,
      );
    }
    expect(generated).toContain('export interface components');
  }, 120_000);
});
