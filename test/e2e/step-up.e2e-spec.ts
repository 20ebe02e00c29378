import { AuditEventSchema, AuthSessionSchema, RequestSchema, type Agency, type User } from '@liaison/data';
import { createAgency, createUser } from '@liaison/testing';
import { bearer, PROBLEM, startApi, UNTHROTTLED, type ApiHarness } from './support/api-harness';
import { enrolTotp, type Enrolled } from './support/second-factor';

// a TOTP code's time step is accepted once: a test may wait up to one 30-second period for its next code
jest.setTimeout(90_000);

const STEP_UP_REQUIRED = 'https://liaison.example/problems/step-up-required';

/**
 * Purging a person, granting roles, registering a webhook and exporting the audit trail need the second factor
 * checked within the last five minutes, as the session records it on the server.
 */
describe('step-up before the most sensitive actions (e2e)', () => {
  let api: ApiHarness;
  let nepal: Agency;
  let thailand: Agency;
  let officerToken: string;
  const people: Record<
    'admin' | 'secondAdmin' | 'creatingAdmin' | 'ssoAdmin' | 'supervisor' | 'auditor',
    { user: User; enrolled: Enrolled }
  > = {} as never;

  beforeAll(async () => {
    api = await startApi({ ...UNTHROTTLED, WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8' });
    const em = api.em();
    nepal = await createAgency(em, { name: 'Nepal Police', country: 'NP' });
    thailand = await createAgency(em, { name: 'Royal Thai Police', country: 'TH' });
    const officer = await createUser(em, nepal, { roles: ['OFFICER'] });
    officerToken = await api.login(officer.email);
    for (const [name, role] of [
      ['admin', 'ADMIN'],
      ['secondAdmin', 'ADMIN'],
      ['creatingAdmin', 'ADMIN'],
      ['ssoAdmin', 'ADMIN'],
      ['supervisor', 'SUPERVISOR'],
      ['auditor', 'AUDITOR'],
    ] as const) {
      const user = await createUser(em, nepal, { roles: [role], secondFactorExempt: false });
      people[name] = { user, enrolled: await enrolTotp(api, user.email) };
    }
  });

  afterAll(() => api.close());

  /** The session's last second factor six minutes ago: past the step-up window. */
  const ageSession = (name: keyof typeof people) =>
    api
      .em()
      .nativeUpdate(
        AuthSessionSchema,
        { user: people[name].user.id },
        { secondFactorAt: new Date(Date.now() - 6 * 60_000) },
      );
  const tokenOf = (name: keyof typeof people) => people[name].enrolled.accessToken;
  const stepUp = async (name: keyof typeof people) =>
    api
      .http()
      .post('/v1/auth/step-up')
      .auth(tokenOf(name), bearer)
      .send({ method: 'otp', code: await people[name].enrolled.nextCode() })
      .expect(204);
  const expectStepUpRequired = (response: { status: number; body: { type?: string }; headers: object }) => {
    expect(response.status).toBe(403);
    expect((response.headers as Record<string, string>)['content-type']).toMatch(PROBLEM);
    expect(response.body.type).toBe(STEP_UP_REQUIRED);
  };

  it('purging a person', async () => {
    const filed = await api
      .http()
      .post('/v1/requests')
      .auth(officerToken, bearer)
      .send({ kind: 'mla', requestedAgencyId: thailand.id, legalBasis: 'untoc', title: 'Step-up', content: {} })
      .expect(201);
    const person = await api
      .http()
      .post(`/v1/requests/${filed.body.id}/persons`)
      .auth(officerToken, bearer)
      .send({ role: 'victim', identity: { names: ['Sita Tamang'] } })
      .expect(201);
    await api.em().nativeUpdate(RequestSchema, { id: filed.body.id }, { state: 'transmitted' });
    const purge = () =>
      api
        .http()
        .post(`/v1/persons/${person.body.id}/purge`)
        .auth(tokenOf('supervisor'), bearer)
        .send({ ground: 'consent_withdrawn', reason: 'The victim withdrew her consent in writing.' });

    await ageSession('supervisor');
    expectStepUpRequired(await purge());
    await stepUp('supervisor');
    expect((await purge()).status).toBe(202); // proposed: it waits for a second supervisor
  });

  it('granting roles: proposing and confirming, but not renaming', async () => {
    const colleague = await createUser(api.em(), nepal, { roles: ['OFFICER'] });
    const patch = (body: object) =>
      api.http().patch(`/v1/agencies/${nepal.id}/users/${colleague.id}`).auth(tokenOf('admin'), bearer).send(body);

    await ageSession('admin');
    expectStepUpRequired(await patch({ roles: ['OFFICER', 'SUPERVISOR'] }));
    await patch({ displayName: 'Renamed Colleague' }).expect(200);
    await stepUp('admin');
    const proposed = await patch({ roles: ['OFFICER', 'SUPERVISOR'] }).expect(200);
    expect(proposed.body.roles).toEqual(['OFFICER']); // pending a second administrator
    const pending = await api.http().get('/v1/role-grants').auth(tokenOf('secondAdmin'), bearer).expect(200);
    const grant = (pending.body.items as { id: string; user: { id: string } }[]).find(
      (one) => one.user.id === colleague.id,
    );
    const confirm = () => api.http().post(`/v1/role-grants/${grant?.id}/confirm`).auth(tokenOf('secondAdmin'), bearer);

    await ageSession('secondAdmin');
    expectStepUpRequired(await confirm());
    await stepUp('secondAdmin');
    await confirm().expect(200);
    const after = await api.http().get(`/v1/agencies/${nepal.id}/users/${colleague.id}`).auth(tokenOf('admin'), bearer);
    expect(after.body.roles).toEqual(['OFFICER', 'SUPERVISOR']);
  });

  it('creating a user, whose roles are granted with the account', async () => {
    const create = (email: string) =>
      api
        .http()
        .post(`/v1/agencies/${nepal.id}/users`)
        .auth(tokenOf('creatingAdmin'), bearer)
        .send({ email, displayName: 'New Officer', roles: ['OFFICER'] });

    await ageSession('creatingAdmin');
    expectStepUpRequired(await create('new.officer@nepal.example'));
    await stepUp('creatingAdmin');
    await create('new.officer@nepal.example').expect(201);
  });

  it('registering a webhook', async () => {
    const register = () =>
      api
        .http()
        .post('/v1/webhooks')
        .auth(tokenOf('admin'), bearer)
        .send({ url: 'http://127.0.0.1:9/hook', events: ['request.*'] });

    await ageSession('admin');
    expectStepUpRequired(await register());
    await stepUp('admin');
    await register().expect(201);
  });

  it("changing the agency's identity provider", async () => {
    const configure = () =>
      api
        .http()
        .put(`/v1/agencies/${nepal.id}/sso`)
        .auth(tokenOf('ssoAdmin'), bearer)
        .send({ issuer: 'https://127.0.0.1:1/step-up', clientId: 'liaison', clientSecret: 'step-up-secret' });

    await ageSession('ssoAdmin');
    expectStepUpRequired(await configure());
    await stepUp('ssoAdmin');
    await configure().expect(422); // past the step-up: the issuer cannot be discovered
  });

  it('exporting the audit trail', async () => {
    const exportTrail = () => api.http().get('/v1/audit/export').auth(tokenOf('auditor'), bearer);

    await ageSession('auditor');
    expectStepUpRequired(await exportTrail());
    await stepUp('auditor');
    await exportTrail().expect(200);
  });

  it('refuses a step-up with a wrong code, and audits the one that worked', async () => {
    await api
      .http()
      .post('/v1/auth/step-up')
      .auth(tokenOf('auditor'), bearer)
      .send({ method: 'otp', code: '000000' })
      .expect(401);
    const entries = await api
      .em()
      .count(AuditEventSchema, { subjectId: people.auditor.user.id, action: 'auth.step_up' });
    expect(entries).toBe(1);
  });
});
