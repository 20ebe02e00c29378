import type { TestingModule } from '@nestjs/testing';
import { AuditEventSchema, AuthSessionSchema, OutboxMessageSchema, type Agency, type User } from '@liaison/data';
import { createAgency, createUser, eventually, TEST_PASSWORD } from '@liaison/testing';
import { bearer, startApi, UNTHROTTLED, type ApiHarness } from './support/api-harness';
import { enrolTotp, type Enrolled } from './support/second-factor';
import { startSmtpCapture, type SmtpCapture } from './support/smtp-capture';
import { startWorker } from './support/worker-harness';

// a TOTP code's time step is accepted once: a test may wait up to one 30-second period for its next code
jest.setTimeout(90_000);

interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  refreshExpiresAt: string;
}

/** Sessions that end: listed and revoked by their user, ended by an administrator, at an absolute end. */
describe('sessions (e2e)', () => {
  let api: ApiHarness;
  let worker: TestingModule;
  let smtp: SmtpCapture;
  let agency: Agency;
  let admin: { user: User; enrolled: Enrolled };

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    api = await startApi({
      ...UNTHROTTLED,
      SESSION_ABSOLUTE_TTL_SECONDS: '600',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      OUTBOX_POLL_MS: '200',
    });
    worker = await startWorker();
    agency = await createAgency(api.em(), { country: 'TH' });
    const user = await createUser(api.em(), agency, { roles: ['ADMIN'], secondFactorExempt: false });
    admin = { user, enrolled: await enrolTotp(api, user.email) };
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });

  const signIn = async (user: User, userAgent = 'jest') =>
    (
      await api
        .http()
        .post('/v1/auth/login')
        .set('User-Agent', userAgent)
        .send({ email: user.email, password: TEST_PASSWORD })
        .expect(200)
    ).body as Tokens;
  const me = (token: string) => api.http().get('/v1/me').auth(token, bearer);
  const refresh = (refreshToken: string) => api.http().post('/v1/auth/refresh').send({ refreshToken });
  const officer = () => createUser(api.em(), agency, { roles: ['OFFICER'] });

  it('lists the caller’s sessions with client and address, which are stored encrypted', async () => {
    const user = await officer();
    const laptop = await signIn(user, 'Firefox on the office laptop');
    await signIn(user, 'Chromium on the field tablet');
    const listed = await api.http().get('/v1/me/sessions').auth(laptop.accessToken, bearer).expect(200);
    expect(listed.body.items).toHaveLength(2);
    expect(listed.body.items.map((session: { client: string }) => session.client).sort()).toEqual([
      'Chromium on the field tablet',
      'Firefox on the office laptop',
    ]);
    const current = listed.body.items.find((session: { current: boolean }) => session.current);
    expect(current).toMatchObject({ client: 'Firefox on the office laptop', methods: ['pwd'], ip: expect.any(String) });
    const stored = await api.em().find(AuthSessionSchema, { user: user.id }, { populate: ['clientCiphertext'] });
    for (const session of stored) {
      expect(Buffer.from(session.clientCiphertext as Uint8Array).toString('latin1')).not.toMatch(/Firefox|Chromium/);
    }
  });

  it('revokes one session: its access and refresh tokens stop at once, the other goes on', async () => {
    const user = await officer();
    const first = await signIn(user);
    const second = await signIn(user);
    const listed = await api.http().get('/v1/me/sessions').auth(second.accessToken, bearer).expect(200);
    const firstId = listed.body.items.find((session: { current: boolean }) => !session.current).id;

    await api.http().delete(`/v1/me/sessions/${firstId}`).auth(second.accessToken, bearer).expect(204);
    await me(first.accessToken).expect(401);
    await refresh(first.refreshToken).expect(401);
    await me(second.accessToken).expect(200);
    // another user's session is not the caller's to see: 404
    const stranger = await signIn(await officer());
    await api.http().delete(`/v1/me/sessions/${firstId}`).auth(stranger.accessToken, bearer).expect(404);
    expect(await api.em().count(AuditEventSchema, { subjectId: user.id, action: 'auth.session_revoked' })).toBe(1);
  });

  it('logs out: the access token is refused at once, not after its 15 minutes', async () => {
    const tokens = await signIn(await officer());
    await me(tokens.accessToken).expect(200);
    await api.http().post('/v1/auth/logout').send({ refreshToken: tokens.refreshToken }).expect(204);
    await me(tokens.accessToken).expect(401);
  });

  it('ends a session at its absolute end even while it is refreshed', async () => {
    const user = await officer();
    const started = Date.now();
    let tokens = await signIn(user);
    // neither token outlives the session (10 minutes here), though access tokens live 15
    expect(tokens.expiresIn).toBeLessThanOrEqual(600);
    expect(Date.parse(tokens.refreshExpiresAt)).toBeLessThanOrEqual(started + 601_000);
    for (let turn = 0; turn < 3; turn += 1) tokens = (await refresh(tokens.refreshToken).expect(200)).body as Tokens;
    await me(tokens.accessToken).expect(200);

    // the clock reaches the session's end: the refresh token itself has not expired yet
    await api.em().nativeUpdate(AuthSessionSchema, { user: user.id }, { expiresAt: new Date(Date.now() - 1000) });
    const refused = await refresh(tokens.refreshToken);
    expect(refused.status).toBe(401);
  });

  it('lets an administrator end all sessions of a user, audited', async () => {
    const user = await officer();
    const sessions = [await signIn(user), await signIn(user)];
    await api
      .http()
      .post(`/v1/agencies/${agency.id}/users/${user.id}/sessions/end`)
      .auth(admin.enrolled.accessToken, bearer)
      .expect(204);
    for (const tokens of sessions) {
      await me(tokens.accessToken).expect(401);
      await refresh(tokens.refreshToken).expect(401);
    }
    const [entry] = await api.em().find(AuditEventSchema, { subjectId: user.id, action: 'user.sessions_ended' });
    expect(entry).toMatchObject({ actorUserId: admin.user.id, data: { sessionsEnded: 2 } });
    // another agency's administrator gets 404
    const elsewhere = await createAgency(api.em(), { country: 'MM' });
    const foreignAdmin = await createUser(api.em(), elsewhere, { roles: ['ADMIN'] });
    await api
      .http()
      .post(`/v1/agencies/${agency.id}/users/${user.id}/sessions/end`)
      .auth(await api.login(foreignAdmin.email), bearer)
      .expect(404);
  });

  it('resets a user’s second factor: audited, the user told by e-mail, their sessions ended, enrolment next', async () => {
    const user = await createUser(api.em(), agency, { roles: ['SUPERVISOR'], secondFactorExempt: false });
    const enrolled = await enrolTotp(api, user.email);
    await me(enrolled.accessToken).expect(200);

    await api
      .http()
      .post(`/v1/agencies/${agency.id}/users/${user.id}/second-factor/reset`)
      .auth(admin.enrolled.accessToken, bearer)
      .expect(204);

    await me(enrolled.accessToken).expect(401);
    await refresh(enrolled.refreshToken).expect(401);
    const [entry] = await api.em().find(AuditEventSchema, { subjectId: user.id, action: 'user.second_factor_reset' });
    expect(entry).toMatchObject({ actorUserId: admin.user.id, data: { totp: 1, recoveryCodes: 10, sessionsEnded: 1 } });
    const notice = await api.em().findOneOrFail(OutboxMessageSchema, { topic: 'account_notice' });
    expect(notice.payload).toEqual({ userId: user.id, notice: 'second_factor_reset' }); // ids only, no address
    const mail = await eventually(() => {
      const found = smtp.messages.find((message) => message.to.includes(user.email));
      if (!found) throw new Error('no e-mail yet');
      return found;
    });
    expect(mail.header('Subject')).toBe('[Liaison] Your second factor was reset');
    const next = await api.http().post('/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD });
    expect(next.body.challenge).toBe('enrol');
  });

  it('sets the queue board cookie on the server, HttpOnly, Secure and SameSite=Strict, and clears it at sign-out', async () => {
    const operator = await createUser(api.em(), agency, { roles: ['ADMIN'], platformAdmin: true });
    const tokens = await signIn(operator);
    const opened = await api.http().post('/v1/admin/queues/session').auth(tokens.accessToken, bearer).expect(204);
    const [cookie] = opened.headers['set-cookie'] as unknown as string[];
    expect(cookie).toMatch(/^liaison_queue_board=[\w-]+\.[\w-]+\.[\w-]+; /);
    expect(cookie.split('; ').slice(1)).toEqual([
      'Path=/admin/queues',
      expect.stringMatching(/^Max-Age=(\d+)$/),
      'HttpOnly',
      'SameSite=Strict',
      'Secure',
    ]);
    expect(Number(cookie.match(/Max-Age=(\d+)/)?.[1])).toBeLessThanOrEqual(600);
    const pair = cookie.split(';')[0];
    await api.http().get('/admin/queues/api/queues').set('cookie', pair).expect(200);

    const officerTokens = await signIn(await officer());
    await api.http().post('/v1/admin/queues/session').auth(officerTokens.accessToken, bearer).expect(403);

    const out = await api.http().post('/v1/auth/logout').send({ refreshToken: tokens.refreshToken }).expect(204);
    expect(out.headers['set-cookie']).toEqual([
      expect.stringMatching(/^liaison_queue_board=; Path=\/admin\/queues; Max-Age=0; HttpOnly/),
    ]);
    await api.http().get('/admin/queues/api/queues').set('cookie', pair).expect(401);
  });
});
