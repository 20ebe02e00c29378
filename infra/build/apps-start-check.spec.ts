import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { appEntry, type AppName } from './app-build';

const ROOT = resolve(__dirname, '../..');
/** The project's Node 24, whatever Node runs jest. */
const NODE = resolve(ROOT, 'node_modules/.bin/node');

/** The compiled app (built by jest's global set-up) started with `env`, until it exits. */
function run(app: AppName, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(NODE, [appEntry(app)], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.once('exit', (code) => done({ code, stderr })));
}

describe.each(['api', 'worker'] as const)('the %s with a wrong environment', (app) => {
  it('stops at once with one error naming every wrong variable', async () => {
    const { code, stderr } = await run(app, { OUTBOX_POLL_MS: 'abc', PORT: '70000', REDIS_URL: 'localhost:6379' });
    expect(code).toBe(1);
    expect(stderr).toContain(`liaison ${app}: invalid configuration (3 variables; see docs/configuration.md):`);
    expect(stderr).toContain('OUTBOX_POLL_MS must be a positive integer (at most 2147483647), got "abc"');
    expect(stderr).toContain('PORT must be a non-negative integer (at most 65535), got "70000"');
    expect(stderr).toContain('REDIS_URL must be a redis:// or rediss:// URL; the value is not shown (secret)');
  });

  it('stops in production without its secrets, naming each', async () => {
    const { code, stderr } = await run(app, {
      NODE_ENV: 'production',
      JWT_SECRET: '',
      AUDIT_SIGNING_KEY: '',
      AUDIT_PUBLIC_KEY: '',
      LIAISON_MASTER_KEY: '',
    });
    expect(code).toBe(1);
    // the worker signs audit checkpoints, the api only checks them
    const [auditKey, notNeeded] =
      app === 'api' ? ['AUDIT_PUBLIC_KEY', 'AUDIT_SIGNING_KEY'] : ['AUDIT_SIGNING_KEY', 'AUDIT_PUBLIC_KEY'];
    for (const variable of ['JWT_SECRET', auditKey, 'LIAISON_MASTER_KEY']) {
      expect(stderr).toContain(`  - ${variable} must be set`);
    }
    expect(stderr).not.toContain(`  - ${notNeeded} must be set`);
  });
});
