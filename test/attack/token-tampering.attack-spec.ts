import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { RefreshTokenSchema, UserSchema, type Agency, type User } from '@liaison/data';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
import { createAgency, createUser } from '@liaison/testing';
import { startApi, type ApiHarness } from '../e2e/support/api-harness';
import { accessTokenOf, freshRefreshToken, signIn } from './support/attack-world';
import { base64urlJson, claimsOf, headerOf, hs256, rs256, withSignatureOf } from './support/forged-jwt';

/** Every forged, stale or revoked credential is a 401 problem+json, and the genuine one still works. */
describe('token tampering (attack)', () => {
  let api: ApiHarness;
  let config: LiaisonConfig;
  let agency: Agency;
  let officer: User;
  let supervisor: User;
  let token: string;

  beforeAll(async () => {
    api = await startApi({ RATE_LIMIT_PER_MINUTE: '100000' });
    config = api.app.get<LiaisonConfig>(LIAISON_CONFIG);
    agency = await createAgency(api.em(), { country: 'IN' });
    officer = await createUser(api.em(), agency, { roles: ['OFFICER'] });
    supervisor = await createUser(api.em(), agency, { roles: ['SUPERVISOR'], platformAdmin: true });
    token = (await signIn(api, officer.email)).accessToken;
  });

  afterAll(() => api.close());

  const me = (authorization: string) => api.http().get('/v1/me').set('Authorization', authorization);
  const now = () => Math.floor(Date.now() / 1000);
  const genuineClaims = () => claimsOf(token);
  const header = { alg: 'HS256', typ: 'JWT' };

  async function expectRefused(authorization: string) {
    const response = await me(authorization);
    expect({ authorization: authorization.slice(0, 80), status: response.status }).toEqual({
      authorization: authorization.slice(0, 80),
      status: 401,
    });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 401, type: expect.stringContaining('unauthorized') });
  }

  it('accepts the genuine token (the baseline every forgery is measured against)', async () => {
    expect(headerOf(token)).toMatchObject({ alg: 'HS256' });
    await me(`Bearer ${token}`).expect(200);
  });

  it('refuses alg none, with and without a signature', async () => {
    for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
      const unsigned = `${base64urlJson({ alg, typ: 'JWT' })}.${base64urlJson(genuineClaims())}.`;
      await expectRefused(`Bearer ${unsigned}`);
      await expectRefused(`Bearer ${withSignatureOf(token, { alg, typ: 'JWT' }, genuineClaims())}`);
    }
  });

  it('refuses tokens signed with another key, and the HS/RS confusions', async () => {
    await expectRefused(
      `Bearer ${hs256(header, genuineClaims(), 'not the secret, though long enough to pass for one')}`,
    );
    await expectRefused(`Bearer ${hs256(header, genuineClaims(), '')}`);
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    // RS256 where the api only takes HS256
    await expectRefused(`Bearer ${rs256(genuineClaims(), privatePem)}`);
    // an RSA public key used as the HMAC secret (the classic confusion when a verifier trusts the header's alg)
    await expectRefused(`Bearer ${hs256(header, genuineClaims(), publicPem)}`);
    // a key id pointing at a file the attacker knows the content of
    await expectRefused(`Bearer ${hs256({ ...header, kid: '../../../../dev/null' }, genuineClaims(), '')}`);
  });

  it('refuses a changed payload under the old signature', async () => {
    const claims = genuineClaims();
    for (const changed of [
      { ...claims, sub: supervisor.id },
      { ...claims, agency: randomUUID() },
      { ...claims, platformAdmin: true, roles: ['ADMIN'] },
      { ...claims, exp: now() + 365 * 86_400 },
    ]) {
      await expectRefused(`Bearer ${withSignatureOf(token, header, changed)}`);
    }
  });

  it('refuses expired, not-yet-valid and wrongly issued tokens signed with the real key', async () => {
    const claims = { sub: officer.id, agency: agency.id, sid: randomUUID(), iss: config.jwt.issuer };
    const sign = (extra: Record<string, unknown>) =>
      hs256(header, { ...claims, iat: now() - 10, ...extra }, config.jwt.secret);
    await me(`Bearer ${sign({ exp: now() + 60 })}`).expect(200); // the forger is right: only the claims below differ
    await expectRefused(`Bearer ${sign({ iat: now() - 7200, exp: now() - 60 })}`);
    await expectRefused(`Bearer ${sign({ exp: now() + 3600, nbf: now() + 3600 })}`);
    await expectRefused(`Bearer ${sign({ exp: now() + 60, iss: 'someone-else' })}`);
    const { iss: _issuer, ...withoutIssuer } = claims;
    await expectRefused(`Bearer ${hs256(header, { ...withoutIssuer, exp: now() + 60 }, config.jwt.secret)}`);
  });

  it('refuses well-signed tokens naming no user, or something that is not a user id at all', async () => {
    const sign = (sub: unknown) =>
      hs256(
        header,
        { sub, agency: agency.id, sid: randomUUID(), iss: config.jwt.issuer, iat: now(), exp: now() + 60 },
        config.jwt.secret,
      );
    for (const sub of [
      randomUUID(),
      "'; drop table app_user; --",
      '',
      42,
      null,
      { $ne: null },
      ['x'],
      'x'.repeat(5000),
    ]) {
      await expectRefused(`Bearer ${sign(sub)}`);
    }
  });

  it('refuses malformed authorization headers', async () => {
    for (const authorization of [
      'Bearer',
      'Bearer ',
      'Bearer a.b',
      'Bearer a.b.c.d',
      'Bearer ....',
      `Bearer ${token}x`,
      `Bearer ${token.replace(/\./g, '')}`,
      `Basic ${Buffer.from(`${officer.email}:correct-horse-battery-staple`).toString('base64')}`,
      `Token ${token}`,
      `Bearer ${'A'.repeat(6000)}.${'B'.repeat(1000)}.C`,
      `Bearer ${token.split('.').slice(0, 2).join('.')}.%00`,
    ]) {
      await expectRefused(authorization);
    }
  });

  it("stops a deactivated user's access and refresh tokens at once", async () => {
    const leaving = await createUser(api.em(), agency, { roles: ['OFFICER'] });
    const access = await accessTokenOf(api, leaving);
    const refresh = await freshRefreshToken(api, leaving);
    await me(`Bearer ${access}`).expect(200);
    const em = api.em();
    em.assign(await em.findOneOrFail(UserSchema, leaving.id), { active: false });
    await em.flush();
    await expectRefused(`Bearer ${access}`);
    const refreshed = await api.http().post('/v1/auth/refresh').send({ refreshToken: refresh });
    expect(refreshed.status).toBe(401);
    expect(refreshed.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('refuses revoked, replayed, expired and swapped refresh tokens, and a replay ends the whole sign-in', async () => {
    const refresh = (refreshToken: unknown) => api.http().post('/v1/auth/refresh').send({ refreshToken });
    const expectRefreshRefused = async (refreshToken: unknown) => {
      const response = await refresh(refreshToken);
      expect({ status: response.status, problem: response.headers['content-type'] }).toEqual({
        status: 401,
        problem: expect.stringMatching(/^application\/problem\+json/),
      });
    };

    const first = (await signIn(api, officer.email)).refreshToken;
    const rotated = (await refresh(first).expect(200)).body.refreshToken as string;
    await expectRefreshRefused(first); // replayed: spent already
    await expectRefreshRefused(rotated); // and the replay revoked the family the thief may hold
    const revoked = await api.em().count(RefreshTokenSchema, { user: officer.id, revokedAt: { $ne: null } });
    expect(revoked).toBeGreaterThanOrEqual(2);

    const loggedOut = await freshRefreshToken(api, officer);
    await api.http().post('/v1/auth/logout').send({ refreshToken: loggedOut }).expect(204);
    await expectRefreshRefused(loggedOut);

    await expectRefreshRefused(await freshRefreshToken(api, officer, new Date(Date.now() - 1000)));
    // an access token is no refresh token: longer than any, refused as input naming the field
    const swapped = await refresh(token);
    expect({ status: swapped.status, field: swapped.body.errors?.[0]?.field }).toEqual({
      status: 400,
      field: 'refreshToken',
    });
    await expectRefreshRefused(randomUUID());
    await expectRefused(`Bearer ${await freshRefreshToken(api, officer)}`); // nor a refresh token an access token
  });
});
