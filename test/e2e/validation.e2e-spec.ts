import { createAgency, createUser } from '@liaison/testing';
import type { Agency } from '@liaison/data';
import { startApi, type ApiHarness } from './support/api-harness';

/** Bad input of every kind is a 4xx problem+json naming what is wrong, never a 500. */
describe('validation errors as problem+json (e2e)', () => {
  let api: ApiHarness;
  let agency: Agency;
  let token: string;

  beforeAll(async () => {
    api = await startApi({ BODY_LIMIT: '10kb' });
    agency = await createAgency(api.em(), { country: 'TH' });
    const admin = await createUser(api.em(), agency, { roles: ['ADMIN'], platformAdmin: true });
    token = await api.login(admin.email);
  });

  afterAll(() => api.close());

  const createUserAt = (body: string | object, agencyId = agency.id) => {
    const call = api
      .http()
      .post(`/v1/agencies/${agencyId}/users`)
      .auth(token, { type: 'bearer' })
      .set('Content-Type', 'application/json');
    return call.send(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const valid = {
    email: 'new@rtp.example',
    displayName: 'Somchai',
    roles: ['OFFICER'],
  };

  function expectProblem(
    response: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
    status: number,
  ) {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status,
      type: expect.stringMatching(/^https:\/\//),
      title: expect.any(String),
    });
    expect(response.body['requestId']).toBe(response.headers['x-request-id']);
  }

  it('malformed JSON → 400 malformed-json', async () => {
    const response = await createUserAt('{"email": "a@b.example",');
    expectProblem(response, 400);
    expect(response.body.type).toBe('https://liaison.example/problems/malformed-json');
  });

  it('wrong types → 400 naming each field with a JSON pointer', async () => {
    const response = await createUserAt({ ...valid, displayName: 42, roles: 'OFFICER' });
    expectProblem(response, 400);
    const fields = response.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['displayName', 'roles']));
    expect(response.body.errors.find((error: { field: string }) => error.field === 'displayName')).toMatchObject({
      in: 'body',
      pointer: '#/displayName',
    });
  });

  it('unknown fields → 400', async () => {
    const response = await createUserAt({ ...valid, isSuperuser: true });
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([
      { field: 'isSuperuser', in: 'body', pointer: '#/isSuperuser', detail: 'property isSuperuser should not exist' },
    ]);
  });

  it('missing required fields and values out of the allowed set → 400', async () => {
    const response = await createUserAt({ email: 'not-an-email', roles: ['GOD'] });
    expectProblem(response, 400);
    const fields = new Set(response.body.errors.map((error: { field: string }) => error.field));
    expect(fields).toEqual(new Set(['email', 'displayName', 'roles']));
  });

  it('a body larger than the limit → 413', async () => {
    const response = await createUserAt({ ...valid, displayName: 'x'.repeat(20_000) });
    expectProblem(response, 413);
  });

  it('a body that is not an object → 400', async () => {
    const response = await createUserAt('[1, 2, 3]');
    expectProblem(response, 400);
  });

  it('a malformed id in the path → 400 naming the parameter', async () => {
    const response = await createUserAt(valid, 'not-a-uuid');
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([{ field: 'agencyId', in: 'path', detail: 'agencyId must be a UUID' }]);
  });

  it('a bad query parameter → 400 naming it', async () => {
    const response = await api.http().get(`/v1/agencies/${agency.id}/users?limit=5000`).auth(token, { type: 'bearer' });
    expectProblem(response, 400);
    expect(response.body.errors[0]).toMatchObject({ field: 'limit', in: 'query' });
  });

  it('a country that is not ISO 3166-1 alpha-2 → 400', async () => {
    const response = await api
      .http()
      .post('/v1/agencies')
      .auth(token, { type: 'bearer' })
      .send({ name: 'Somewhere Police', country: 'XX', type: 'POLICE' });
    expectProblem(response, 400);
    expect(response.body.errors[0]).toMatchObject({ field: 'country', pointer: '#/country' });
  });

  it('an unknown route → 404 problem', async () => {
    expectProblem(await api.http().get('/v1/no-such-thing').auth(token, { type: 'bearer' }), 404);
  });
});
