import { AuditEventSchema, RoleGrantSchema, UserSchema, type Agency, type User } from '@liaison/data';
import { hash } from 'argon2';
import { createAgency, createRequest, createUser, TEST_PASSWORD } from '@liaison/testing';
import { bearer, PROBLEM, startApi, type ApiHarness } from './support/api-harness';

const problem = (slug: string) => `https://liaison.example/problems/${slug}`;

/**
 * Role grants with two people: no one grants themselves anything; SUPERVISOR, AUDITOR and the platform-admin flag
 * wait for a second administrator, who is neither the proposer nor the grantee; a refusal leaves nothing; every step
 * is in the trail. Platform admins create agencies and their first administrator, and have no say inside them.
 */
describe('role grants and the platform administrator’s limits (e2e)', () => {
  let api: ApiHarness;
  let india: Agency;
  let operators: Agency;
  const users: Record<string, User> = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi();
    const em = api.em();
    india = await createAgency(em, { name: 'Central Bureau of Investigation', country: 'IN' });
    operators = await createAgency(em, { name: 'Liaison operations', country: 'NL' });
    const cast = {
      adminA: await createUser(em, india, { roles: ['ADMIN'] }),
      adminB: await createUser(em, india, { roles: ['ADMIN'] }),
      operatorA: await createUser(em, operators, { roles: ['ADMIN'], platformAdmin: true }),
      operatorB: await createUser(em, operators, { roles: ['ADMIN'], platformAdmin: true }),
    };
    for (const [name, user] of Object.entries(cast)) {
      users[name] = user;
      tokens[name] = await api.login(user.email);
    }
  });

  afterAll(() => api.close());

  const patchUser = (token: string, user: User, body: object, agencyId = india.id) =>
    api.http().patch(`/v1/agencies/${agencyId}/users/${user.id}`).auth(token, bearer).send(body);
  const pendingGrants = async (token: string) =>
    (await api.http().get('/v1/role-grants').auth(token, bearer).expect(200)).body.items as {
      id: string;
      grant: string;
      user: { id: string };
      proposedBy: { id: string };
    }[];
  const decide = (token: string, grantId: string, decision: 'confirm' | 'refuse') =>
    api.http().post(`/v1/role-grants/${grantId}/${decision}`).auth(token, bearer);
  const rolesOf = async (user: User) => (await api.em().findOneOrFail(UserSchema, user.id)).roles;
  const grantRows = (user: User) => api.em().count(RoleGrantSchema, { user: user.id });

  it('refuses an administrator a role for themselves, and changes nothing', async () => {
    const refused = await patchUser(tokens['adminA'], users['adminA'], { roles: ['ADMIN', 'SUPERVISOR'] }).expect(403);
    expect(refused.headers['content-type']).toMatch(PROBLEM);
    expect(refused.body.type).toBe(problem('self-grant'));
    expect(await rolesOf(users['adminA'])).toEqual(['ADMIN']);
    expect(await grantRows(users['adminA'])).toBe(0);
  });

  it('keeps a SUPERVISOR grant pending, without its rights, until a second administrator confirms it', async () => {
    const officer = await createUser(api.em(), india, { roles: ['OFFICER'] });
    const officerToken = await api.login(officer.email);
    const proposed = await patchUser(tokens['adminA'], officer, { roles: ['OFFICER', 'SUPERVISOR'] }).expect(200);
    expect(proposed.body.roles).toEqual(['OFFICER']);

    // no SUPERVISOR rights yet: statistics are for supervisors and auditors
    await api.http().get('/v1/statistics').auth(officerToken, bearer).expect(403);
    const me = await api.http().get('/v1/me').auth(officerToken, bearer).expect(200);
    expect(me.body.roles).toEqual(['OFFICER']);

    const [grant] = (await pendingGrants(tokens['adminB'])).filter((one) => one.user.id === officer.id);
    expect(grant).toMatchObject({ grant: 'SUPERVISOR', proposedBy: { id: users['adminA'].id } });

    const own = await decide(tokens['adminA'], grant.id, 'confirm').expect(403);
    expect(own.body).toMatchObject({ type: problem('second-administrator-required'), reason: 'own_proposal' });
    expect(await rolesOf(officer)).toEqual(['OFFICER']);

    const confirmed = await decide(tokens['adminB'], grant.id, 'confirm').expect(200);
    expect(confirmed.body).toMatchObject({ id: grant.id, grant: 'SUPERVISOR', user: { id: officer.id } });
    expect(await rolesOf(officer)).toEqual(['OFFICER', 'SUPERVISOR']);
    await api.http().get('/v1/statistics').auth(officerToken, bearer).expect(200);
    expect((await pendingGrants(tokens['adminA'])).map((one) => one.id)).not.toContain(grant.id);
    await decide(tokens['adminB'], grant.id, 'confirm').expect(404);

    const trail = await api
      .em()
      .find(
        AuditEventSchema,
        { subjectId: officer.id, action: { $like: 'role_grant.%' } },
        { orderBy: { seq: 'asc' } },
      );
    expect(trail.map((entry) => [entry.action, entry.actorUserId, entry.data['grant']])).toEqual([
      ['role_grant.proposed', users['adminA'].id, 'SUPERVISOR'],
      ['role_grant.confirmed', users['adminB'].id, 'SUPERVISOR'],
    ]);
  });

  it('does not let the grantee be the second administrator of their own grant', async () => {
    await patchUser(tokens['adminA'], users['adminB'], { roles: ['ADMIN', 'AUDITOR'] }).expect(200);
    const [grant] = (await pendingGrants(tokens['adminB'])).filter((one) => one.user.id === users['adminB'].id);
    const refused = await decide(tokens['adminB'], grant.id, 'confirm').expect(403);
    expect(refused.body.reason).toBe('own_grant');
    expect(await rolesOf(users['adminB'])).toEqual(['ADMIN']);
    await decide(tokens['adminA'], grant.id, 'refuse').expect(204); // its proposer withdraws it
  });

  it('leaves nothing of a refused grant but its entries in the trail', async () => {
    const officer = await createUser(api.em(), india, { roles: ['OFFICER'] });
    await patchUser(tokens['adminA'], officer, { roles: ['OFFICER', 'AUDITOR'] }).expect(200);
    const [grant] = (await pendingGrants(tokens['adminB'])).filter((one) => one.user.id === officer.id);
    await decide(tokens['adminB'], grant.id, 'refuse').expect(204);
    expect(await rolesOf(officer)).toEqual(['OFFICER']);
    expect(await grantRows(officer)).toBe(0);
    await decide(tokens['adminA'], grant.id, 'confirm').expect(404);
    const actions = await api.em().find(AuditEventSchema, { subjectId: officer.id, action: { $like: 'role_grant.%' } });
    expect(actions.map((entry) => [entry.action, entry.actorUserId])).toEqual([
      ['role_grant.proposed', users['adminA'].id],
      ['role_grant.refused', users['adminB'].id],
    ]);
  });

  it('creates a user asked for with SUPERVISOR with the other roles, the SUPERVISOR grant pending', async () => {
    const created = await api
      .http()
      .post(`/v1/agencies/${india.id}/users`)
      .auth(tokens['adminA'], bearer)
      .send({
        email: 'new.supervisor@cbi.example',
        displayName: 'Meera Iyer',
        roles: ['OFFICER', 'SUPERVISOR'],
      })
      .expect(201);
    expect(created.body.roles).toEqual(['OFFICER']);
    const pending = (await pendingGrants(tokens['adminB'])).filter((one) => one.user.id === created.body.id);
    expect(pending.map((one) => one.grant)).toEqual(['SUPERVISOR']);
  });

  it('hides an agency’s pending grants from other agencies and from its non-administrators', async () => {
    const officer = await createUser(api.em(), india, { roles: ['OFFICER'] });
    await patchUser(tokens['adminA'], officer, { roles: ['OFFICER', 'SUPERVISOR'] }).expect(200);
    const [grant] = (await pendingGrants(tokens['adminB'])).filter((one) => one.user.id === officer.id);
    const thailand = await createAgency(api.em(), { country: 'TH' });
    const thaiAdmin = await api.login((await createUser(api.em(), thailand, { roles: ['ADMIN'] })).email);
    expect(await pendingGrants(thaiAdmin)).toEqual([]);
    await decide(thaiAdmin, grant.id, 'confirm').expect(404);
    // a platform admin of another agency decides only the platform-admin flag
    await decide(tokens['operatorA'], grant.id, 'confirm').expect(404);
    await api
      .http()
      .get('/v1/role-grants')
      .auth(await api.login(officer.email), bearer)
      .expect(403);
    expect(await rolesOf(officer)).toEqual(['OFFICER']);
  });

  it('makes the platform-admin flag a platform admin’s proposal, confirmed by another platform admin', async () => {
    const colleague = await createUser(api.em(), operators, { roles: ['ADMIN'] });
    await patchUser(tokens['adminA'], users['adminB'], { platformAdmin: true }).expect(403);
    await patchUser(tokens['operatorA'], colleague, { platformAdmin: true }, operators.id).expect(200);
    const [grant] = (await pendingGrants(tokens['operatorB'])).filter((one) => one.user.id === colleague.id);
    expect(grant.grant).toBe('PLATFORM_ADMIN');
    expect((await pendingGrants(tokens['adminA'])).map((one) => one.id)).not.toContain(grant.id);
    await decide(tokens['operatorA'], grant.id, 'confirm').expect(403);
    await decide(tokens['operatorB'], grant.id, 'confirm').expect(200);
    const me = await api
      .http()
      .get('/v1/me')
      .auth(await api.login(colleague.email), bearer)
      .expect(200);
    expect(me.body.platformAdmin).toBe(true);

    // taking the flag away needs no second person, and is in the trail
    await patchUser(tokens['operatorA'], colleague, { platformAdmin: false }, operators.id).expect(200);
    expect((await api.em().findOneOrFail(UserSchema, colleague.id)).platformAdmin).toBe(false);
    const removal = await api
      .em()
      .findOneOrFail(
        AuditEventSchema,
        { subjectId: colleague.id, action: 'user.updated' },
        { orderBy: { seq: 'desc' } },
      );
    expect(removal.data['platformAdmin']).toEqual({ from: true, to: false });
  });

  describe('the platform administrator', () => {
    it('gets 404 on the requests of an agency that is not theirs', async () => {
      const nepal = await createAgency(api.em(), { country: 'NP' });
      const officer = await createUser(api.em(), india, { roles: ['OFFICER'] });
      const request = await createRequest(api.em(), {
        requesting: india,
        requested: nepal,
        createdBy: officer,
        state: 'transmitted',
      });
      const token = tokens['operatorA'];
      await api.http().get(`/v1/requests/${request.id}`).auth(token, bearer).expect(404);
      await api.http().get(`/v1/requests/${request.id}/persons`).auth(token, bearer).expect(404);
      const list = await api.http().get('/v1/requests').auth(token, bearer).expect(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(request.id);
    });

    it('cannot create officers inside an agency, nor see or change its users', async () => {
      const token = tokens['operatorA'];
      const base = `/v1/agencies/${india.id}/users`;
      const officer = {
        email: 'planted.officer@cbi.example',
        displayName: 'Planted Officer',
        roles: ['OFFICER'],
      };
      const refused = await api.http().post(base).auth(token, bearer).send(officer).expect(403);
      expect(refused.body.type).toBe(problem('first-administrator-only'));
      // the agency has administrators: a platform admin plants no further one either
      await api
        .http()
        .post(base)
        .auth(token, bearer)
        .send({ ...officer, roles: ['ADMIN'] })
        .expect(403);
      await api.http().get(base).auth(token, bearer).expect(404);
      await api.http().get(`${base}/${users['adminA'].id}`).auth(token, bearer).expect(404);
      await patchUser(token, users['adminB'], { displayName: 'Renamed' }).expect(404);
      expect(await api.em().count(UserSchema, { email: 'planted.officer@cbi.example' })).toBe(0);
    });

    it('creates an agency and its first administrator, and nothing more inside it', async () => {
      const token = tokens['operatorA'];
      const agency = await api
        .http()
        .post('/v1/agencies')
        .auth(token, bearer)
        .send({ name: 'Myanmar Police Force', country: 'MM', type: 'POLICE' })
        .expect(201);
      const base = `/v1/agencies/${agency.body.id}/users`;
      const admin = (email: string, roles = ['ADMIN']) => ({
        email,
        displayName: 'First Administrator',
        roles,
      });
      await api
        .http()
        .post(base)
        .auth(token, bearer)
        .send(admin('officer@mpf.example', ['OFFICER']))
        .expect(403);
      const first = await api.http().post(base).auth(token, bearer).send(admin('admin@mpf.example')).expect(201);
      expect(first.body).toMatchObject({ agencyId: agency.body.id, roles: ['ADMIN'] });
      await api.http().post(base).auth(token, bearer).send(admin('second.admin@mpf.example')).expect(403);
      // the first administrator's password and second factor are the accounts-passwords and admin-bootstrap specs';
      // here they are set as the test factories set them
      await api
        .em()
        .nativeUpdate(
          UserSchema,
          { email: 'admin@mpf.example' },
          { passwordHash: await hash(TEST_PASSWORD), secondFactorExempt: true },
        );
      const firstToken = await api.login('admin@mpf.example', TEST_PASSWORD);
      await api
        .http()
        .post(base)
        .auth(firstToken, bearer)
        .send(admin('officer@mpf.example', ['OFFICER']))
        .expect(201);
    });
  });
});
