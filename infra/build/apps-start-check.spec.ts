import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { DEVELOPMENT_JWT_SECRET } from '@liaison/platform';
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

/** The worker signs audit checkpoints, the api only checks them. */
const SECRETS = {
  api: ['JWT_SECRET', 'AUDIT_PUBLIC_KEY', 'LIAISON_MASTER_KEY'],
  worker: ['JWT_SECRET', 'AUDIT_SIGNING_KEY', 'LIAISON_MASTER_KEY'],
} as const;
/** Empty counts as unset: nothing inherited from the test run's own environment. */
const WITHOUT_SECRETS = Object.fromEntries([...SECRETS.api, ...SECRETS.worker].map((name) => [name, '']));
const auditKeys = generateKeyPairSync('ed25519');
const secrets = {
  JWT_SECRET: randomBytes(48).toString('base64url'),
  AUDIT_SIGNING_KEY: auditKeys.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  AUDIT_PUBLIC_KEY: auditKeys.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  LIAISON_MASTER_KEY: randomBytes(32).toString('base64'),
};

describe.each(['api', 'worker'] as const)('the %s with a wrong environment', (app) => {
  it('stops at once with one error naming every wrong variable', async () => {
    const { code, stderr } = await run(app, {
      ...secrets,
      OUTBOX_POLL_MS: 'abc',
      PORT: '70000',
      REDIS_URL: 'localhost:6379',
    });
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

  it('stops without NODE_ENV and without its secrets, naming each, outside the development setting', async () => {
    const { code, stderr } = await run(app, { NODE_ENV: '', LIAISON_DEVELOPMENT: '', ...WITHOUT_SECRETS });
    expect(code).toBe(1);
    expect(stderr).toContain(`liaison ${app}: invalid configuration (3 variables; see docs/configuration.md):`);
    for (const variable of SECRETS[app]) {
      expect(stderr).toContain(`  - ${variable} must be set`);
    }
    expect(stderr).toContain('outside development (LIAISON_DEVELOPMENT=1)');
  });

  it('refuses the public development JWT secret outside the development setting', async () => {
    const { code, stderr } = await run(app, {
      NODE_ENV: '',
      LIAISON_DEVELOPMENT: '',
      ...secrets,
      JWT_SECRET: DEVELOPMENT_JWT_SECRET,
    });
    expect(code).toBe(1);
    expect(stderr).toContain('  - JWT_SECRET is a known development value, refused outside development');
    expect(stderr).not.toContain(DEVELOPMENT_JWT_SECRET);
  });

  it('refuses the development setting in production', async () => {
    const { code, stderr } = await run(app, { ...secrets, NODE_ENV: 'production', LIAISON_DEVELOPMENT: '1' });
    expect(code).toBe(1);
    expect(stderr).toContain('  - LIAISON_DEVELOPMENT=1 (development shortcuts) is refused together with');
  });
});
