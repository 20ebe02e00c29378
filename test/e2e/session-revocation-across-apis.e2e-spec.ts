import { createAgency, createUser, TEST_PASSWORD } from '@liaison/testing';
import { spawnApi, type ApiProcess } from '../e2e-web/support/api-process';
import { freePort } from '../fault/support/free-port';
import { bearer, startApi, type ApiHarness } from './support/api-harness';

/**
 * Two api processes on one database and one Redis: a session ended through one is refused by the other at once,
 * because both read the same revocation list, not when the access token expires.
 */
describe('session revocation across api processes (e2e)', () => {
  let first: ApiHarness;
  let second: ApiProcess;
  let secondUrl: string;

  beforeAll(async () => {
    first = await startApi();
    const port = await freePort();
    second = await spawnApi({}, port);
    secondUrl = `http://127.0.0.1:${port}`;
  }, 120_000);

  afterAll(async () => {
    await second?.stop();
    await first?.close();
  });

  const meOnSecond = (token: string) =>
    fetch(`${secondUrl}/v1/me`, { headers: { authorization: `Bearer ${token}` } }).then((response) => response.status);

  it('refuses on the second api the access token of a session logged out on the first', async () => {
    const user = await createUser(first.em(), await createAgency(first.em()), { roles: ['OFFICER'] });
    const signedIn = await first.http().post('/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD });
    const { accessToken, refreshToken } = signedIn.body as { accessToken: string; refreshToken: string };
    expect(await meOnSecond(accessToken)).toBe(200);

    await first.http().post('/v1/auth/logout').send({ refreshToken }).expect(204);

    expect(await meOnSecond(accessToken)).toBe(401);
    await first.http().get('/v1/me').auth(accessToken, bearer).expect(401);
  });

  it('refuses on the first api a session its user revoked through the second', async () => {
    const user = await createUser(first.em(), await createAgency(first.em()), { roles: ['AUDITOR'] });
    const login = () =>
      fetch(`${secondUrl}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
      }).then((response) => response.json() as Promise<{ accessToken: string }>);
    const kept = await login();
    const ended = await login();
    await first.http().get('/v1/me').auth(ended.accessToken, bearer).expect(200);
    const sessions = (await first.http().get('/v1/me/sessions').auth(kept.accessToken, bearer).expect(200)).body;
    const other = sessions.items.find((session: { current: boolean }) => !session.current).id as string;

    const revoked = await fetch(`${secondUrl}/v1/me/sessions/${other}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${kept.accessToken}` },
    });
    expect(revoked.status).toBe(204);

    await first.http().get('/v1/me').auth(ended.accessToken, bearer).expect(401);
    await first.http().get('/v1/me').auth(kept.accessToken, bearer).expect(200);
  });
});
