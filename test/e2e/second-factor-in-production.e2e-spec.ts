import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { APP_NODE_FLAGS } from '@liaison/platform';
import { appEntry } from '../../infra/build/app-build';

const ROOT = resolve(__dirname, '../..');

/** With NODE_ENV=production nothing can skip the second factor: the api refuses the exemption setting at start. */
describe('second-factor exemptions in production (e2e)', () => {
  it('stops the api at start, naming the setting', async () => {
    const child = spawn(resolve(ROOT, 'node_modules/.bin/node'), [...APP_NODE_FLAGS, appEntry('api')], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', SECOND_FACTOR_EXEMPTIONS: '1', PORT: '0', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(code).toBe(1);
    expect(output).toContain('SECOND_FACTOR_EXEMPTIONS=1 is refused together with NODE_ENV=production');
  });
});
