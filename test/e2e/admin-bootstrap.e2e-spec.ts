import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { AuditEventSchema, UserSchema } from '@liaison/data';
import { startApi, type ApiHarness } from './support/api-harness';
import { enrolTotp } from './support/second-factor';

const execute = promisify(execFile);
/** Each run starts a Node process that compiles the script: seconds each on a busy machine. */
jest.setTimeout(180_000);
const root = resolve(__dirname, '..', '..');

/** A one-shot script as `npm run …` runs it, with this worker's database; its exit code, output and errors. */
async function script(file: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await execute(process.execPath, ['-r', '@swc-node/register', file, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const bootstrap = (...args: string[]) =>
  script('infra/scripts/admin-bootstrap.ts', args, { PUBLIC_URL: 'https://liaison.test', NODE_ENV: 'production' });
const tokenIn = (stdout: string) => decodeURIComponent(/#token=(\S+)/.exec(stdout)?.[1] ?? '');

/** No demo accounts in production, and the first platform administrator from a one-time command. */
describe('the first platform administrator (e2e, the real commands)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(() => api?.close());

  it('refuses the demo seed with NODE_ENV=production, and seeds nothing', async () => {
    const seeded = await script('infra/scripts/seed.ts', [], { NODE_ENV: 'production' });
    expect(seeded.code).toBe(1);
    expect(seeded.stderr).toContain('the demo seed does not run with NODE_ENV=production');
    expect(await api.em().count(UserSchema, {})).toBe(0);
  });

  it('creates the platform administrator with a single-use link, and refuses a second one', async () => {
    const first = await bootstrap('--email', 'Ops.Lead@liaison.test', '--name', 'Operations Lead', '--country', 'TH');
    expect([first.code, first.stderr]).toEqual([0, '']);
    expect(first.stdout).toMatch(/https:\/\/liaison\.test\/account\/invitation#token=\S+/);
    const admin = await api
      .em()
      .findOneOrFail(UserSchema, { email: 'ops.lead@liaison.test' }, { populate: ['agency'] });
    expect(admin).toMatchObject({ platformAdmin: true, roles: ['ADMIN'], displayName: 'Operations Lead' });
    expect(admin.agency).toMatchObject({ name: 'Liaison platform operations', country: 'TH' });
    expect(await api.em().count(AuditEventSchema, { action: 'user.bootstrapped', subjectId: admin.id })).toBe(1);

    // before the link is used, a second run for the same address renews it: the first stops working
    const renewed = await bootstrap('--email', 'ops.lead@liaison.test', '--country', 'TH');
    expect(renewed.stdout).toContain('new link for ops.lead@liaison.test');
    const redeem = (token: string) =>
      api.http().post('/v1/auth/password-links/redeem').send({ token, password: 'a platform of many rivers' });
    await redeem(tokenIn(first.stdout)).expect(410);
    await redeem(tokenIn(renewed.stdout)).expect(204);
    await redeem(tokenIn(renewed.stdout)).expect(410);
    // no exemption for the first administrator: the first sign-in enrols an authenticator app
    const signedIn = await enrolTotp(api, 'ops.lead@liaison.test', 'a platform of many rivers');
    const me = await api.http().get('/v1/me').auth(signedIn.accessToken, { type: 'bearer' }).expect(200);
    expect(me.body).toMatchObject({ platformAdmin: true });

    for (const email of ['second.admin@liaison.test', 'ops.lead@liaison.test']) {
      const again = await bootstrap('--email', email, '--country', 'TH');
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('refused: a platform administrator exists already');
    }
    expect(await api.em().count(UserSchema, { platformAdmin: true })).toBe(1);
  });

  it('says how to call it when the address or the country is missing', async () => {
    const wrong = await bootstrap('--email', 'not-an-address');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('usage: npm run admin:bootstrap -- --email <address>');
  });
});
