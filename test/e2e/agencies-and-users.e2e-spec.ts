import { createAgency, createUser } from '@liaison/testing';
import type { Agency } from '@liaison/data';
import { startApi, type ApiHarness } from './support/api-harness';

describe('agencies and their users (e2e)', () => {
  let api: ApiHarness;
  let india: Agency;
  let thailand: Agency;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi();
    const em = api.em();
    india = await createAgency(em, { name: 'Central Bureau of Investigation', country: 'IN' });
    thailand = await createAgency(em, { name: 'Royal Thai Police', country: 'TH' });
    const users = {
      indiaAdmin: await createUser(em, india, { roles: ['ADMIN'] }),
      indiaOfficer: await createUser(em, india, { roles: ['OFFICER'] }),
      indiaSupervisor: await createUser(em, india, { roles: ['SUPERVISOR'] }),
      thaiAdmin: await createUser(em, thailand, { roles: ['ADMIN'] }),
      operator: await createUser(em, india, { roles: ['ADMIN'], platformAdmin: true }),
    };
    for (const [name, user] of Object.entries(users)) tokens[name] = await api.login(user.email);
  });

  afterAll(() => api.close());

  const newUser = (email: string) => ({
    email,
    displayName: 'Asha Rao',
    roles: ['OFFICER'],
  });

  it('lets an agency ADMIN create a user, who has no password until the invitation is accepted', async () => {
    const created = await api
      .http()
      .post(`/v1/agencies/${india.id}/users`)
      .auth(tokens['indiaAdmin'], { type: 'bearer' })
      .send({ ...newUser('Asha.Rao@cbi.example'), roles: ['OFFICER', 'ADMIN'] })
      .expect(201);
    expect(created.body).toMatchObject({
      agencyId: india.id,
      email: 'asha.rao@cbi.example',
      roles: ['OFFICER', 'ADMIN'],
      active: true,
    });
    expect(created.body).not.toHaveProperty('passwordHash');
    await api
      .http()
      .post('/v1/auth/login')
      .send({ email: 'asha.rao@cbi.example', password: 'a-long-enough-password' })
      .expect(401);
  });

  it('refuses user management to an OFFICER and a SUPERVISOR of the same agency (403)', async () => {
    for (const role of ['indiaOfficer', 'indiaSupervisor']) {
      const refused = await api
        .http()
        .post(`/v1/agencies/${india.id}/users`)
        .auth(tokens[role], { type: 'bearer' })
        .send(newUser(`${role}-made@cbi.example`))
        .expect(403);
      expect(refused.body.type).toBe('https://liaison.example/problems/forbidden');
      await api.http().get(`/v1/agencies/${india.id}/users`).auth(tokens[role], { type: 'bearer' }).expect(403);
    }
  });

  it("answers 404 when an ADMIN of one agency, or a platform admin, touches another agency's users", async () => {
    const thaiUser = await createUser(api.em(), thailand, { roles: ['OFFICER'] });
    const bearer = { type: 'bearer' } as const;
    const base = `/v1/agencies/${thailand.id}/users`;
    await api.http().get(base).auth(tokens['indiaAdmin'], bearer).expect(404);
    await api.http().get(base).auth(tokens['operator'], bearer).expect(404);
    await api.http().get(`${base}/${thaiUser.id}`).auth(tokens['indiaAdmin'], bearer).expect(404);
    await api.http().post(base).auth(tokens['indiaAdmin'], bearer).send(newUser('intruder@cbi.example')).expect(404);
    await api
      .http()
      .patch(`${base}/${thaiUser.id}`)
      .auth(tokens['indiaAdmin'], bearer)
      .send({ active: false })
      .expect(404);
    // nor through its own agency's path
    await api
      .http()
      .patch(`/v1/agencies/${india.id}/users/${thaiUser.id}`)
      .auth(tokens['indiaAdmin'], bearer)
      .send({ active: false })
      .expect(404);
    const stillActive = await api.http().get(`${base}/${thaiUser.id}`).auth(tokens['thaiAdmin'], bearer).expect(200);
    expect(stillActive.body.active).toBe(true);
  });

  it('lets an ADMIN change roles and deactivate, but not lock themselves out', async () => {
    const bearer = { type: 'bearer' } as const;
    const user = await createUser(api.em(), india, { roles: ['OFFICER'] });
    const updated = await api
      .http()
      .patch(`/v1/agencies/${india.id}/users/${user.id}`)
      .auth(tokens['indiaAdmin'], bearer)
      .send({ roles: ['ADMIN'], active: false })
      .expect(200);
    expect(updated.body).toMatchObject({ roles: ['ADMIN'], active: false });
    const me = await api.http().get('/v1/me').auth(tokens['indiaAdmin'], bearer).expect(200);
    await api
      .http()
      .patch(`/v1/agencies/${india.id}/users/${me.body.id}`)
      .auth(tokens['indiaAdmin'], bearer)
      .send({ active: false })
      .expect(403);
  });

  it('pages through users with a cursor', async () => {
    const bearer = { type: 'bearer' } as const;
    const first = await api
      .http()
      .get(`/v1/agencies/${india.id}/users?limit=2`)
      .auth(tokens['indiaAdmin'], bearer)
      .expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toBe(first.body.items[1].id);
    const second = await api
      .http()
      .get(`/v1/agencies/${india.id}/users?limit=2&cursor=${first.body.nextCursor}`)
      .auth(tokens['indiaAdmin'], bearer)
      .expect(200);
    expect(second.body.items[0].id > first.body.items[1].id).toBe(true);
  });

  it('refuses a second account with the same e-mail (409)', async () => {
    const bearer = { type: 'bearer' } as const;
    const path = `/v1/agencies/${india.id}/users`;
    await api.http().post(path).auth(tokens['indiaAdmin'], bearer).send(newUser('twice@cbi.example')).expect(201);
    const conflict = await api
      .http()
      .post(path)
      .auth(tokens['indiaAdmin'], bearer)
      .send(newUser('TWICE@cbi.example'))
      .expect(409);
    expect(conflict.body.status).toBe(409);
  });

  it('lets only platform administrators create agencies; everyone signed in reads the directory', async () => {
    const bearer = { type: 'bearer' } as const;
    const agency = { name: 'Myanmar Police Force', country: 'MM', type: 'POLICE', centralAuthority: false };
    await api.http().post('/v1/agencies').auth(tokens['indiaAdmin'], bearer).send(agency).expect(403);
    const created = await api.http().post('/v1/agencies').auth(tokens['operator'], bearer).send(agency).expect(201);
    expect(created.body).toMatchObject({ ...agency, acceptedLanguages: ['en'] });
    const directory = await api.http().get('/v1/agencies?country=MM').auth(tokens['indiaOfficer'], bearer).expect(200);
    expect(directory.body.map((entry: { id: string }) => entry.id)).toEqual([created.body.id]);
    // the operator then creates the new agency's first administrator
    await api
      .http()
      .post(`/v1/agencies/${created.body.id}/users`)
      .auth(tokens['operator'], bearer)
      .send({ ...newUser('admin@mpf.example'), roles: ['ADMIN'] })
      .expect(201);
  });
});
