import {
  AccountLinkSchema,
  OutboxMessageSchema,
  RefreshTokenSchema,
  UserSchema,
  type Agency,
  type User,
} from '@liaison/data';
import { createAgency, createUser, TEST_PASSWORD } from '@liaison/testing';
import { accountLinkMail, mailText } from './support/account-mail';
import { PROBLEM, startApi, type ApiHarness } from './support/api-harness';
import { startNotificationsWorker, type WorkerHarness } from './support/notifications-worker';
import { startSmtpCapture, type SmtpCapture } from './support/smtp-capture';
import { enrolTotp, signInWithTotp } from './support/second-factor';

// a TOTP code's time step is accepted once: a test may wait up to one 30-second period for its next code
jest.setTimeout(90_000);

const NEW_PASSWORD = 'lanterns over the kathmandu valley';
let forwarded = 0;
/** Each call from its own address: the per-address limits of these routes stay out of the way. */
const from = () => ({ 'X-Forwarded-For': `10.77.${Math.floor(++forwarded / 250)}.${forwarded % 250}` });

/** Passwords the user owns: invitations, change, reset, an administrator's reset, the rules (e2e, real worker and SMTP). */
describe('passwords the user owns (e2e)', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let smtp: SmtpCapture;
  let agency: Agency;
  let adminToken: string;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    api = await startApi({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      OUTBOX_POLL_MS: '200',
      PUBLIC_URL: 'https://liaison.test',
    });
    worker = await startNotificationsWorker();
    agency = await createAgency(api.em(), { name: 'Nepal Police', country: 'NP' });
    const admin = await createUser(api.em(), agency, { roles: ['ADMIN'] });
    adminToken = await api.login(admin.email);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });

  const invite = (email: string, displayName = 'Sita Gurung') =>
    api
      .http()
      .post(`/v1/agencies/${agency.id}/users`)
      .auth(adminToken, { type: 'bearer' })
      .send({ email, displayName, roles: ['OFFICER'] });
  const redeem = (token: string, password: string) =>
    api.http().post('/v1/auth/password-links/redeem').set(from()).send({ token, password });
  const inspect = (token: string) => api.http().post('/v1/auth/password-links/inspect').set(from()).send({ token });
  const signIn = (email: string, password: string) =>
    api.http().post('/v1/auth/login').set(from()).send({ email, password });
  const refresh = (refreshToken: string) => api.http().post('/v1/auth/refresh').send({ refreshToken });
  const fieldOf = (body: { errors?: { field: string }[] }) => body.errors?.map((error) => error.field);

  describe('an invitation', () => {
    it('lets the new user choose the first password through a single-use link, then sign in', async () => {
      const email = 'sita.gurung@np-police.example';
      const created = await invite(email).expect(201);
      expect(created.body).not.toHaveProperty('password');
      await signIn(email, TEST_PASSWORD).expect(401); // no password before the invitation is accepted

      const { link, token, mail } = await accountLinkMail(smtp, email, 'account.invitation');
      expect(link).toMatch(/^https:\/\/liaison\.test\/account\/invitation#token=/);
      expect(mailText(mail)).toContain('Nepal Police');
      // at rest: the hash and the sealed token, never the token; the outbox row names the link only
      const stored = await api
        .em()
        .findOneOrFail(AccountLinkSchema, { user: created.body.id }, { populate: ['tokenSealed'] });
      expect(stored.tokenSealed).not.toBeNull();
      expect(Buffer.from(stored.tokenSealed!).toString('latin1')).not.toContain(token);
      expect(stored.tokenHash).not.toContain(token);
      const rows = await api.em().find(OutboxMessageSchema, { topic: 'account_link' });
      expect(JSON.stringify(rows.map((row) => row.payload))).not.toContain(token);
      expect(rows.map((row) => row.payload)).toContainEqual({ linkId: stored.id });

      const seen = await inspect(token).expect(200);
      expect(seen.body).toMatchObject({
        purpose: 'invitation',
        email,
        displayName: 'Sita Gurung',
        agencyName: 'Nepal Police',
      });
      await redeem(token, NEW_PASSWORD).expect(204);
      // an invited account has no exemption: its first sign-in enrols an authenticator app, the next gives a code
      const enrolled = await enrolTotp(api, email, NEW_PASSWORD);
      await api.http().get('/v1/me').auth(enrolled.accessToken, { type: 'bearer' }).expect(200);
      const next = await signInWithTotp(api, email, await enrolled.nextCode(), NEW_PASSWORD);
      await api.http().get('/v1/me').auth(next.accessToken, { type: 'bearer' }).expect(200);

      // once only: the token opens nothing any more, and its sealed copy is gone
      const again = await redeem(token, 'another long passphrase here').expect(410);
      expect(again.headers['content-type']).toMatch(PROBLEM);
      await inspect(token).expect(410);
      const spent = await api.em().findOneOrFail(AccountLinkSchema, stored.id, { populate: ['tokenSealed'] });
      expect([spent.spentAt, spent.tokenSealed]).toEqual([expect.any(Date), null]);
    });

    it('stops working once it has expired', async () => {
      const email = 'expired.invitee@np-police.example';
      const created = await invite(email).expect(201);
      const { token } = await accountLinkMail(smtp, email, 'account.invitation');
      await api
        .em()
        .nativeUpdate(AccountLinkSchema, { user: created.body.id }, { expiresAt: new Date(Date.now() - 1000) });
      await inspect(token).expect(410);
      await redeem(token, NEW_PASSWORD).expect(410);
      await signIn(email, NEW_PASSWORD).expect(401);
    });

    it('is what an administrator sends: a password in the creation is refused, naming the field', async () => {
      const response = await api
        .http()
        .post(`/v1/agencies/${agency.id}/users`)
        .auth(adminToken, { type: 'bearer' })
        .send({
          email: 'with.password@np-police.example',
          displayName: 'Ram Thapa',
          roles: ['OFFICER'],
          password: NEW_PASSWORD,
        })
        .expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(fieldOf(response.body)).toEqual(['password']);
      expect(await api.em().count(UserSchema, { email: 'with.password@np-police.example' })).toBe(0);
    });
  });

  describe('the password rules', () => {
    let token: string;

    beforeAll(async () => {
      await invite('maya.tamang@np-police.example', 'Maya Tamang').expect(201);
      ({ token } = await accountLinkMail(smtp, 'maya.tamang@np-police.example', 'account.invitation'));
    });

    it.each([
      ['shorter than 12 characters', 'eleven-char', /at least 12 characters/],
      ['in the list of common or breached passwords, whatever its case', '1QAZ2WSX3EDC', /common or breached/],
      ['containing the e-mail address', 'maya.tamang@np-police.example!', /e-mail address/],
      ["containing the e-mail address's local part", 'my maya.tamang secret', /e-mail address/],
      ['containing the name', 'Tamang of the high hills', /your name/],
    ])('refuses a password %s with a 400 naming the field', async (_what, password, detail) => {
      const response = await redeem(token, password).expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'password', detail: expect.stringMatching(detail) }),
      ]);
    });

    it('has no composition rules, and the refused attempts left the link usable', async () => {
      await redeem(token, 'all lower case words are fine').expect(204);
    });
  });

  describe('a change of password', () => {
    let user: User;

    beforeAll(async () => {
      user = await createUser(api.em(), agency, { roles: ['OFFICER'] });
    });

    const change = (accessToken: string, body: object) =>
      api.http().post('/v1/me/password').auth(accessToken, { type: 'bearer' }).send(body);

    it('needs the current password, keeps this session and ends every other one', async () => {
      const here = (await signIn(user.email, TEST_PASSWORD).expect(200)).body;
      const elsewhere = (await signIn(user.email, TEST_PASSWORD).expect(200)).body;

      const wrong = await change(here.accessToken, {
        currentPassword: 'not-my-password',
        newPassword: NEW_PASSWORD,
      }).expect(400);
      expect(fieldOf(wrong.body)).toEqual(['currentPassword']);
      const weak = await change(here.accessToken, { currentPassword: TEST_PASSWORD, newPassword: 'too-short' }).expect(
        400,
      );
      expect(fieldOf(weak.body)).toEqual(['newPassword']);
      await refresh(elsewhere.refreshToken)
        .expect(200)
        .then((response) => (elsewhere.refreshToken = response.body.refreshToken));

      await change(here.accessToken, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(204);
      await refresh(elsewhere.refreshToken).expect(401); // the other sign-in has ended
      await refresh(here.refreshToken).expect(200); // this one goes on
      await signIn(user.email, TEST_PASSWORD).expect(401);
      await signIn(user.email, NEW_PASSWORD).expect(200);
    });
  });

  describe('a reset by e-mail', () => {
    let user: User;
    const ANSWER = {
      detail:
        'If an active account has this address, a link to choose a new password is on its way. It works once, for 30 minutes.',
    };
    const askReset = (email: string) => api.http().post('/v1/auth/password-resets').set(from()).send({ email });

    beforeAll(async () => {
      user = await createUser(api.em(), agency, { roles: ['SUPERVISOR'], email: 'bikash.rai@np-police.example' });
    });

    it('answers the same, in comparable time, whether the account exists or not', async () => {
      const timed = async (email: string) => {
        const started = performance.now();
        const response = await askReset(email);
        return { status: response.status, body: response.body as unknown, ms: performance.now() - started };
      };
      const known = [];
      const unknown = [];
      for (let round = 0; round < 4; round += 1) {
        known.push(await timed(user.email));
        unknown.push(await timed(`nobody${round}@np-police.example`));
      }
      for (const answer of [...known, ...unknown]) expect([answer.status, answer.body]).toEqual([202, ANSWER]);
      const median = (samples: { ms: number }[]) => samples.map((sample) => sample.ms).sort((a, b) => a - b)[2];
      expect(Math.abs(median(known) - median(unknown))).toBeLessThan(60);
      expect(Math.min(...[...known, ...unknown].map((sample) => sample.ms))).toBeGreaterThanOrEqual(245);

      await accountLinkMail(smtp, user.email, 'account.reset');
      await new Promise((resolve) => setTimeout(resolve, 500));
      // one e-mail for the known address despite four requests within a minute; none for the unknown ones
      expect(smtp.messages.filter((mail) => mail.to.includes(user.email))).toHaveLength(1);
      expect(smtp.messages.filter((mail) => mail.to.some((to) => to.startsWith('nobody')))).toEqual([]);
    });

    it('works once, for 30 minutes, and ends every session', async () => {
      const session = (await signIn(user.email, TEST_PASSWORD).expect(200)).body;
      const { token } = await accountLinkMail(smtp, user.email, 'account.reset');
      const link = await api.em().findOneOrFail(AccountLinkSchema, { user: user.id, spentAt: null });
      expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBeCloseTo(30 * 60_000, -3); // within a second
      expect((await inspect(token).expect(200)).body.purpose).toBe('reset');

      await redeem(token, NEW_PASSWORD).expect(204);
      await refresh(session.refreshToken).expect(401);
      await signIn(user.email, NEW_PASSWORD).expect(200);
      await redeem(token, 'yet another long passphrase').expect(410);
    });

    it('refuses a reset link past its 30 minutes', async () => {
      await api.em().nativeUpdate(AccountLinkSchema, { user: user.id }, { createdAt: new Date(Date.now() - 120_000) });
      await askReset(user.email).expect(202);
      const { token } = await accountLinkMail(smtp, user.email, 'account.reset', 2);
      await api
        .em()
        .nativeUpdate(AccountLinkSchema, { user: user.id, spentAt: null }, { expiresAt: new Date(Date.now() - 1) });
      await redeem(token, 'a passphrase too late').expect(410);
    });
  });

  describe("an administrator's reset", () => {
    it('stops the password at once, ends every session and sends a link for the forced change', async () => {
      const user = await createUser(api.em(), agency, { roles: ['OFFICER'], email: 'gita.shrestha@np-police.example' });
      const session = (await signIn(user.email, TEST_PASSWORD).expect(200)).body;

      const reset = await api
        .http()
        .post(`/v1/agencies/${agency.id}/users/${user.id}/password-reset`)
        .auth(adminToken, { type: 'bearer' })
        .expect(202);
      expect(reset.body).toMatchObject({ sent: 'admin_reset', sessionsEnded: 1 });
      await signIn(user.email, TEST_PASSWORD).expect(401);
      await refresh(session.refreshToken).expect(401);

      const { token } = await accountLinkMail(smtp, user.email, 'account.admin_reset');
      expect((await inspect(token).expect(200)).body.purpose).toBe('admin_reset');
      await redeem(token, NEW_PASSWORD).expect(204);
      await signIn(user.email, NEW_PASSWORD).expect(200);
    });

    it('sends a new invitation to a user who never accepted theirs, and the old link stops working', async () => {
      const email = 'pending.invitee@np-police.example';
      const created = await invite(email).expect(201);
      const first = await accountLinkMail(smtp, email, 'account.invitation');
      const reset = await api
        .http()
        .post(`/v1/agencies/${agency.id}/users/${created.body.id}/password-reset`)
        .auth(adminToken, { type: 'bearer' })
        .expect(202);
      expect(reset.body.sent).toBe('invitation');
      const second = await accountLinkMail(smtp, email, 'account.invitation', 2);
      await redeem(first.token, NEW_PASSWORD).expect(410);
      await redeem(second.token, NEW_PASSWORD).expect(204);
    });

    it("ends a deactivated user's sessions: reactivated, the old sign-in stays ended", async () => {
      const user = await createUser(api.em(), agency, { roles: ['OFFICER'] });
      const session = (await signIn(user.email, TEST_PASSWORD).expect(200)).body;
      const patch = (active: boolean) =>
        api
          .http()
          .patch(`/v1/agencies/${agency.id}/users/${user.id}`)
          .auth(adminToken, { type: 'bearer' })
          .send({ active })
          .expect(200);
      await patch(false);
      await patch(true);
      await refresh(session.refreshToken).expect(401);
      expect(await api.em().count(RefreshTokenSchema, { user: user.id, revokedAt: null })).toBe(0);
    });
  });
});
