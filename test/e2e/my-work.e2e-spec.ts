import { AuditEventSchema, InboxItemSchema } from '@liaison/data';
import { bearer, startApi, UNTHROTTLED, type ApiHarness } from './support/api-harness';
import { createCast, createMlaUnderReview, transition, type Cast } from './support/notification-cast';

interface WorkItem {
  id: string;
  state: string;
  relation: string;
  counterpart: { name: string };
  expected: { role: string; events: string[] }[];
  dueAt: string | null;
  dueTimer: string | null;
}

/** `GET /v1/me/work`: what waits on the caller's roles, most urgent first; `POST /v1/inbox/read-all`. */
describe('my work', () => {
  let api: ApiHarness;
  let cast: Cast;

  beforeAll(async () => {
    api = await startApi(UNTHROTTLED);
    cast = await createCast(api);
  });
  afterAll(() => api?.close());

  const work = async (token: string): Promise<WorkItem[]> =>
    (await api.http().get('/v1/me/work').auth(token, bearer).expect(200)).body.items;

  it('puts a request under review on the requesting supervisor, and once sent on the requested officer', async () => {
    const request = await createMlaUnderReview(api.em(), cast);
    const supervisorWork = await work(cast.tokens.indiaSupervisor);
    expect(supervisorWork.find((item) => item.id === request.id)).toMatchObject({
      state: 'under_review',
      relation: 'requesting',
      counterpart: { name: cast.nepal.name },
      expected: [{ role: 'SUPERVISOR', events: ['approve', 'return_for_amendment'] }],
    });
    expect((await work(cast.tokens.indiaOfficer)).map((item) => item.id)).not.toContain(request.id);
    expect((await work(cast.tokens.nepalOfficer)).map((item) => item.id)).not.toContain(request.id);

    await transition(api, cast.tokens.indiaSupervisor, request.id, 'approve').expect(200);
    expect((await work(cast.tokens.indiaSupervisor)).map((item) => item.id)).not.toContain(request.id);
    const officerWork = await work(cast.tokens.nepalOfficer);
    expect(officerWork.find((item) => item.id === request.id)).toMatchObject({
      relation: 'requested',
      expected: [{ role: 'OFFICER', events: ['acknowledge'] }],
      dueTimer: 'acknowledge',
    });
    // the Thai task-force member and the auditors are not expected to act
    expect(await work(cast.tokens.thaiMember)).toEqual([]);
  });

  it('sorts by the earliest deadline, and answers 400 for a bad limit', async () => {
    const first = await createMlaUnderReview(api.em(), cast);
    const second = await createMlaUnderReview(api.em(), cast);
    await transition(api, cast.tokens.indiaSupervisor, first.id, 'approve').expect(200);
    await transition(api, cast.tokens.indiaSupervisor, second.id, 'approve').expect(200);
    const items = (await work(cast.tokens.nepalOfficer)).filter((item) => [first.id, second.id].includes(item.id));
    if (items.every((item) => item.dueAt)) {
      expect(items.map((item) => item.dueAt)).toEqual([...items.map((item) => item.dueAt)].sort());
    }
    const bad = await api.http().get('/v1/me/work?limit=0').auth(cast.tokens.nepalOfficer, bearer).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'limit' })]);
  });

  it('marks every unread inbox entry read at once, with one audit entry', async () => {
    const em = api.em();
    const me = cast.users.nepalOfficer2;
    for (let index = 0; index < 3; index += 1) {
      em.create(InboxItemSchema, {
        recipient: me,
        kind: 'test',
        title: `notice ${index}`,
        body: 'body',
        link: null,
        dedupKey: `read-all-${me.id}-${index}`,
        readAt: null,
      });
    }
    await em.flush();
    const token = cast.tokens.nepalOfficer2;
    const marked = await api.http().post('/v1/inbox/read-all').auth(token, bearer).expect(200);
    expect(marked.body).toEqual({ marked: 3 });
    expect((await api.http().get('/v1/inbox/unread-count').auth(token, bearer).expect(200)).body).toEqual({
      unread: 0,
    });
    expect((await api.http().post('/v1/inbox/read-all').auth(token, bearer).expect(200)).body).toEqual({ marked: 0 });
    expect(await api.em().count(AuditEventSchema, { action: 'inbox.read_all', subjectId: me.id })).toBe(1);
  });
});
