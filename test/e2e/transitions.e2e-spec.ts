import {
  AuditEventSchema,
  OutboxMessageSchema,
  RequestHistorySchema,
  RequestSchema,
  type Agency,
  type User,
} from '@liaison/data';
import { sha256Hex } from '@liaison/platform';
import { createAgency, createUser } from '@liaison/testing';
import { uuidv7 } from 'uuidv7';
import { ABANDONED_CLAIM_SECONDS } from '@liaison/api/http/idempotency.interceptor';
import { startApi, type ApiHarness } from './support/api-harness';
import { createMlaDraft } from './support/mla-draft';

/** The one write path: one transaction with history, audit entry and outbox rows; refusals audited; races lost cleanly. */
describe('POST /v1/requests/:id/transitions (e2e)', () => {
  let api: ApiHarness;
  let india: Agency;
  let nepal: Agency;
  let thailand: Agency;
  let users: Record<'officer' | 'supervisor' | 'auditor' | 'nepalOfficer' | 'thaiSupervisor', User>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi();
    const em = api.em();
    india = await createAgency(em, { name: 'CBI', country: 'IN' });
    nepal = await createAgency(em, { name: 'Nepal Police', country: 'NP' });
    thailand = await createAgency(em, { name: 'Royal Thai Police', country: 'TH' });
    users = {
      officer: await createUser(em, india, { roles: ['OFFICER'] }),
      supervisor: await createUser(em, india, { roles: ['SUPERVISOR'] }),
      auditor: await createUser(em, india, { roles: ['AUDITOR'] }),
      nepalOfficer: await createUser(em, nepal, { roles: ['OFFICER'] }),
      thaiSupervisor: await createUser(em, thailand, { roles: ['SUPERVISOR'] }),
    };
    for (const [name, user] of Object.entries(users)) tokens[name] = await api.login(user.email);
  });

  afterAll(() => api.close());

  const send = (who: string, requestId: string, event: string, payload: object = {}) =>
    api
      .http()
      .post(`/v1/requests/${requestId}/transitions`)
      .auth(tokens[who], { type: 'bearer' })
      .send({ event, payload });

  it('applies an event with its history row, hash-chained audit entry and outbox rows in one go', async () => {
    const draft = await createMlaDraft(api.em(), india, nepal, users.officer);
    const submitted = await send('officer', draft.id, 'submit').expect(200);
    expect(submitted.body).toMatchObject({ state: 'under_review', version: 2, relation: 'requesting' });
    expect(submitted.headers['etag']).toBe('"2"');
    expect(submitted.body.allowedEvents).toEqual([]); // an officer cannot approve
    const approved = await send('supervisor', draft.id, 'approve').expect(200);
    expect(approved.body).toMatchObject({ state: 'transmitted', version: 3 });
    expect(approved.body.timers).toEqual([expect.objectContaining({ name: 'acknowledge', status: 'running' })]);

    const em = api.em();
    const history = await em.find(RequestHistorySchema, { request: draft.id }, { orderBy: { version: 'asc' } });
    expect(history.map((row) => [row.event, row.fromState, row.toState, row.version])).toEqual([
      ['submit', 'draft', 'under_review', 2],
      ['approve', 'under_review', 'transmitted', 3],
    ]);
    const trail = await em.find(AuditEventSchema, { stream: `request:${draft.id}` }, { orderBy: { seq: 'asc' } });
    expect(trail.map((entry) => [entry.seq, entry.action, entry.data['event']])).toEqual([
      [1, 'request.transition', 'submit'],
      [2, 'request.transition', 'approve'],
    ]);
    expect(trail[1].prevHash).toBe(trail[0].hash);
    expect(trail[1].actorUserId).toBe(users.supervisor.id);
    const outbox = await em.find(OutboxMessageSchema, { requestId: draft.id });
    expect(outbox.map((message) => message.topic)).toEqual(expect.arrayContaining(['start_timer', 'notify']));
    expect(JSON.stringify(outbox.map((message) => message.payload))).not.toContain('Raxaul'); // no content in effects
  });

  it('refuses with 422 and the reason, changes nothing, and audits the refusal', async () => {
    const draft = await createMlaDraft(api.em(), india, nepal, users.officer);
    const refused = await send('officer', draft.id, 'approve').expect(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      type: 'https://liaison.example/problems/transition-refused',
      reason: 'WRONG_STATE',
      event: 'approve',
    });
    const unknown = await send('officer', draft.id, 'teleport').expect(422);
    expect(unknown.body.reason).toBe('UNKNOWN_EVENT');
    await send('nepalOfficer', draft.id, 'submit').expect(404); // a draft is the requesting side's alone

    const em = api.em();
    expect((await em.findOneOrFail(RequestSchema, draft.id)).state).toBe('draft');
    expect(await em.count(RequestHistorySchema, { request: draft.id })).toBe(0);
    expect(await em.count(OutboxMessageSchema, { requestId: draft.id })).toBe(0);

    await send('officer', draft.id, 'submit').expect(200);
    await send('supervisor', draft.id, 'approve').expect(200);
    const wrongSide = await send('nepalOfficer', draft.id, 'withdraw', { reason: 'Not ours to withdraw.' }).expect(422);
    expect(wrongSide.body.reason).toBe('WRONG_SIDE');
    const trail = await em.find(AuditEventSchema, { stream: `request:${draft.id}` }, { orderBy: { seq: 'asc' } });
    expect(trail.map((entry) => [entry.action, entry.data['event'], entry.data['reason'] ?? null])).toEqual([
      ['request.transition_refused', 'approve', 'WRONG_STATE'],
      ['request.transition_refused', 'teleport', 'UNKNOWN_EVENT'],
      ['request.transition', 'submit', null],
      ['request.transition', 'approve', null],
      ['request.transition_refused', 'withdraw', 'WRONG_SIDE'],
    ]);
    expect(trail[4].actorAgencyId).toBe(nepal.id);
  });

  it('names what an incomplete request lacks, in the words of UNTOC 18(15)', async () => {
    const draft = await createMlaDraft(api.em(), india, nepal, users.officer);
    const incomplete = { sealedContent: null, clearContent: { requestingAuthority: 'CBI' } };
    await api.em().nativeUpdate(RequestSchema, { id: draft.id }, incomplete);
    const refused = await send('officer', draft.id, 'submit').expect(422);
    expect(refused.body.reason).toBe('INCOMPLETE_REQUEST');
    expect(refused.body.missing.map((item: { source: string }) => item.source)).toEqual(
      expect.arrayContaining(['UNTOC Art. 18(15)(b)', 'UNTOC Art. 18(15)(c)']),
    );
  });

  it('lets auditors and foreign agencies do nothing: 403 for an auditor of a party, 404 for a stranger', async () => {
    const draft = await createMlaDraft(api.em(), india, nepal, users.officer);
    const auditor = await send('auditor', draft.id, 'submit').expect(403);
    expect(auditor.body.type).toBe('https://liaison.example/problems/forbidden');
    await send('thaiSupervisor', draft.id, 'submit').expect(404);
    await send('officer', '01a20000-0000-7000-8000-000000000000', 'submit').expect(404);
  });

  it('answers 412 to a stale If-Match and applies a current one', async () => {
    const draft = await createMlaDraft(api.em(), india, nepal, users.officer);
    const stale = await api
      .http()
      .post(`/v1/requests/${draft.id}/transitions`)
      .auth(tokens['officer'], { type: 'bearer' })
      .set('If-Match', '"7"')
      .send({ event: 'submit' })
      .expect(412);
    expect(stale.body.currentVersion).toBe(1);
    await api
      .http()
      .post(`/v1/requests/${draft.id}/transitions`)
      .auth(tokens['officer'], { type: 'bearer' })
      .set('If-Match', '"1"')
      .send({ event: 'submit' })
      .expect(200);
  });

  it('lets exactly one of 50 simultaneous identical transitions win; the others get 409 or 412', async () => {
    const draft = await createMlaDraft(api.em(), india, nepal, users.officer);
    const attempts = await Promise.all(
      Array.from({ length: 50 }, () =>
        api
          .http()
          .post(`/v1/requests/${draft.id}/transitions`)
          .auth(tokens['officer'], { type: 'bearer' })
          .set('If-Match', '"1"')
          .send({ event: 'submit' }),
      ),
    );
    const statuses = attempts.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => ![200, 409, 412].includes(status))).toEqual([]);
    const em = api.em();
    expect(await em.count(RequestHistorySchema, { request: draft.id })).toBe(1);
    expect(await em.count(AuditEventSchema, { stream: `request:${draft.id}`, action: 'request.transition' })).toBe(1);
    expect((await em.findOneOrFail(RequestSchema, draft.id)).version).toBe(2);
  });

  it('returns the first answer to a retried POST with the same Idempotency-Key', async () => {
    const draft = await createMlaDraft(api.em(), india, nepal, users.officer);
    const post = () =>
      api
        .http()
        .post(`/v1/requests/${draft.id}/transitions`)
        .auth(tokens['officer'], { type: 'bearer' })
        .set('Idempotency-Key', `submit-${draft.id}`)
        .send({ event: 'submit' });
    const first = await post().expect(200);
    const retry = await post().expect(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await api.em().count(RequestHistorySchema, { request: draft.id })).toBe(1);
    const reused = await api
      .http()
      .post(`/v1/requests/${draft.id}/transitions`)
      .auth(tokens['officer'], { type: 'bearer' })
      .set('Idempotency-Key', `submit-${draft.id}`)
      .send({ event: 'withdraw' })
      .expect(422);
    expect(reused.body.type).toBe('https://liaison.example/problems/idempotency-key-reused');
  });

  it('answers 409 while a claimed key is fresh, and lets a retry take over a claim abandoned without an answer', async () => {
    const draft = await createMlaDraft(api.em(), india, nepal, users.officer);
    const key = `abandoned-${draft.id}`;
    const post = () =>
      api
        .http()
        .post(`/v1/requests/${draft.id}/transitions`)
        .auth(tokens['officer'], { type: 'bearer' })
        .set('Idempotency-Key', key)
        .send({ event: 'submit' });
    const fingerprint = sha256Hex(`POST /v1/requests/${draft.id}/transitions ${JSON.stringify({ event: 'submit' })}`);
    // What a process killed mid-call leaves: the claim, no answer.
    const abandon = (secondsAgo: number) =>
      api
        .em()
        .getConnection()
        .execute(
          `insert into idempotency_record (id, user_id, key, fingerprint, created_at)
           values (?, ?, ?, ?, now() - make_interval(secs => ?))
           on conflict (user_id, key) do update set created_at = excluded.created_at`,
          [uuidv7(), users.officer.id, key, fingerprint, secondsAgo],
        );
    await abandon(5);
    expect((await post().expect(409)).body.detail).toMatch(/still being processed/);
    await abandon(ABANDONED_CLAIM_SECONDS + 5);
    const taken = await post().expect(200);
    expect(taken.body.state).toBe('under_review');
    const replay = await post().expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await api.em().count(RequestHistorySchema, { request: draft.id })).toBe(1);
  });

  it('refuses malformed input with 400 before any rule runs', async () => {
    const draft = await createMlaDraft(api.em(), india, nepal, users.officer);
    await send('officer', 'not-a-uuid', 'submit').expect(400);
    const badPayload = await api
      .http()
      .post(`/v1/requests/${draft.id}/transitions`)
      .auth(tokens['officer'], { type: 'bearer' })
      .send({ event: 'submit', payload: 'yes' })
      .expect(400);
    expect(badPayload.body.errors[0]).toMatchObject({ field: 'payload', pointer: '#/payload' });
    await api
      .http()
      .post(`/v1/requests/${draft.id}/transitions`)
      .auth(tokens['officer'], { type: 'bearer' })
      .set('If-Match', 'yesterday')
      .send({ event: 'submit' })
      .expect(400);
  });
});
