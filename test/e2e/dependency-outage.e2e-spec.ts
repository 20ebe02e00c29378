import { NO_CLIENT, SignInFlow } from '@liaison/auth';
import { AuthSessionSchema } from '@liaison/data';
import { createAgency, createUser, TEST_PASSWORD } from '@liaison/testing';
import { startApi, type ApiHarness } from './support/api-harness';

/** With Redis unreachable the api stays up and says so: /health is 503, Redis-backed routes 503, never 500. */
describe('api with Redis unreachable (e2e)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    // port 9 (discard) is closed on loopback: every connection attempt is refused at once
    api = await startApi({ REDIS_URL: 'redis://127.0.0.1:9' });
  });

  afterAll(() => api.close());

  it('reports Redis down and PostgreSQL up on /health with 503', async () => {
    const response = await api.http().get('/health').expect(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.checks).toMatchObject({ postgresql: { status: 'up' }, redis: { status: 'down' } });
  });

  it('answers sign-in (whose lockout counter lives in Redis) with 503 problem+json', async () => {
    const agency = await createAgency(api.em());
    const user = await createUser(api.em(), agency, { roles: ['OFFICER'] });
    const response = await api.http().post('/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD });
    expect(response.status).toBe(503);
    expect(response.body.type).toBe('https://liaison.example/problems/unavailable');
  });

  it('keeps answering signed-in routes, the rate limit counted by the process alone while Redis is away', async () => {
    const agency = await createAgency(api.em());
    const user = await createUser(api.em(), agency, { roles: ['OFFICER'] });
    // a session started while Redis was up (sign-in itself needs Redis's lockout counter)
    const answer = await api.app.get(SignInFlow).proceed(user, { methods: ['pwd'], secondFactorAt: null }, NO_CLIENT);
    if (!('accessToken' in answer)) throw new Error('the factory account is exempt from the second factor');
    const token = answer.accessToken;
    const started = Date.now();
    for (let call = 0; call < 3; call += 1) {
      await api.http().get('/v1/me').auth(token, { type: 'bearer' }).expect(200);
    }
    expect(Date.now() - started).toBeLessThan(3000); // no wait for Redis on each request
  });

  it('still refuses a revoked session while Redis is away: PostgreSQL answers for the revocation list', async () => {
    const agency = await createAgency(api.em());
    const user = await createUser(api.em(), agency, { roles: ['OFFICER'] });
    const answer = await api.app.get(SignInFlow).proceed(user, { methods: ['pwd'], secondFactorAt: null }, NO_CLIENT);
    if (!('accessToken' in answer)) throw new Error('the factory account is exempt from the second factor');
    await api.http().get('/v1/me').auth(answer.accessToken, { type: 'bearer' }).expect(200);
    await api.em().nativeUpdate(AuthSessionSchema, { user: user.id }, { revokedAt: new Date() });
    await api.http().get('/v1/me').auth(answer.accessToken, { type: 'bearer' }).expect(401);
  });
});
