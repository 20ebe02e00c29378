import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { AgencySignOnSchema, AuditEventSchema, type Agency, type User } from '@liaison/data';
import { createAgency, createUser, TEST_PASSWORD } from '@liaison/testing';
import { bearer, PROBLEM, startApi, type ApiHarness } from './support/api-harness';
import {
  startOpenIdProvider,
  type LocalOpenIdProvider,
  type ProviderClient,
  type ProviderLogin,
} from './support/openid-provider';

const PUBLIC_URL = 'https://liaison.test';
const SSO_ENV = { PUBLIC_URL, SSO_ALLOW_HTTP: '1', SSO_TIMEOUT_MS: '3000', RATE_LIMIT_PER_MINUTE: '100000' };
const previousEnv = Object.fromEntries(Object.keys(SSO_ENV).map((name) => [name, process.env[name]]));

/**
 * Single sign-on against a real OpenID provider (oidc-provider, in a child process on a local port): the browser's
 * redirects are followed by hand, the api talks to the provider over HTTP for discovery, keys and the token.
 */
describe('single sign-on through an agency’s OpenID provider (e2e)', () => {
  let api: ApiHarness;
  let provider: LocalOpenIdProvider;
  let np: Agency;
  let other: Agency;
  let admin: User;
  let officer: User;
  let otherOfficer: User;
  let adminToken: string;
  const clients = new Map<string, ProviderClient>();

  beforeAll(async () => {
    api = await startApi(SSO_ENV);
    const em = api.em();
    np = await createAgency(em, { name: 'Nepal Police (SSO)', country: 'NP' });
    other = await createAgency(em, { name: 'Central Bureau (SSO)', country: 'IN' });
    admin = await createUser(em, np, { roles: ['ADMIN'], email: 'admin@np-sso.example' });
    officer = await createUser(em, np, { roles: ['OFFICER'], email: 'officer@np-sso.example' });
    await createUser(em, np, { roles: ['OFFICER'], email: 'former@np-sso.example', active: false });
    otherOfficer = await createUser(em, other, { roles: ['OFFICER'], email: 'officer@in-sso.example' });
    for (const agency of [np, other]) {
      clients.set(agency.id, {
        client_id: `liaison-${agency.id}`,
        client_secret: randomBytes(24).toString('base64url'),
        redirect_uris: [`${PUBLIC_URL}/v1/auth/sso/${agency.id}/callback`],
      });
    }
    provider = await startOpenIdProvider([...clients.values()]);
    await provider.addAccounts({
      'np-officer': { email: 'Officer@NP-SSO.example', email_verified: true },
      'np-former': { email: 'former@np-sso.example' },
      stranger: { email: 'nobody@np-sso.example' },
      'in-officer': { email: otherOfficer.email },
      unverified: { email: officer.email, email_verified: false },
    });
    adminToken = await api.login(admin.email);
    await configure({ acceptedAmr: ['mfa', 'otp', 'hwk'] }).expect(200);
  });

  afterAll(async () => {
    await provider?.close();
    await api?.close();
    // startApi leaves its settings in this worker's environment: later test files get theirs back
    for (const [name, value] of Object.entries(previousEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  afterEach(() => provider.tamper('none'));

  function configure(settings: object = {}, agency = np, token = adminToken) {
    const client = clients.get(agency.id) as ProviderClient;
    return api
      .http()
      .put(`/v1/agencies/${agency.id}/sso`)
      .auth(token, bearer)
      .send({ issuer: provider.issuer, clientId: client.client_id, clientSecret: client.client_secret, ...settings });
  }

  async function start(agency = np) {
    const response = await api.http().get(`/v1/auth/sso/${agency.id}/start`).expect(302);
    const cookie = (response.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    return { authorizationUrl: response.headers['location'] as string, cookie };
  }

  async function callback(back: URL, cookie: string | null) {
    const request = api.http().get(`${back.pathname}${back.search}`);
    const response = await (cookie ? request.set('cookie', cookie) : request).expect(303);
    const location = new URL(response.headers['location'] as string);
    const fragment = new URLSearchParams(location.hash.slice(1));
    return { location, code: fragment.get('code'), error: fragment.get('error') };
  }

  async function signInAtProvider(login: ProviderLogin, agency = np) {
    const { authorizationUrl, cookie } = await start(agency);
    return callback(await provider.signIn(authorizationUrl, login), cookie);
  }

  const exchange = (code: string | null) => api.http().post('/v1/auth/sso/exchange').send({ code });

  const query = <T extends object = Record<string, unknown>>(statement: string, values: unknown[] = []) =>
    api.em().getConnection().execute<T[]>(statement, values);

  const lastEntry = async (action: string) => {
    const [entry] = await api.em().find(AuditEventSchema, { action }, { orderBy: { occurredAt: 'desc' }, limit: 1 });
    return entry;
  };

  describe('the agency’s settings', () => {
    it('are the agency ADMIN’s: the client secret is stored sealed and never shown again', async () => {
      const view = await api.http().get(`/v1/agencies/${np.id}/sso`).auth(adminToken, bearer).expect(200);
      expect(view.body).toMatchObject({
        configured: true,
        issuer: provider.issuer,
        clientId: clients.get(np.id)?.client_id,
        clientSecretSet: true,
        redirectUri: `${PUBLIC_URL}/v1/auth/sso/${np.id}/callback`,
        emailClaim: 'email',
        acceptedAmr: ['mfa', 'otp', 'hwk'],
        enabled: true,
        passwordSignIn: true,
      });
      expect(JSON.stringify(view.body)).not.toContain(clients.get(np.id)?.client_secret);
      const [row] = await query<{ sealed: Buffer }>(
        'select client_secret_ciphertext as sealed from agency_sign_on where agency_id = ?',
        [np.id],
      );
      expect(row.sealed.toString('latin1')).not.toContain(clients.get(np.id)?.client_secret);
      const entry = await lastEntry('sso.configured');
      expect(JSON.stringify(entry.data)).not.toContain(clients.get(np.id)?.client_secret);
    });

    it('are not for the agency’s other roles (403), nor for another agency (404)', async () => {
      const officerToken = await api.login(officer.email);
      await api.http().get(`/v1/agencies/${np.id}/sso`).auth(officerToken, bearer).expect(403);
      const otherAdmin = await createUser(api.em(), other, { roles: ['ADMIN'], platformAdmin: true });
      const otherToken = await api.login(otherAdmin.email);
      await api.http().get(`/v1/agencies/${np.id}/sso`).auth(otherToken, bearer).expect(404);
      await configure({}, np, otherToken).expect(404);
    });

    it('refuses an issuer that cannot be discovered, naming the field, and a single-factor amr', async () => {
      const closed = await closedPort();
      const unreachable = await configure({ issuer: `http://127.0.0.1:${closed}/realms/none` }).expect(422);
      expect(unreachable.headers['content-type']).toMatch(PROBLEM);
      expect(unreachable.body.errors).toEqual([expect.objectContaining({ field: 'issuer' })]);
      expect(unreachable.body.detail).toMatch(/could not be reached/);
      const single = await configure({ acceptedAmr: ['pwd'] }).expect(400);
      expect(single.body.errors[0]).toMatchObject({ field: 'acceptedAmr' });
    });
  });

  describe('signing in', () => {
    it('works end to end: code flow with PKCE, state and nonce; the console gets a single-use code for the pair', async () => {
      const { authorizationUrl, cookie } = await start();
      const request = new URL(authorizationUrl);
      expect(request.origin).toBe(provider.issuer);
      expect(Object.fromEntries(request.searchParams)).toMatchObject({
        response_type: 'code',
        client_id: clients.get(np.id)?.client_id,
        redirect_uri: `${PUBLIC_URL}/v1/auth/sso/${np.id}/callback`,
        code_challenge_method: 'S256',
        scope: 'openid email',
      });
      for (const parameter of ['state', 'nonce', 'code_challenge']) {
        expect(request.searchParams.get(parameter)?.length).toBeGreaterThanOrEqual(32);
      }
      expect(cookie).toMatch(/^liaison_sso_flow=/);

      const back = await provider.signIn(authorizationUrl, { account: 'np-officer', amr: 'pwd' });
      const { location, code, error } = await callback(back, cookie);
      expect(error).toBeNull();
      expect(`${location.origin}${location.pathname}`).toBe(`${PUBLIC_URL}/sign-in/sso`);
      expect(location.search).toBe(''); // the code travels in the fragment only

      const pair = await exchange(code).expect(200);
      expect(pair.body).toMatchObject({ tokenType: 'Bearer' });
      const me = await api.http().get('/v1/me').auth(pair.body.accessToken, bearer).expect(200);
      expect(me.body).toMatchObject({ id: officer.id, roles: ['OFFICER'] });

      const reused = await exchange(code).expect(401);
      expect(reused.body.type).toMatch(/sso-code-invalid$/);
      expect(await lastEntry('auth.sso_verified')).toMatchObject({ subjectId: officer.id });
      expect(await lastEntry('auth.login')).toMatchObject({ subjectId: officer.id });
    });

    it('refuses an answer whose state is not the attempt’s', async () => {
      const { authorizationUrl, cookie } = await start();
      const back = await provider.signIn(authorizationUrl, { account: 'np-officer' });
      back.searchParams.set('state', 'not-the-state-of-this-attempt');
      expect(await callback(back, cookie)).toMatchObject({ code: null, error: 'state_mismatch' });
      expect((await lastEntry('auth.sso_failed')).data).toEqual({ reason: 'state_mismatch' });
    });

    it('refuses an answer that comes to another browser than the one that started (no attempt)', async () => {
      const { authorizationUrl } = await start();
      const back = await provider.signIn(authorizationUrl, { account: 'np-officer' });
      expect(await callback(back, null)).toMatchObject({ code: null, error: 'no_attempt' });
      expect((await lastEntry('auth.sso_failed')).data).toEqual({ reason: 'no_attempt' });
    });

    it.each([
      ['other-nonce', 'nonce_mismatch'],
      ['expired', 'id_token_expired'],
      ['foreign-key', 'id_token_signature'],
    ] as const)('refuses an ID token with %s (%s), audited', async (tamper, reason) => {
      await provider.tamper(tamper);
      expect(await signInAtProvider({ account: 'np-officer' })).toMatchObject({ code: null, error: reason });
      expect((await lastEntry('auth.sso_failed')).data).toEqual({ reason });
    });

    it('never creates an account: an unknown user, a user of another agency, a deactivated or unverified one are refused', async () => {
      const before = await query('select count(*)::int as count from app_user');
      for (const [account, reason] of [
        ['stranger', 'unknown_user'],
        ['in-officer', 'unknown_user'],
        ['np-former', 'inactive_user'],
        ['unverified', 'email_unverified'],
      ] as const) {
        expect(await signInAtProvider({ account })).toMatchObject({ code: null, error: reason });
        const entry = await lastEntry('auth.sso_failed');
        expect(entry).toMatchObject({ stream: `agency:${np.id}`, data: { reason } });
        expect(JSON.stringify(entry)).not.toMatch(/@/); // an e-mail address only as its hash
      }
      expect(await query('select count(*)::int as count from app_user')).toEqual(before);
    });
  });

  describe('the provider’s amr as the second factor', () => {
    const decision = async (login: ProviderLogin) => {
      const { code } = await signInAtProvider(login);
      await exchange(code).expect(200);
      return (await lastEntry('auth.sso_code_redeemed')).data;
    };

    it('counts only a value the agency accepts, never a password alone', async () => {
      expect(await decision({ account: 'np-officer', amr: 'pwd otp' })).toMatchObject({
        secondFactorSatisfied: true,
        methods: ['sso', 'idp-mfa'],
      });
      expect(await decision({ account: 'np-officer', amr: 'pwd' })).toMatchObject({
        secondFactorSatisfied: false,
        methods: ['sso'],
      });
    });

    it('never counts when the agency does not say so', async () => {
      await configure({ clientSecret: undefined, acceptedAmr: [] }).expect(200);
      try {
        expect(await decision({ account: 'np-officer', amr: 'mfa otp hwk' })).toMatchObject({
          secondFactorSatisfied: false,
        });
      } finally {
        await configure({ clientSecret: undefined, acceptedAmr: ['mfa', 'otp', 'hwk'] }).expect(200);
      }
    });
  });

  describe('password sign-in switched off', () => {
    it('is refused until someone has signed in through the provider with these settings', async () => {
      await configure({ passwordSignIn: false }).expect(422); // a new secret: the settings are not proven yet
      const { code } = await signInAtProvider({ account: 'np-officer' });
      await exchange(code).expect(200);
      const saved = await configure({ clientSecret: undefined, passwordSignIn: false }).expect(200);
      expect(saved.body).toMatchObject({ passwordSignIn: false, provenAt: expect.any(String) });
    });

    it('refuses the right password with a 403 naming single sign-on, and lists the agency for the console', async () => {
      const refused = await api
        .http()
        .post('/v1/auth/login')
        .send({ email: officer.email, password: TEST_PASSWORD })
        .expect(403);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect(refused.body.type).toMatch(/password-sign-in-off$/);
      expect(refused.body.detail).toMatch(/single sign-on/);
      expect((await lastEntry('auth.login_failed')).data).toEqual({
        reason: 'password_sign_in_off',
        clientAddress: '127.0.0.1',
      });
      // a wrong password says no more than it ever did
      await api.http().post('/v1/auth/login').send({ email: officer.email, password: 'wrong' }).expect(401);
      // other agencies are not touched
      await api.login(otherOfficer.email);

      const listed = await api.http().get('/v1/auth/sso/agencies').expect(200);
      expect(listed.body).toContainEqual({
        id: np.id,
        name: np.name,
        country: 'NP',
        startUrl: `/v1/auth/sso/${np.id}/start`,
        passwordSignIn: false,
      });
      const signOn = await api.em().findOneOrFail(AgencySignOnSchema, { agency: np.id });
      expect(signOn.passwordSignIn).toBe(false);
    });
  });

  it('sends the browser back with a reason for an agency without single sign-on', async () => {
    const response = await api.http().get(`/v1/auth/sso/${other.id}/start`).expect(302);
    expect(response.headers['location']).toBe(`${PUBLIC_URL}/sign-in/sso#error=not_configured`);
  });

  it('answers 404 for an agency that does not exist', async () => {
    const unknown = '01a25366-0000-7000-8000-000000000000';
    for (const step of ['start', 'callback']) {
      const response = await api.http().get(`/v1/auth/sso/${unknown}/${step}`).expect(404);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    }
  });
});

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
