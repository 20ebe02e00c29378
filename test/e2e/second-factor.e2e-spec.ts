import { AuditEventSchema, AuthSessionSchema, TotpCredentialSchema, type Agency, type User } from '@liaison/data';
import { createAgency, createUser, TEST_PASSWORD } from '@liaison/testing';
import { bearer, PROBLEM, startApi, UNTHROTTLED, type ApiHarness } from './support/api-harness';
import { enrolTotp, signInWithTotp, totpCode, type Enrolled } from './support/second-factor';

// a TOTP code's time step is accepted once: a test may wait up to one 30-second period for its next code
jest.setTimeout(90_000);

/** Sign-in with a second factor: required enrolment, TOTP codes that work once, recovery codes, the challenge. */
describe('second factor at sign-in (e2e)', () => {
  let api: ApiHarness;
  let agency: Agency;

  beforeAll(async () => {
    api = await startApi(UNTHROTTLED);
    agency = await createAgency(api.em(), { country: 'IN' });
  });

  afterAll(() => api.close());

  const login = (email: string) => api.http().post('/v1/auth/login').send({ email, password: TEST_PASSWORD });
  const secondFactor = (challengeToken: string, method: string, code: string) =>
    api.http().post('/v1/auth/second-factor').send({ challengeToken, method, code });
  const userWithout = (roles: User['roles'] = ['OFFICER']) =>
    createUser(api.em(), agency, { roles, secondFactorExempt: false });

  describe('a user without a second factor', () => {
    let user: User;
    let enrolled: Enrolled;

    beforeAll(async () => {
      user = await userWithout();
    });

    it('gets an enrolment challenge instead of tokens, which opens nothing else', async () => {
      const response = await login(user.email).expect(200);
      expect(response.body).toEqual({
        challenge: 'enrol',
        challengeToken: expect.any(String),
        expiresIn: 300,
        methods: ['otp'],
      });
      expect(response.body.accessToken).toBeUndefined();
      await api.http().get('/v1/me').auth(response.body.challengeToken, bearer).expect(401);
      // an enrolment challenge is not a verification challenge
      await secondFactor(response.body.challengeToken, 'otp', '123456').expect(401);
    });

    it('enrols an authenticator app from the QR code and gets tokens and ten recovery codes', async () => {
      const first = await login(user.email).expect(200);
      const begun = await api
        .http()
        .post('/v1/auth/enrolment/totp')
        .send({ challengeToken: first.body.challengeToken })
        .expect(200);
      expect(begun.body.qrCode).toMatch(/^data:image\/png;base64,/);
      expect(begun.body.otpauthUri).toContain(`secret=${begun.body.secret}`);
      const wrong = await api
        .http()
        .post('/v1/auth/enrolment/totp/confirm')
        .send({ challengeToken: first.body.challengeToken, code: totpCode(begun.body.secret, 5) })
        .expect(401);
      expect(wrong.headers['content-type']).toMatch(PROBLEM);

      enrolled = await enrolTotp(api, user.email);
      expect(enrolled.recoveryCodes).toHaveLength(10);
      expect(new Set(enrolled.recoveryCodes).size).toBe(10);
      await api.http().get('/v1/me').auth(enrolled.accessToken, bearer).expect(200);
      const stored = await api
        .em()
        .findOneOrFail(TotpCredentialSchema, { user: user.id }, { populate: ['secretCiphertext'] });
      expect(Buffer.from(stored.secretCiphertext).toString('utf8')).not.toContain(enrolled.secret);
    });

    it('signs in next time with a code computed from the secret; a reused or wrong code is refused', async () => {
      const challenge = await login(user.email).expect(200);
      expect(challenge.body).toMatchObject({ challenge: 'verify', methods: ['otp', 'recovery'] });
      const { challengeToken } = challenge.body;
      const wrong = await secondFactor(challengeToken, 'otp', '000000');
      expect(wrong.status).toBe(401);
      const code = await enrolled.nextCode();
      const tokens = await secondFactor(challengeToken, 'otp', code).expect(200);
      await api.http().get('/v1/me').auth(tokens.body.accessToken, bearer).expect(200);

      // the challenge is spent, and the code too, even with a new challenge
      await secondFactor(challengeToken, 'otp', await enrolled.nextCode()).expect(401);
      const again = await login(user.email).expect(200);
      const reused = await secondFactor(again.body.challengeToken, 'otp', code).expect(401);
      expect(reused.body.type).toBe('https://liaison.example/problems/invalid-second-factor');

      const session = await api.em().findOneOrFail(AuthSessionSchema, { user: user.id }, { orderBy: { id: 'desc' } });
      expect(session.methods).toEqual(['pwd', 'otp']);
      expect(session.secondFactorAt).not.toBeNull();
    });

    it('accepts a recovery code once, in any case and with or without dashes', async () => {
      const [code] = enrolled.recoveryCodes;
      const first = await login(user.email).expect(200);
      await secondFactor(first.body.challengeToken, 'recovery', code.toUpperCase().replace(/-/g, '')).expect(200);
      const second = await login(user.email).expect(200);
      await secondFactor(second.body.challengeToken, 'recovery', code).expect(401);
      const status = await api
        .http()
        .get('/v1/me/second-factor')
        .auth((await signInWithTotp(api, user.email, await enrolled.nextCode())).accessToken, bearer)
        .expect(200);
      expect(status.body).toEqual({ totp: true, passkeys: false, recoveryCodesLeft: 9, required: true });
    });

    it('audits failures and locks the second factor after repeated wrong codes, like passwords', async () => {
      const locked = await userWithout(['AUDITOR']);
      await enrolTotp(api, locked.email);
      const { body } = await login(locked.email).expect(200);
      for (let attempt = 0; attempt < 5; attempt += 1) {
        await secondFactor(body.challengeToken, 'otp', '000000').expect(401);
      }
      const refused = await secondFactor(body.challengeToken, 'otp', '000000').expect(429);
      expect(refused.headers['retry-after']).toBeDefined();
      const failures = await api.em().count(AuditEventSchema, {
        subjectId: locked.id,
        action: 'auth.second_factor_failed',
      });
      expect(failures).toBe(5);
    });
  });

  it('refuses malformed second-factor input with 400 naming the field', async () => {
    const response = await api
      .http()
      .post('/v1/auth/second-factor')
      .send({ challengeToken: 'x'.repeat(40), method: 'sms', code: 'abc' })
      .expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['code', 'method']);
  });

  it('refuses a forged or foreign challenge', async () => {
    const { body } = await login((await userWithout()).email).expect(200);
    const [header, payload] = body.challengeToken.split('.');
    await api
      .http()
      .post('/v1/auth/enrolment/totp')
      .send({ challengeToken: `${header}.${payload}.${'A'.repeat(43)}` })
      .expect(401);
  });

  it('lets the exempt accounts of the factories sign in with a password alone while exemptions are honoured', async () => {
    const exempt = await createUser(api.em(), agency, { roles: ['SUPERVISOR'] });
    const response = await login(exempt.email).expect(200);
    expect(response.body.accessToken).toEqual(expect.any(String));
  });
});

describe('second factor without exemptions (e2e)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi({ ...UNTHROTTLED, SECOND_FACTOR_EXEMPTIONS: '0' });
  });

  afterAll(async () => {
    await api.close();
    process.env['SECOND_FACTOR_EXEMPTIONS'] = '1';
  });

  it('asks an exempt account for its second factor all the same', async () => {
    const exempt = await createUser(api.em(), await createAgency(api.em()), { roles: ['OFFICER'] });
    const response = await api.http().post('/v1/auth/login').send({ email: exempt.email, password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.challenge).toBe('enrol');
  });
});
