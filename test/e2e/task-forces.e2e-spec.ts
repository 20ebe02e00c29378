import { AuditEventSchema, RequestSchema, type Agency, type Request, type User } from '@liaison/data';
import type { Actor } from '@liaison/domain';
import { RequestAccess } from '@liaison/requests';
import { createAgency, createRequest, createUser } from '@liaison/testing';
import { startApi, type ApiHarness } from './support/api-harness';

const DAY_MS = 86_400_000;
const bearer = { type: 'bearer' } as const;

interface Card {
  id: string;
  reference: string;
  state: string;
  viewerSide: string | null;
  counterpart: { id: string } | null;
  parties?: { requesting: { id: string }; requested: { id: string } };
  ageDays: number;
  overdue: boolean;
}

describe('task forces (e2e)', () => {
  let api: ApiHarness;
  const agencies: Record<'india' | 'nepal' | 'thailand' | 'ngo' | 'myanmar', Agency> = {} as never;
  const users: Record<string, User> = {};
  const tokens: Record<string, string> = {};
  const requests: Record<'transmitted' | 'received' | 'restricted' | 'foreign', Request> = {} as never;
  let taskForceId: string;

  beforeAll(async () => {
    api = await startApi();
    const em = api.em();
    agencies.india = await createAgency(em, { name: 'Central Bureau of Investigation', country: 'IN' });
    agencies.nepal = await createAgency(em, { name: 'Nepal Police', country: 'NP' });
    agencies.thailand = await createAgency(em, { name: 'Royal Thai Police', country: 'TH' });
    agencies.ngo = await createAgency(em, { name: 'Freedom Shelter', country: 'TH', type: 'NGO' });
    agencies.myanmar = await createAgency(em, { name: 'Myanmar Police Force', country: 'MM' });
    const roles = {
      inSupervisor: ['india', 'SUPERVISOR'],
      inOfficer: ['india', 'OFFICER'],
      inAuditor: ['india', 'AUDITOR'],
      npSupervisor: ['nepal', 'SUPERVISOR'],
      npSupervisorReadOnly: ['nepal', 'SUPERVISOR'],
      npOfficer: ['nepal', 'OFFICER'],
      thSupervisor: ['thailand', 'SUPERVISOR'],
      ngoOfficer: ['ngo', 'OFFICER'],
      mmSupervisor: ['myanmar', 'SUPERVISOR'],
      mmOfficer: ['myanmar', 'OFFICER'],
    } as const;
    for (const [name, [agency, role]] of Object.entries(roles)) {
      users[name] = await createUser(em, agencies[agency], { roles: [role] });
      tokens[name] = await api.login(users[name].email);
    }
    const tenDaysAgo = new Date(Date.now() - 10 * DAY_MS);
    requests.transmitted = await createRequest(em, {
      requesting: agencies.india,
      requested: agencies.nepal,
      createdBy: users['inOfficer'],
      state: 'transmitted',
      createdAt: tenDaysAgo,
      lastActivityAt: new Date(Date.now() - 3 * DAY_MS),
      // a running clock already past due: overdue before the deadline worker marks it
      timers: [{ name: 'acknowledge', status: 'running', dueAt: new Date(Date.now() - DAY_MS).toISOString() }],
    });
    requests.received = await createRequest(em, {
      kind: 'extradition',
      requesting: agencies.nepal,
      requested: agencies.thailand,
      createdBy: users['npOfficer'],
      state: 'received',
      overdue: true,
    });
    requests.restricted = await createRequest(em, {
      requesting: agencies.india,
      requested: agencies.nepal,
      createdBy: users['inOfficer'],
      state: 'in_execution',
      handlingCode: 'H2',
      timers: [{ name: 'execute', status: 'running', dueAt: new Date(Date.now() + 30 * DAY_MS).toISOString() }],
    });
    requests.foreign = await createRequest(em, {
      requesting: agencies.myanmar,
      requested: agencies.thailand,
      createdBy: users['mmOfficer'],
      state: 'transmitted',
    });
  });

  afterAll(() => api.close());

  const as = (user: string) => ({
    get: (path: string) => api.http().get(path).auth(tokens[user], bearer),
    post: (path: string, body: object) => api.http().post(path).auth(tokens[user], bearer).send(body),
    delete: (path: string) => api.http().delete(path).auth(tokens[user], bearer),
  });
  const path = (suffix = '') => `/v1/task-forces/${taskForceId}${suffix}`;
  /** A party always reads its request: anything but 200 means the route is not served (yet). */
  const requestRouteExists = async () => {
    const probe = await as('npSupervisor').get(`/v1/requests/${requests.transmitted.id}`);
    if (probe.status === 404 && /^Cannot GET/.test(String(probe.body.detail))) return false;
    expect(probe.status).toBe(200);
    return true;
  };
  const relationOf = async (user: string, requestId: string) => {
    const request = await api.em().findOneOrFail(RequestSchema, requestId);
    return api.app.get(RequestAccess).relation(api.em(), actorOf(users[user]), request);
  };
  const trail = (stream: string) => api.em().find(AuditEventSchema, { stream }, { orderBy: { seq: 'asc' } });

  it('lets a SUPERVISOR create a task force led by their agency, with themselves as its first member', async () => {
    const refused = await as('inOfficer').post('/v1/task-forces', { name: 'JTF Ganges' }).expect(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    await as('inSupervisor').post('/v1/task-forces', { name: 'JTF Ganges', lead: 'x' }).expect(400);
    const created = await as('inSupervisor')
      .post('/v1/task-forces', { name: 'JTF Ganges', description: 'Labour trafficking corridor IN-NP-TH' })
      .expect(201);
    taskForceId = created.body.id;
    expect(created.body).toMatchObject({
      name: 'JTF Ganges',
      leadAgency: { id: agencies.india.id, country: 'IN' },
      createdBy: users['inSupervisor'].id,
      linkedRequestCount: 0,
      myMembership: { readOnly: false },
      members: [{ userId: users['inSupervisor'].id, agency: { id: agencies.india.id }, readOnly: false }],
    });
    const entries = await trail(`task-force:${taskForceId}`);
    expect(entries.map((entry) => entry.action)).toEqual(['task_force.created']);
  });

  it('lets a SUPERVISOR of the lead agency add members of several agencies; NGO members are read-only', async () => {
    const add = (userId: string, readOnly = false) => as('inSupervisor').post(path('/members'), { userId, readOnly });
    for (const name of ['inOfficer', 'npSupervisor', 'npOfficer', 'thSupervisor']) {
      await add(users[name].id).expect(201);
    }
    await add(users['npSupervisorReadOnly'].id, true).expect(201);
    const ngo = await add(users['ngoOfficer'].id, false).expect(201);
    expect(ngo.body).toMatchObject({ userId: users['ngoOfficer'].id, agency: { type: 'NGO' }, readOnly: true });

    await add(users['npOfficer'].id).expect(409);
    await add('0190f5e2-0000-7000-8000-000000000000').expect(404);
    // a member of another agency, even a supervisor, does not manage the membership
    await as('npSupervisor').post(path('/members'), { userId: users['mmOfficer'].id }).expect(403);
    await as('inOfficer').post(path('/members'), { userId: users['mmOfficer'].id }).expect(403);

    const detail = await as('npOfficer').get(path()).expect(200);
    expect(detail.body.members).toHaveLength(7);
    expect(new Set(detail.body.members.map((m: { agency: { id: string } }) => m.agency.id))).toEqual(
      new Set([agencies.india.id, agencies.nepal.id, agencies.thailand.id, agencies.ngo.id]),
    );
    expect(detail.body.myMembership).toEqual({ readOnly: false });
    const added = (await trail(`task-force:${taskForceId}`)).filter((e) => e.action === 'task_force.member_added');
    expect(added).toHaveLength(6);
    expect(added.find((e) => e.data['memberUserId'] === users['ngoOfficer'].id)?.data).toMatchObject({
      readOnly: true,
      readOnlyForced: true,
      memberAgencyId: agencies.ngo.id,
    });
    expect(JSON.stringify(added)).not.toContain(users['ngoOfficer'].email);
  });

  it('lets a SUPERVISOR of a party who is a writing member link a request, audited on both streams', async () => {
    const link = (user: string, requestId: string) => as(user).post(path('/requests'), { requestId });
    const officer = await link('inOfficer', requests.transmitted.id).expect(403);
    expect(officer.body).toMatchObject({ status: 403, reason: 'NOT_PARTY_SUPERVISOR' });
    // Thailand is no party to an India→Nepal request it cannot see: 404
    await link('thSupervisor', requests.transmitted.id).expect(404);
    // nor is India to a Myanmar→Thailand one
    await link('inSupervisor', requests.foreign.id).expect(404);
    const readOnly = await link('npSupervisorReadOnly', requests.transmitted.id).expect(403);
    expect(readOnly.body.reason).toBe('NOT_WRITING_MEMBER');

    const linked = await link('npSupervisor', requests.transmitted.id).expect(201);
    expect(linked.body).toMatchObject({
      taskForceId,
      requestId: requests.transmitted.id,
      reference: requests.transmitted.reference,
      handlingCode: 'H0',
      handlingPermission: 'not_needed',
    });
    await link('inSupervisor', requests.transmitted.id).expect(409);
    await link('thSupervisor', requests.received.id).expect(201);

    const onRequest = await trail(`request:${requests.transmitted.id}`);
    expect(onRequest.map((e) => e.action)).toEqual(['task_force.request_linked']);
    expect(onRequest[0]).toMatchObject({ actorUserId: users['npSupervisor'].id, subjectType: 'request' });
    const onTaskForce = (await trail(`task-force:${taskForceId}`)).filter(
      (e) => e.action === 'task_force.request_linked',
    );
    expect(onTaskForce.map((e) => e.data['requestId'])).toEqual([requests.transmitted.id, requests.received.id]);
  });

  it('refuses to share an H2 request with third agencies unless the permission is confirmed, then records it', async () => {
    const body = { requestId: requests.restricted.id };
    const refused = await as('inSupervisor').post(path('/requests'), body).expect(422);
    expect(refused.body).toMatchObject({
      type: 'https://liaison.example/problems/handling-permission-required',
      handlingCode: 'H2',
      thirdAgencyIds: [agencies.thailand.id, agencies.ngo.id].sort(),
    });
    expect(await trail(`request:${requests.restricted.id}`)).toHaveLength(0);

    const linked = await as('inSupervisor')
      .post(path('/requests'), { ...body, handlingPermissionConfirmed: true })
      .expect(201);
    expect(linked.body.handlingPermission).toBe('confirmed');
    const [entry] = await trail(`request:${requests.restricted.id}`);
    expect(entry.data).toMatchObject({
      taskForceId,
      handlingCode: 'H2',
      handlingPermission: 'confirmed',
      handlingPermissionConfirmed: true,
    });
  });

  it('asks for the permission again before a new agency joins a task force with H2 requests', async () => {
    const body = { userId: users['mmOfficer'].id };
    const refused = await as('inSupervisor').post(path('/members'), body).expect(422);
    expect(refused.body.references).toEqual([requests.restricted.reference]);
    await as('inSupervisor')
      .post(path('/members'), { ...body, handlingPermissionConfirmed: true })
      .expect(201);
    const shared = (await trail(`request:${requests.restricted.id}`)).map((e) => e.action);
    expect(shared).toEqual(['task_force.request_linked', 'task_force.shared_with_agency']);
    await as('inSupervisor')
      .delete(path(`/members/${users['mmOfficer'].id}`))
      .expect(204);
  });

  it('shows the board by state, with counterparts from the viewer’s side, ages and overdue flags', async () => {
    const board = await as('inSupervisor').get(path('/board')).expect(200);
    expect(board.body).toMatchObject({ taskForceId, agencyId: null, total: 3, overdue: 2 });
    const counted = (column: { state: string; count: number; overdue: number; nextCursor: string | null }) => ({
      state: column.state,
      count: column.count,
      overdue: column.overdue,
      nextCursor: column.nextCursor,
    });
    expect(board.body.columns.map(counted)).toEqual([
      { state: 'transmitted', count: 1, overdue: 1, nextCursor: null },
      { state: 'received', count: 1, overdue: 1, nextCursor: null },
      { state: 'in_execution', count: 1, overdue: 0, nextCursor: null },
    ]);
    const cards = byReference(board.body.columns);
    expect(cards[requests.transmitted.reference]).toMatchObject({
      viewerSide: 'requesting',
      counterpart: { id: agencies.nepal.id },
      ageDays: 10,
      overdue: true,
    });
    expect(cards[requests.transmitted.reference].parties).toBeUndefined();
    expect(cards[requests.restricted.reference]).toMatchObject({ overdue: false, ageDays: 0 });
    // India is no party to the Nepal→Thailand extradition: both parties are shown
    expect(cards[requests.received.reference]).toMatchObject({
      kind: 'extradition',
      viewerSide: null,
      counterpart: null,
      overdue: true,
      parties: { requesting: { id: agencies.nepal.id }, requested: { id: agencies.thailand.id } },
    });

    const fromNepal = byReference((await as('npOfficer').get(path('/board')).expect(200)).body.columns);
    expect(fromNepal[requests.transmitted.reference]).toMatchObject({
      viewerSide: 'requested',
      counterpart: { id: agencies.india.id },
    });
    expect(fromNepal[requests.received.reference].counterpart).toEqual({
      id: agencies.thailand.id,
      name: 'Royal Thai Police',
      country: 'TH',
    });
    const fromNgo = byReference((await as('ngoOfficer').get(path('/board')).expect(200)).body.columns);
    expect(Object.values(fromNgo).every((card) => card.viewerSide === null && card.parties)).toBe(true);

    const thai = await as('inSupervisor')
      .get(path(`/board?agencyId=${agencies.thailand.id}`))
      .expect(200);
    expect(thai.body).toMatchObject({ agencyId: agencies.thailand.id, total: 1, overdue: 1 });
    expect(thai.body.columns).toEqual([
      {
        state: 'received',
        count: 1,
        overdue: 1,
        cards: [expect.objectContaining({ id: requests.received.id })],
        nextCursor: null,
      },
    ]);
    const notMember = await as('inSupervisor')
      .get(path(`/board?agencyId=${agencies.myanmar.id}`))
      .expect(400);
    expect(notMember.body.errors).toEqual([expect.objectContaining({ field: 'agencyId', in: 'query' })]);
  });

  it('hides the task force, its board and its requests from non-members (404), but not from the lead agency', async () => {
    for (const suffix of ['', '/board']) {
      const hidden = await as('mmSupervisor').get(path(suffix)).expect(404);
      expect(hidden.body.type).toBe('https://liaison.example/problems/not-found');
    }
    await as('mmSupervisor').post(path('/members'), { userId: users['mmOfficer'].id }).expect(404);
    await as('mmSupervisor').post(path('/requests'), { requestId: requests.foreign.id }).expect(404);
    expect((await as('mmSupervisor').get('/v1/task-forces').expect(200)).body.items).toEqual([]);

    // the lead agency oversees it without being a member; it counts only the requests it may open (its own two, not
    // Nepal's extradition to Thailand, whose page is 404 to a non-member)
    await as('inAuditor').get(path('/board')).expect(200);
    const listed = await as('inAuditor').get('/v1/task-forces').expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: taskForceId, memberCount: 7, linkedRequestCount: 2, myMembership: null }),
    ]);
    await as('inAuditor').get(`/v1/requests/${requests.received.id}`).expect(404);
    const mine = await as('ngoOfficer').get('/v1/task-forces').expect(200);
    expect(mine.body.items[0]).toMatchObject({ id: taskForceId, myMembership: { readOnly: true } });
    await as('mmSupervisor').get('/v1/task-forces/not-a-uuid').expect(400);
  });

  it('lets members read a linked request through the task force, and nobody else', async () => {
    const requestId = requests.transmitted.id;
    if (!(await requestRouteExists())) {
      // GET /v1/requests/:id is not served yet: ask the access policy the route will use
      expect(await relationOf('thSupervisor', requestId)).toBe('task_force');
      expect(await relationOf('ngoOfficer', requestId)).toBe('task_force');
      expect(await relationOf('mmSupervisor', requestId)).toBe('none');
      return;
    }
    const seen = await as('thSupervisor').get(`/v1/requests/${requestId}`).expect(200);
    expect(seen.body.relation).toBe('task_force');
    await as('ngoOfficer').get(`/v1/requests/${requestId}`).expect(200);
    await as('mmSupervisor').get(`/v1/requests/${requestId}`).expect(404);
  });

  it('lets a party SUPERVISOR who is a writing member unlink a request; members then lose sight of it', async () => {
    const unlink = (user: string) => as(user).delete(path(`/requests/${requests.restricted.id}`));
    await unlink('inOfficer').expect(403);
    await unlink('npSupervisorReadOnly').expect(403);
    await unlink('npSupervisor').expect(204);
    await unlink('npSupervisor').expect(404);
    const board = await as('inSupervisor').get(path('/board')).expect(200);
    expect(board.body.total).toBe(2);
    const actions = (await trail(`request:${requests.restricted.id}`)).map((e) => e.action);
    expect(actions[actions.length - 1]).toBe('task_force.request_unlinked');
    if (await requestRouteExists()) {
      await as('thSupervisor').get(`/v1/requests/${requests.restricted.id}`).expect(404);
    } else {
      expect(await relationOf('thSupervisor', requests.restricted.id)).toBe('none');
    }
  });

  it('lets the lead agency’s SUPERVISOR remove a member, who then gets 404', async () => {
    await as('npSupervisor')
      .delete(path(`/members/${users['ngoOfficer'].id}`))
      .expect(403);
    await as('inSupervisor')
      .delete(path(`/members/${users['ngoOfficer'].id}`))
      .expect(204);
    await as('inSupervisor')
      .delete(path(`/members/${users['ngoOfficer'].id}`))
      .expect(404);
    await as('ngoOfficer').get(path()).expect(404);
    await as('ngoOfficer').get(path('/board')).expect(404);
    const actions = (await trail(`task-force:${taskForceId}`)).map((e) => e.action);
    expect(actions.filter((action) => action === 'task_force.member_removed')).toHaveLength(2);
  });

  it('pages each column: exact counts, its first perColumn cards, and a cursor to the rest of that column', async () => {
    const linkTransmitted = async (lastActivityAt: Date) => {
      const request = await createRequest(api.em(), {
        requesting: agencies.india,
        requested: agencies.nepal,
        createdBy: users['inOfficer'],
        state: 'transmitted',
        lastActivityAt,
      });
      await as('inSupervisor').post(path('/requests'), { requestId: request.id }).expect(201);
      return request;
    };
    const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
    const twoDaysAgo = daysAgo(2);
    const recent = await linkTransmitted(daysAgo(1));
    // the same last activity: the id breaks the tie, and the cursor must not skip or repeat either
    const tied = [await linkTransmitted(twoDaysAgo), await linkTransmitted(twoDaysAgo)].sort((a, b) =>
      a.id < b.id ? 1 : -1,
    );
    const oldest = await linkTransmitted(daysAgo(4));
    const expected = [recent, ...tied, requests.transmitted, oldest].map((request) => request.reference);
    const references = (column: { cards: Card[] }) => column.cards.map((card) => card.reference);
    const get = (query: string) => as('npOfficer').get(path(`/board?${query}`));

    const board = await get('perColumn=2').expect(200);
    expect(board.body).toMatchObject({ total: 6, overdue: 2 });
    const column = board.body.columns.find((c: { state: string }) => c.state === 'transmitted');
    expect(column).toMatchObject({ count: 5, overdue: 1, nextCursor: expect.any(String) });
    expect(references(column)).toEqual(expected.slice(0, 2));
    expect(board.body.columns.find((c: { state: string }) => c.state === 'received')).toMatchObject({
      count: 1,
      overdue: 1,
      nextCursor: null,
    });

    // the rest of the column, a page at a time, as the console's "Show more" asks for it
    const seen = references(column);
    for (let cursor = column.nextCursor; cursor;) {
      const page = await get(`state=transmitted&perColumn=2&after=${cursor}`).expect(200);
      expect(page.body).toMatchObject({ taskForceId, total: 6, overdue: 2 });
      expect(page.body.columns).toHaveLength(1);
      expect(page.body.columns[0]).toMatchObject({ state: 'transmitted', count: 5, overdue: 1 });
      seen.push(...references(page.body.columns[0]));
      cursor = page.body.columns[0].nextCursor;
    }
    expect(seen).toEqual(expected);

    const first = await get('state=transmitted&perColumn=1').expect(200);
    expect(first.body.columns.map(references)).toEqual([expected.slice(0, 1)]);
    expect((await get('state=executed').expect(200)).body.columns).toEqual([
      { state: 'executed', count: 0, overdue: 0, cards: [], nextCursor: null },
    ]);
    const thai = await get(`agencyId=${agencies.thailand.id}&state=transmitted`).expect(200);
    expect(thai.body).toMatchObject({ total: 1, columns: [{ state: 'transmitted', count: 0, cards: [] }] });

    const refused = async (query: string, field: string) => {
      const answer = await get(query).expect(400);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(answer.body.errors).toEqual([expect.objectContaining({ field, in: 'query' })]);
    };
    await refused(`after=${column.nextCursor}`, 'state');
    await refused(`state=received&after=${column.nextCursor}`, 'after');
    await refused('state=transmitted&after=bm90LWEtY3Vyc29y', 'after');
    await refused('state=no_such_state', 'state');
    await refused('state=Transmitted', 'state');
    await refused('perColumn=0', 'perColumn');
    await refused('perColumn=201', 'perColumn');
    // paging is no way around the membership
    await as('mmSupervisor')
      .get(path(`/board?state=transmitted&after=${column.nextCursor}`))
      .expect(404);
  });
});

function byReference(columns: { cards: Card[] }[]): Record<string, Card> {
  return Object.fromEntries(columns.flatMap((column) => column.cards).map((card) => [card.reference, card]));
}

function actorOf(user: User): Actor {
  return { userId: user.id, agencyId: user.agency.id, roles: user.roles, platformAdmin: user.platformAdmin };
}
