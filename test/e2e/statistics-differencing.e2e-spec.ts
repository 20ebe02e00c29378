import { AuditEventSchema, RequestSchema, type Agency, type Request, type User } from '@liaison/data';
import { createAgency, createRequest, createUser } from '@liaison/testing';
import { startApi, type ApiHarness } from './support/api-harness';

const PROBLEM = /^application\/problem\+json/;
/** May 2017: the month of this suite's requests; the lone one is filed at TARGET. */
const MAY = new Date('2017-05-03T09:00:00.000Z');
const TARGET = '2017-05-20T10:00:00.000Z';

/**
 * Differencing: two windows that differ by one request would give its victims' gender, nationality and age band
 * away. Time filters name calendar months, so no two windows differ by less than a month of requests, and every
 * statistics read is in the trail.
 */
describe('statistics cannot be differenced (e2e)', () => {
  let api: ApiHarness;
  let nepal: Agency;
  let india: Agency;
  let auditor: User;
  let token: string;
  let officer: User;
  let filer: string;

  const statistics = (query: string) => api.http().get(`/v1/statistics${query}`).auth(token, { type: 'bearer' });

  async function file(createdAt: Date, victim: Record<string, unknown>): Promise<Request> {
    const request = await createRequest(api.em(), {
      requesting: nepal,
      requested: india,
      createdBy: officer,
      createdAt,
    });
    await api
      .http()
      .post(`/v1/requests/${request.id}/persons`)
      .auth(filer, { type: 'bearer' })
      .send({ role: 'victim', identity: { names: ['Anonymous Witness'] }, ...victim })
      .expect(201);
    await api.em().nativeUpdate(RequestSchema, { id: request.id }, { state: 'received' });
    return request;
  }

  beforeAll(async () => {
    api = await startApi({ RATE_LIMIT_PER_MINUTE: '100000' });
    const em = api.em();
    nepal = await createAgency(em, { name: 'Nepal Police', country: 'NP' });
    india = await createAgency(em, { name: 'Central Bureau of Investigation', country: 'IN' });
    officer = await createUser(em, nepal, { roles: ['OFFICER'] });
    filer = await api.login(officer.email);
    auditor = await createUser(em, nepal, { roles: ['AUDITOR'] });
    token = await api.login(auditor.email);
    for (let i = 0; i < 6; i += 1) {
      await file(new Date(MAY.getTime() + i * 86_400_000), { gender: 'female', nationality: 'NP', minor: false });
    }
    // the one request an attacker would isolate: its victim is the only male child from Myanmar
    await file(new Date(TARGET), { gender: 'male', nationality: 'MM', minor: true });
  });

  afterAll(() => api.close());

  it('refuses windows that are not calendar months, naming the field', async () => {
    const cases: [string, string][] = [
      [`?from=2017-05-01T00:00:00.000Z&to=${TARGET}`, 'to'],
      ['?from=2017-05-01T00:00:00.000Z&to=2017-05-20T10:00:00.001Z', 'to'],
      ['?from=2017-05-20&to=2017-06', 'from'],
      ['?from=2017-05-01T00:00:00.001Z', 'from'],
      ['?to=2017-13', 'to'],
    ];
    for (const [query, field] of cases) {
      const refused = await statistics(query).expect(400);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field, in: 'query' })]);
    }
  });

  it('gives the same answer to every spelling of a month, so the two closest windows difference to nothing', async () => {
    const month = (await statistics('?from=2017-05&to=2017-05').expect(200)).body;
    const bounds = (await statistics('?from=2017-05-01&to=2017-06-01T00:00:00Z').expect(200)).body;
    expect(month.filters).toEqual({ kind: null, from: '2017-05-01T00:00:00.000Z', to: '2017-06-01T00:00:00.000Z' });
    expect(bounds.filters).toEqual(month.filters);
    expect(bounds.victims).toEqual(month.victims);
    expect(month.victims.total).toEqual({ count: 7, suppressed: false });
    // the lone request's victim is in no cell of its own: differencing May against April leaves all of May
    const april = (await statistics('?from=2017-04&to=2017-04').expect(200)).body;
    expect(april.victims.total).toEqual({ count: 0, suppressed: false });
    const cell = (view: { victims: { byNationality: { nationality: string; count: number | null }[] } }) =>
      view.victims.byNationality.find((entry) => entry.nationality === 'MM');
    expect(cell(month)).toMatchObject({ count: null, suppressed: true });
  });

  it('records each statistics read in the trail, with its filters', async () => {
    await statistics('?kind=mla&from=2017-05&to=2017-05').expect(200);
    const reads = await api
      .em()
      .fork()
      .find(AuditEventSchema, { action: 'statistics.read', actorUserId: auditor.id }, { orderBy: { seq: 'desc' } });
    expect(reads[0]).toMatchObject({
      stream: `agency:${nepal.id}`,
      data: { scope: 'agency', kind: 'mla', from: '2017-05-01T00:00:00.000Z', to: '2017-06-01T00:00:00.000Z' },
    });
  });
});
