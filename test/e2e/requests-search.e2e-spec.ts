import { uuidv7 } from 'uuidv7';
import { DeadlineSchema, RequestSchema, type Agency, type DeadlineStatus, type User } from '@liaison/data';
import { formatReference, type RequestKind } from '@liaison/domain';
import { createAgency, createUser } from '@liaison/testing';
import { bearer, startApi, UNTHROTTLED, type ApiHarness } from './support/api-harness';
import { createTaskForce } from './support/task-force';

interface Seed {
  kind?: RequestKind;
  from: Agency;
  to: Agency;
  state?: string;
  legalBasis?: string;
  overdue?: boolean;
  title?: string;
  minutesAgo: number;
}

/** GET /v1/requests: scope, every filter, keyset pages. */
describe('request search (e2e)', () => {
  let api: ApiHarness;
  let nepal: Agency;
  let thailand: Agency;
  let myanmar: Agency;
  let india: Agency;
  let npOfficer: User;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const now = Date.now();
  let sequence = 0;

  async function seed(name: string, spec: Seed): Promise<void> {
    const em = api.em();
    sequence += 1;
    const kind = spec.kind ?? 'mla';
    const at = new Date(now - spec.minutesAgo * 60_000);
    const request = em.create(RequestSchema, {
      id: uuidv7(),
      reference: formatReference(kind, 2026, sequence),
      kind,
      requestingAgency: spec.from,
      requestedAgency: spec.to,
      createdBy: npOfficer,
      legalBasis: spec.legalBasis ?? 'untoc',
      title: spec.title ?? `Request ${name}`,
      content: {},
      state: spec.state ?? 'received',
      timers: [],
      overdue: spec.overdue ?? false,
      lastActivityAt: at,
      createdAt: new Date(now - sequence * 60_000),
    });
    await em.flush();
    ids[name] = request.id;
  }

  beforeAll(async () => {
    api = await startApi(UNTHROTTLED);
    const em = api.em();
    nepal = await createAgency(em, { country: 'NP' });
    thailand = await createAgency(em, { country: 'TH' });
    myanmar = await createAgency(em, { country: 'MM' });
    india = await createAgency(em, { country: 'IN' });
    npOfficer = await createUser(em, nepal, { roles: ['OFFICER'] });
    const inOfficer = await createUser(em, india, { roles: ['OFFICER'] });
    const inMember = await createUser(em, india, { roles: ['OFFICER'] });
    tokens['np'] = await api.login(npOfficer.email);
    tokens['in'] = await api.login(inOfficer.email);
    tokens['member'] = await api.login(inMember.email);
    await seed('outA', { from: nepal, to: thailand, minutesAgo: 1, title: 'Bank records of Golden Travel' });
    await seed('outB', {
      from: nepal,
      to: myanmar,
      minutesAgo: 2,
      kind: 'extradition',
      state: 'transmitted',
      legalBasis: 'reciprocity',
    });
    await seed('inC', { from: thailand, to: nepal, minutesAgo: 3, overdue: true });
    await seed('inD', {
      from: myanmar,
      to: nepal,
      minutesAgo: 4,
      kind: 'repatriation',
      state: 'referred',
      legalBasis: 'palermo-protocol',
    });
    await seed('outE', { from: nepal, to: thailand, minutesAgo: 5, overdue: true, state: 'in_execution' });
    // Three at the same instant: pages must split them by id without losing or repeating one.
    await seed('tie1', { from: thailand, to: nepal, minutesAgo: 6 });
    await seed('tie2', { from: nepal, to: thailand, minutesAgo: 6 });
    await seed('tie3', { from: thailand, to: nepal, minutesAgo: 6, title: '100% sure match' });
    await seed('foreign', { from: thailand, to: myanmar, minutesAgo: 0, title: 'Golden Travel, Thai side' });
    await seed('tfOnly', { from: thailand, to: myanmar, minutesAgo: 7 });
    // Drafts are their filer's alone: the counterpart and task-force members do not find them.
    await seed('npDraft', { from: nepal, to: thailand, minutesAgo: 8, state: 'draft' });
    await seed('thDraft', { from: thailand, to: nepal, minutesAgo: 9, state: 'under_review' });
    const followed = ['tfOnly', 'outA', 'thDraft'].map((name) => ids[name] as string);
    await createTaskForce(em, { agency: thailand, creator: npOfficer }, [inMember], followed);
  });

  afterAll(() => api.close());

  const search = (token: string, query = '') => api.http().get(`/v1/requests${query}`).auth(token, bearer);
  const names = (items: { id: string }[]) =>
    items.map((item) => Object.keys(ids).find((name) => ids[name] === item.id));
  const ownNewestFirst = ['outA', 'outB', 'inC', 'inD', 'outE'];
  const ties = () => ['tie1', 'tie2', 'tie3'].sort((a, b) => ((ids[b] as string) > (ids[a] as string) ? 1 : -1));

  it("lists both directions of the caller's agency, newest activity first, and nothing else", async () => {
    const response = await search(tokens['np']).expect(200);
    expect(names(response.body.items)).toEqual([...ownNewestFirst, ...ties(), 'npDraft']);
    expect(response.body.nextCursor).toBeNull();
    expect(response.body.items[0]).toMatchObject({
      reference: expect.stringMatching(/^MLA-2026-/),
      relation: 'requesting',
      requestingAgency: { id: nepal.id, country: 'NP' },
      requestedAgency: { id: thailand.id, country: 'TH' },
    });
    expect(response.body.items[0]).not.toHaveProperty('content');
  });

  it('filters by direction, kind, state, legal basis, counterpart country and overdue', async () => {
    const cases: [string, string[]][] = [
      ['?direction=outgoing', ['outA', 'outB', 'outE', 'tie2', 'npDraft']],
      ['?direction=incoming', ['inC', 'inD', ...ties().filter((name) => name !== 'tie2')]],
      ['?kind=extradition', ['outB']],
      ['?state=transmitted,referred', ['outB', 'inD']],
      ['?legalBasis=palermo-protocol', ['inD']],
      ['?counterpartCountry=MM', ['outB', 'inD']],
      ['?overdue=true', ['inC', 'outE']],
      ['?overdue=true&direction=incoming', ['inC']],
    ];
    for (const [query, expected] of cases) {
      const response = await search(tokens['np'], query).expect(200);
      expect({ query, found: names(response.body.items) }).toEqual({ query, found: expected });
    }
  });

  it('gives each listed request the due date of its earliest running deadline', async () => {
    const em = api.em();
    const due = (days: number) => new Date(now + days * 86_400_000);
    const deadline = (requestId: string, kind: string, dueAt: Date, status: DeadlineStatus, stopped = false) =>
      em.create(DeadlineSchema, {
        requestId,
        kind,
        dueAt,
        legalSource: 'test',
        responsibleSide: 'requested',
        status,
        stoppedAt: stopped ? new Date(now) : null,
      });
    deadline(ids['inC'], 'decide', due(9), 'pending');
    deadline(ids['inC'], 'execute', due(2), 'pending');
    deadline(ids['inD'], 'decide', due(1), 'paused');
    deadline(ids['outA'], 'acknowledge', due(1), 'stopped', true);
    await em.flush();
    const response = await search(tokens['np'], '').expect(200);
    const nextDue = Object.fromEntries(
      (response.body.items as { id: string; nextDueAt: string | null }[]).map((item) => [item.id, item.nextDueAt]),
    );
    expect([nextDue[ids['inC']], nextDue[ids['inD']], nextDue[ids['outA']], nextDue[ids['outB']]]).toEqual([
      due(2).toISOString(),
      null,
      null,
      null,
    ]);
  });

  it('finds text in the reference or the title, case-insensitively, with % and _ taken literally', async () => {
    const byTitle = await search(tokens['np'], '?q=golden%20TRAVEL').expect(200);
    expect(names(byTitle.body.items)).toEqual(['outA']);
    const reference = (await search(tokens['np'], '?kind=extradition').expect(200)).body.items[0].reference as string;
    const byReference = await search(tokens['np'], `?q=${reference.slice(-6).toLowerCase()}`).expect(200);
    expect(names(byReference.body.items)).toEqual(['outB']);
    const literal = await search(tokens['np'], `?q=${encodeURIComponent('100%')}`).expect(200);
    expect(names(literal.body.items)).toEqual(['tie3']);
    const wildcard = await search(tokens['np'], `?q=${encodeURIComponent('___')}`).expect(200);
    expect(wildcard.body.items).toEqual([]);
  });

  it('walks keyset pages without gaps or repeats, ties included, in both sorts', async () => {
    for (const sort of ['lastActivityAt', 'createdAt']) {
      const whole = (await search(tokens['np'], `?sort=${sort}`).expect(200)).body.items.map(
        (item: { id: string }) => item.id,
      );
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await search(tokens['np'], query).expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        paged.push(...page.body.items.map((item: { id: string }) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(paged).toEqual(whole);
      expect(paged).toHaveLength(9);
    }
  });

  it('shows a foreign agency nothing of ours, and task-force members only what their task forces follow', async () => {
    const foreign = await search(tokens['in']).expect(200);
    expect(foreign.body.items).toEqual([]);
    const member = await search(tokens['member']).expect(200);
    expect(names(member.body.items)).toEqual(['outA', 'tfOnly']);
    expect(member.body.items.every((item: { relation: string }) => item.relation === 'task_force')).toBe(true);
    const golden = await search(tokens['member'], '?q=Golden').expect(200);
    expect(names(golden.body.items)).toEqual(['outA']);
  });

  it("filters by task force: its members see its requests; others only their agency's among them", async () => {
    const member = await search(tokens['member']).expect(200);
    const { body: detail } = await api
      .http()
      .get(`/v1/requests/${member.body.items[0].id}`)
      .auth(tokens['member'], bearer)
      .expect(200);
    expect(detail.relation).toBe('task_force');
    const em = api.em();
    const [link] = await em
      .getConnection()
      .execute<{ task_force_id: string }[]>('select task_force_id from task_force_request limit 1');
    const query = `?taskForceId=${link?.task_force_id}`;
    expect(names((await search(tokens['member'], query).expect(200)).body.items)).toEqual(['outA', 'tfOnly']);
    const own = (await search(tokens['np'], query).expect(200)).body.items;
    expect(names(own)).toEqual(['outA']);
    expect(own[0].relation).toBe('requesting');
    expect((await search(tokens['in'], query).expect(200)).body.items).toEqual([]);
  });

  it('refuses bad queries as 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['?limit=500', 'limit'],
      ['?cursor=garbage', 'cursor'],
      ['?direction=sideways', 'direction'],
      ['?overdue=maybe', 'overdue'],
      ['?q=ab', 'q'],
      ['?state=DROP%20TABLE', 'state'],
      ['?taskForceId=1', 'taskForceId'],
    ];
    for (const [query, field] of cases) {
      const response = await search(tokens['np'], query).expect(400);
      expect(response.body.errors[0]).toMatchObject({ field, in: 'query' });
    }
    const page = await search(tokens['np'], '?limit=1').expect(200);
    await search(tokens['np'], `?sort=createdAt&cursor=${page.body.nextCursor}`).expect(400);
  });
});
