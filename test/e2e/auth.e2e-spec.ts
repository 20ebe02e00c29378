import { createAgency, createUser, TEST_PASSWORD } from '@liaison/testing';
import { UserSchema, type Agency, type User } from '@liaison/data';
import { startApi, type ApiHarness } from './support/api-harness';

describe('authentication (e2e)', () => {
  let api: ApiHarness;
  let agency: Agency;
  let officer: User;

  beforeAll(async () => {
    api = await startApi({ LOGIN_MAX_FAILURES: '3', LOGIN_SLOWDOWN_AFTER: '1', LOGIN_SLOWDOWN_STEP_MS: '20' });
    const em = api.em();
    agency = await createAgency(em, { name: 'Nepal Police', country: 'NP' });
    officer = await createUser(em, agency, { roles: ['OFFICER', 'SUPERVISOR'], email: 'officer@np-police.example' });
  });

  afterAll(() => api.close());

  const login = (email: string, password: string) => api.http().post('/v1/auth/login').send({ email, password });

  it('signs in with the right password and tells who the caller is', async () => {
    const response = await login('Officer@NP-Police.example', TEST_PASSWORD).expect(200);
    expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(response.body.accessToken.split('.')).toHaveLength(3);
    expect(response.body.refreshToken.length).toBeGreaterThan(20);

    const me = await api.http().get('/v1/me').auth(response.body.accessToken, { type: 'bearer' }).expect(200);
    expect(me.body).toMatchObject({
      id: officer.id,
      email: 'officer@np-police.example',
      roles: ['OFFICER', 'SUPERVISOR'],
      platformAdmin: false,
      agency: { id: agency.id, name: 'Nepal Police', country: 'NP', type: 'POLICE' },
    });
  });

  it('refuses a wrong password and an unknown account with the same answer', async () => {
    const wrong = await login('officer@np-police.example', 'not-the-password').expect(401);
    const unknown = await login('nobody@np-police.example', 'not-the-password').expect(401);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrong.body.detail).toBe('Invalid e-mail or password.');
    expect(unknown.body.detail).toBe(wrong.body.detail);
    expect(unknown.body.type).toBe(wrong.body.type);
  });

  it('locks an account out after repeated failures, even for the right password, for existing and unknown names', async () => {
    const email = (await createUser(api.em(), agency, { roles: ['OFFICER'] })).email;
    for (const name of [email, 'ghost@np-police.example']) {
      for (let attempt = 0; attempt < 3; attempt += 1) await login(name, 'wrong-password').expect(401);
      const locked = await login(name, name === email ? TEST_PASSWORD : 'wrong-password').expect(429);
      expect(locked.body.type).toBe('https://liaison.example/problems/rate-limited');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('resets the failure count after a successful sign-in', async () => {
    const { email } = await createUser(api.em(), agency, { roles: ['OFFICER'] });
    await login(email, 'wrong-password').expect(401);
    await login(email, 'wrong-password').expect(401);
    await login(email, TEST_PASSWORD).expect(200);
    await login(email, 'wrong-password').expect(401);
    await login(email, 'wrong-password').expect(401);
    await login(email, TEST_PASSWORD).expect(200);
  });

  it('rotates refresh tokens and revokes the family when a spent token is replayed', async () => {
    const first = (await login(officer.email, TEST_PASSWORD).expect(200)).body;
    const second = (await api.http().post('/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200))
      .body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await api.http().get('/v1/me').auth(second.accessToken, { type: 'bearer' }).expect(200);

    await api.http().post('/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    // the replay revoked the whole family, including the token issued by the legitimate refresh
    await api.http().post('/v1/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
  });

  it('logs out by revoking the refresh token', async () => {
    const tokens = (await login(officer.email, TEST_PASSWORD).expect(200)).body;
    await api.http().post('/v1/auth/logout').send({ refreshToken: tokens.refreshToken }).expect(204);
    const refused = await api.http().post('/v1/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
    expect(refused.body.detail).toMatch(/revoked/);
  });

  it('requires a valid bearer token on every non-public route', async () => {
    await api.http().get('/v1/me').expect(401);
    await api.http().get('/v1/me').auth('not.a.jwt', { type: 'bearer' }).expect(401);
    await api.http().get('/v1/agencies').expect(401);
  });

  it('stops honouring the tokens of a deactivated account at once', async () => {
    const user = await createUser(api.em(), agency, { roles: ['OFFICER'] });
    const token = await api.login(user.email);
    await api.http().get('/v1/me').auth(token, { type: 'bearer' }).expect(200);
    await api.em().nativeUpdate(UserSchema, { id: user.id }, { active: false });
    await api.http().get('/v1/me').auth(token, { type: 'bearer' }).expect(401);
    await login(user.email, TEST_PASSWORD).expect(401);
  });
});
