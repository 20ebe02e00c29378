import { uuidv7 } from 'uuidv7';
import {
  AgencySchema,
  DeadlineSchema,
  RequestHistorySchema,
  RequestSchema,
  type Agency,
  type Request,
  type User,
} from '@liaison/data';
import { createAgency, createRequest, createUser } from '@liaison/testing';
import { startApi, type ApiHarness } from './support/api-harness';

const PROBLEM = /^application\/problem\+json/;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Far from the dates other suites on the same database use, so that the platform-wide answer is this suite's. */
const T0 = new Date('2019-01-15T00:00:00.000Z');
const FEB = new Date('2019-02-10T00:00:00.000Z');
const MAR = new Date('2019-03-05T00:00:00.000Z');
const YEAR_2019 = 'from=2019-01-01&to=2020-01-01';
/** Identity values of victims: must never appear in an answer. */
const NAME = 'Zorblatt Quindlemere';
const ALIAS = 'Quindle the Younger';
const DOCUMENT = 'ZQ-99887766';
const BIRTH = '2009-04-12';

type Cell = Record<string, unknown> & { count: number | null; suppressed: boolean };

/** `GET /v1/statistics` through HTTP: scope, suppression, figures, roles and no personal data. */
describe('statistics API (e2e)', () => {
  let api: ApiHarness;
  let nepal: Agency;
  let thailand: Agency;
  let india: Agency;
  let myanmar: Agency;
  const users: Record<string, User> = {};
  const tokens: Record<string, string> = {};
  const oversightId = uuidv7();
  const mlaOut: Request[] = [];
  const extraditionOut: Request[] = [];
  const repatriationIn: Request[] = [];
  const foreign: Request[] = [];

  const statistics = (token: string, query = '') =>
    api.http().get(`/v1/statistics${query}`).auth(token, { type: 'bearer' });
  const setState = (request: Request, state: string) =>
    api.em().nativeUpdate(RequestSchema, { id: request.id }, { state });
  const addPerson = (token: string, request: Request, body: Record<string, unknown>) =>
    api.http().post(`/v1/requests/${request.id}/persons`).auth(token, { type: 'bearer' }).send(body).expect(201);

  /** Accepted events with their times: [event, from, to, hours after creation]. */
  async function writeHistory(request: Request, by: User, steps: [string, string, string, number][]): Promise<void> {
    const em = api.em();
    steps.forEach(([event, fromState, toState, hours], index) => {
      em.create(RequestHistorySchema, {
        id: uuidv7(),
        request: request.id,
        version: index + 2,
        event,
        fromState,
        toState,
        actor: by.id,
        actorAgency: by.agency.id,
        payload: {},
        occurredAt: new Date(request.createdAt.getTime() + hours * HOUR),
      });
    });
    await em.flush();
  }

  async function addDeadline(request: Request, kind: string, outcome: 'on_time' | 'overdue' | 'open'): Promise<void> {
    const em = api.em();
    const dueAt = new Date(request.createdAt.getTime() + 10 * DAY);
    em.create(DeadlineSchema, {
      requestId: request.id,
      kind,
      dueAt: outcome === 'open' ? new Date(Date.now() + 365 * DAY) : dueAt,
      remainingMs: null,
      legalSource: 'Test default',
      responsibleSide: 'requested',
      status: outcome === 'open' ? 'pending' : 'stopped',
      overdueAt: outcome === 'overdue' ? dueAt : null,
      stoppedAt: outcome === 'open' ? null : new Date(dueAt.getTime() + (outcome === 'overdue' ? DAY : -DAY)),
    });
    await em.flush();
  }

  beforeAll(async () => {
    api = await startApi({ RATE_LIMIT_PER_MINUTE: '100000', AUDIT_OVERSIGHT_AGENCY_IDS: oversightId });
    const em = api.em();
    nepal = await createAgency(em, { name: 'Nepal Police', country: 'NP' });
    thailand = await createAgency(em, { name: 'Royal Thai Police', country: 'TH' });
    india = await createAgency(em, { name: 'Central Bureau of Investigation', country: 'IN' });
    myanmar = await createAgency(em, { name: 'Myanmar Police Force', country: 'MM' });
    em.create(AgencySchema, {
      id: oversightId,
      name: 'National Oversight Body',
      country: 'NP',
      type: 'POLICE',
      centralAuthority: false,
      acceptedLanguages: ['en'],
    });
    await em.flush();
    const oversight = await em.findOneOrFail(AgencySchema, { id: oversightId });
    const specs: [string, Agency, User['roles'], boolean?][] = [
      ['npOfficer', nepal, ['OFFICER']],
      ['npSupervisor', nepal, ['SUPERVISOR']],
      ['npAuditor', nepal, ['AUDITOR']],
      ['npAdmin', nepal, ['ADMIN']],
      ['thOfficer', thailand, ['OFFICER']],
      ['inOfficer', india, ['OFFICER']],
      ['oversightAuditor', oversight, ['AUDITOR']],
      ['platformAdmin', india, ['ADMIN'], true],
    ];
    for (const [name, agency, roles, platformAdmin] of specs) {
      users[name] = await createUser(em, agency, { roles, platformAdmin: platformAdmin ?? false });
      tokens[name] = await api.login(users[name].email);
    }
    const npOfficer = users['npOfficer'] as User;

    // Nepal files 6 MLA requests to Thailand (January), with a victim each, history and a clock each.
    for (let i = 1; i <= 6; i += 1) {
      const request = await createRequest(api.em(), {
        requesting: nepal,
        requested: thailand,
        createdBy: npOfficer,
        kind: 'mla',
        legalBasis: 'untoc',
        createdAt: new Date(T0.getTime() + i * 60_000),
      });
      mlaOut.push(request);
      await addPerson(tokens['npOfficer'] as string, request, {
        role: 'victim',
        gender: 'female',
        nationality: 'NP',
        minor: true,
        identity: {
          names: [NAME],
          aliases: [ALIAS],
          dateOfBirth: BIRTH,
          documentNumbers: [{ type: 'passport', number: DOCUMENT }],
        },
      });
      // transmitted lasts i days (median 3.5 days, p90 5.5 days); the first one has an event that keeps the state.
      const loop: [string, string, string, number][] =
        i === 1 ? [['add_information', 'transmitted', 'transmitted', 3]] : [];
      const acknowledged = 2 + 24 * i;
      await writeHistory(request, npOfficer, [
        ['submit', 'draft', 'under_review', 1],
        ['approve', 'under_review', 'transmitted', 2],
        ...loop,
        ['acknowledge', 'transmitted', 'received', acknowledged],
        ['accept', 'received', 'in_execution', acknowledged + 24],
      ]);
      await addDeadline(request, 'acknowledge', i <= 2 ? 'overdue' : 'on_time');
    }
    // 3 victims of one nationality (a small cell), 5 of another, and a suspect (not a victim).
    for (let i = 0; i < 3; i += 1) {
      await addPerson(tokens['npOfficer'] as string, mlaOut[i] as Request, {
        role: 'victim',
        gender: 'male',
        nationality: 'BD',
        minor: false,
        identity: { names: [`${NAME} ${i}`] },
      });
    }
    for (let i = 0; i < 5; i += 1) {
      await addPerson(tokens['npOfficer'] as string, mlaOut[i] as Request, {
        role: 'victim',
        gender: 'female',
        nationality: 'TH',
        identity: { names: [`${NAME} the ${i}th`] },
      });
    }
    await addPerson(tokens['npOfficer'] as string, mlaOut[5] as Request, {
      role: 'suspect',
      gender: 'male',
      nationality: 'BD',
      minor: false,
      identity: { names: ['Recruiter'] },
    });
    // persons are added to drafts only; then the requests move on as the write path would have moved them
    for (const request of mlaOut) await setState(request, 'in_execution');

    // 3 extradition requests to India (January too): short histories, 3 clocks that ran on time.
    for (let i = 0; i < 3; i += 1) {
      const request = await createRequest(api.em(), {
        requesting: nepal,
        requested: india,
        createdBy: npOfficer,
        kind: 'extradition',
        legalBasis: 'reciprocity',
        state: 'transmitted',
        createdAt: new Date(T0.getTime() + DAY + i * 60_000),
      });
      extraditionOut.push(request);
      await writeHistory(request, npOfficer, [
        ['submit', 'draft', 'under_review', 1],
        ['approve', 'under_review', 'transmitted', 2],
      ]);
      await addDeadline(request, 'decide', 'on_time');
    }
    // 7 repatriations Thailand asks of Nepal (March), one with a clock still running.
    for (let i = 0; i < 7; i += 1) {
      repatriationIn.push(
        await createRequest(api.em(), {
          requesting: thailand,
          requested: nepal,
          createdBy: users['thOfficer'] as User,
          kind: 'repatriation',
          legalBasis: 'palermo-protocol',
          state: 'identity_verification',
          createdAt: new Date(MAR.getTime() + i * 60_000),
        }),
      );
    }
    await addDeadline(repatriationIn[0] as Request, 'acknowledge', 'open');
    // Thailand's own draft to Nepal: not Nepal's to count yet.
    await createRequest(api.em(), {
      requesting: thailand,
      requested: nepal,
      createdBy: users['thOfficer'] as User,
      kind: 'mla',
      state: 'under_review',
      createdAt: FEB,
    });
    // 5 requests between India and Myanmar, with victims and overdue clocks: none of Nepal's business.
    for (let i = 0; i < 5; i += 1) {
      const request = await createRequest(api.em(), {
        requesting: india,
        requested: myanmar,
        createdBy: users['inOfficer'] as User,
        kind: 'mla',
        legalBasis: 'untoc',
        createdAt: new Date(FEB.getTime() + i * 60_000),
      });
      foreign.push(request);
      await addPerson(tokens['inOfficer'] as string, request, {
        role: 'victim',
        gender: 'female',
        nationality: 'MM',
        minor: true,
      });
      await setState(request, 'received');
      await addDeadline(request, 'acknowledge', 'overdue');
    }
  });

  afterAll(() => api.close());

  const find = (cells: Cell[], match: Record<string, unknown>) =>
    cells.find((cell) => Object.entries(match).every(([key, value]) => cell[key] === value));

  it('answers an auditor with the counts of their agency, small cells and their complements suppressed', async () => {
    const response = await statistics(tokens['npAuditor'] as string).expect(200);
    const { requests, scope, suppressionThreshold, method } = response.body;
    expect(scope).toBe('agency');
    expect(suppressionThreshold).toBe(5);
    expect(method.suppression).toMatch(/withheld/);
    expect(requests.total).toEqual({ count: 16, suppressed: false });
    // 6 MLA, 3 extradition (small), 7 repatriation: the smallest other cell goes with the small one, else 16 − 7 − 6 = 3.
    expect(requests.byKind).toEqual([
      { kind: 'extradition', count: null, suppressed: true },
      { kind: 'mla', count: null, suppressed: true },
      { kind: 'repatriation', count: 7, suppressed: false },
    ]);
    expect(requests.byState).toEqual([
      { kind: 'extradition', state: 'transmitted', count: null, suppressed: true },
      { kind: 'mla', state: 'in_execution', count: null, suppressed: true },
      { kind: 'repatriation', state: 'identity_verification', count: 7, suppressed: false },
    ]);
    expect(requests.byCountryPair).toEqual([
      { requestingCountry: 'NP', requestedCountry: 'IN', count: null, suppressed: true },
      { requestingCountry: 'NP', requestedCountry: 'TH', count: null, suppressed: true },
      { requestingCountry: 'TH', requestedCountry: 'NP', count: 7, suppressed: false },
    ]);
    expect(requests.byLegalBasis).toEqual([
      { legalBasis: 'palermo-protocol', count: 7, suppressed: false },
      { legalBasis: 'reciprocity', count: null, suppressed: true },
      { legalBasis: 'untoc', count: null, suppressed: true },
    ]);
    expect(requests.byMonth).toEqual([
      { month: '2019-01', count: 9, suppressed: false },
      { month: '2019-03', count: 7, suppressed: false },
    ]);
  });

  it('counts victims of its requests by gender, age band and nationality, 3 of one nationality suppressed', async () => {
    const { victims } = (await statistics(tokens['npSupervisor'] as string).expect(200)).body;
    expect(victims.total).toEqual({ count: 14, suppressed: false });
    expect(victims.byNationality).toEqual([
      { nationality: 'BD', count: null, suppressed: true },
      { nationality: 'NP', count: 6, suppressed: false },
      { nationality: 'TH', count: null, suppressed: true },
    ]);
    expect(victims.byAgeBand).toEqual(
      expect.arrayContaining([
        { ageBand: '18 and over', count: null, suppressed: true },
        { ageBand: 'under 18', count: 6, suppressed: false },
        { ageBand: 'unknown', count: null, suppressed: true },
      ]),
    );
    expect(victims.byAgeBand).toHaveLength(3);
    // 11 women and 3 men: the men are suppressed, and so the women, or 14 − 11 would give them away.
    expect(victims.byGender).toEqual([
      { gender: 'female', count: null, suppressed: true },
      { gender: 'male', count: null, suppressed: true },
    ]);
  });

  it('gives the time spent in each ended state: median and p90, over stays that ended only', async () => {
    const { timeInState, method } = (await statistics(tokens['npAuditor'] as string).expect(200)).body;
    expect(method.timeInState).toMatch(/left out/);
    const mla = (state: string) => find(timeInState, { kind: 'mla', state });
    expect(mla('draft')).toEqual({
      kind: 'mla',
      state: 'draft',
      stays: 6,
      medianSeconds: 3600,
      p90Seconds: 3600,
      suppressed: false,
    });
    expect(mla('under_review')).toMatchObject({ stays: 6, medianSeconds: 3600 });
    // the event that kept the first request in `transmitted` does not cut its stay in two
    expect(mla('transmitted')).toEqual({
      kind: 'mla',
      state: 'transmitted',
      stays: 6,
      medianSeconds: 3.5 * 86_400,
      p90Seconds: 5.5 * 86_400,
      suppressed: false,
    });
    expect(mla('received')).toMatchObject({ stays: 6, medianSeconds: 86_400, p90Seconds: 86_400 });
    expect(mla('in_execution')).toBeUndefined();
    // 3 extraditions: too few stays to publish
    expect(find(timeInState, { kind: 'extradition', state: 'draft' })).toEqual({
      kind: 'extradition',
      state: 'draft',
      stays: null,
      medianSeconds: null,
      p90Seconds: null,
      suppressed: true,
    });
  });

  it('gives the overdue rate per deadline kind over the runs that ran their course', async () => {
    const { overdueRates } = (await statistics(tokens['npAuditor'] as string).expect(200)).body;
    expect(overdueRates).toEqual([
      { deadlineKind: 'acknowledge', ran: 6, overdue: 2, rate: 0.3333, suppressed: false },
      { deadlineKind: 'decide', ran: null, overdue: null, rate: null, suppressed: true },
    ]);
  });

  it('contains no personal data: no identity value, no person or request id, no reference or title', async () => {
    for (const token of ['npAuditor', 'npSupervisor', 'platformAdmin', 'oversightAuditor']) {
      const text = (await statistics(tokens[token] as string).expect(200)).text;
      for (const value of [NAME, 'Zorblatt', ALIAS, DOCUMENT, BIRTH, 'Recruiter']) expect(text).not.toContain(value);
      for (const request of [...mlaOut, ...extraditionOut, ...repatriationIn, ...foreign]) {
        expect(text).not.toContain(request.id);
        expect(text).not.toContain(request.reference);
        expect(text).not.toContain(request.title);
      }
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    }
  });

  it("does not count a foreign agency's requests nor another side's drafts; oversight and platform admins see all", async () => {
    const own = (await statistics(tokens['npAuditor'] as string, `?${YEAR_2019}`).expect(200)).body;
    expect(own.requests.total.count).toBe(16);
    expect(find(own.requests.byCountryPair, { requestingCountry: 'IN' })).toBeUndefined();
    expect(find(own.victims.byNationality, { nationality: 'MM' })).toBeUndefined();
    for (const token of ['platformAdmin', 'oversightAuditor']) {
      const all = (await statistics(tokens[token] as string, `?${YEAR_2019}`).expect(200)).body;
      expect(all.scope).toBe('all');
      expect(all.method.scope).toMatch(/Every request/);
      expect(all.requests.total).toEqual({ count: 16 + 1 + 5, suppressed: false });
      // India → Myanmar (5) is counted; it goes with Nepal → India (3) as its complement, the smallest other cell
      expect(all.requests.byCountryPair).toEqual([
        { requestingCountry: 'IN', requestedCountry: 'MM', count: null, suppressed: true },
        { requestingCountry: 'NP', requestedCountry: 'IN', count: null, suppressed: true },
        { requestingCountry: 'NP', requestedCountry: 'TH', count: 6, suppressed: false },
        { requestingCountry: 'TH', requestedCountry: 'NP', count: 8, suppressed: false },
      ]);
      // Myanmar's 5 victims are counted, withheld with the 3 of Bangladesh (the first of the smallest others)
      expect(all.victims.byNationality).toEqual([
        { nationality: 'BD', count: null, suppressed: true },
        { nationality: 'MM', count: null, suppressed: true },
        { nationality: 'NP', count: 6, suppressed: false },
        { nationality: 'TH', count: 5, suppressed: false },
      ]);
      expect(all.victims.total.count).toBe(19);
      expect(find(all.overdueRates, { deadlineKind: 'acknowledge' })).toEqual({
        deadlineKind: 'acknowledge',
        ran: 11,
        overdue: 7,
        rate: 0.6364,
        suppressed: false,
      });
    }
  });

  it('filters by kind and by creation dates', async () => {
    const mla = (await statistics(tokens['npAuditor'] as string, '?kind=mla').expect(200)).body;
    expect(mla.filters).toEqual({ kind: 'mla', from: null, to: null });
    expect(mla.requests.total).toEqual({ count: 6, suppressed: false });
    expect(mla.requests.byKind).toEqual([{ kind: 'mla', count: 6, suppressed: false }]);
    expect(mla.victims.total).toEqual({ count: 14, suppressed: false });
    expect(mla.overdueRates).toEqual([
      { deadlineKind: 'acknowledge', ran: 6, overdue: 2, rate: 0.3333, suppressed: false },
    ]);

    const march = (
      await statistics(tokens['npAuditor'] as string, '?from=2019-03-01&to=2019-04-01T00:00:00Z').expect(200)
    ).body;
    expect(march.filters).toEqual({ kind: null, from: '2019-03-01T00:00:00.000Z', to: '2019-04-01T00:00:00.000Z' });
    expect(march.requests.total).toEqual({ count: 7, suppressed: false });
    expect(march.requests.byMonth).toEqual([{ month: '2019-03', count: 7, suppressed: false }]);
    expect(march.victims).toEqual({
      total: { count: 0, suppressed: false },
      byGender: [],
      byAgeBand: [],
      byNationality: [],
    });

    const extradition = (await statistics(tokens['npAuditor'] as string, '?kind=extradition').expect(200)).body;
    expect(extradition.requests.total).toEqual({ count: null, suppressed: true });
    expect(extradition.requests.byKind).toEqual([{ kind: 'extradition', count: null, suppressed: true }]);
  });

  it('refuses bad filters with 400 problem+json naming each field', async () => {
    const cases: [string, string][] = [
      ['?kind=smuggling', 'kind'],
      ['?from=yesterday', 'from'],
      ['?to=2019-13-01', 'to'],
      ['?from=2019-03-01&to=2019-02-01', 'to'],
      ['?surprise=1', 'surprise'],
    ];
    for (const [query, field] of cases) {
      const refused = await statistics(tokens['npAuditor'] as string, query).expect(400);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field, in: 'query' })]);
    }
  });

  it('is for auditors and supervisors: 403 problem+json for officers and administrators, 401 signed out', async () => {
    for (const token of ['npOfficer', 'npAdmin', 'thOfficer']) {
      const refused = await statistics(tokens[token] as string).expect(403);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect(refused.body).toMatchObject({ status: 403 });
    }
    await statistics(tokens['npAuditor'] as string).expect(200);
    await statistics(tokens['npSupervisor'] as string).expect(200);
    await api.http().get('/v1/statistics').expect(401);
  });

  it('is in the OpenAPI document with its answer shape', async () => {
    const document = (await api.http().get('/docs-json').expect(200)).body;
    expect(document.paths['/v1/statistics'].get.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'from',
      'kind',
      'to',
    ]);
    expect(Object.keys(document.components.schemas.StatisticsView.properties)).toEqual(
      expect.arrayContaining(['scope', 'method', 'requests', 'timeInState', 'overdueRates', 'victims']),
    );
  });
});
