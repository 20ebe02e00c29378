import request from 'supertest';
import { AuditEventSchema, RequestSchema, type Agency, type User } from '@liaison/data';
import { createAgency, createUser } from '@liaison/testing';
import { bearer, PROBLEM, startApi, UNTHROTTLED, type ApiHarness } from './support/api-harness';

/** A purge by one supervisor in an open case is only a proposal: a second, different supervisor must confirm it. */
describe('person purge: four eyes (e2e)', () => {
  let api: ApiHarness;
  let http: () => ReturnType<typeof request>;
  let nepal: Agency;
  let thailand: Agency;
  const users: Record<string, User> = {};
  const tokens: Record<string, string> = {};
  const identity = { names: ['Sita Tamang'], dateOfBirth: '2008-03-14' };
  const reason = 'The victim withdrew consent to the processing of her data (letter of 3 March).';
  const body = { ground: 'consent_withdrawn', reason };

  beforeAll(async () => {
    api = await startApi({
      ...UNTHROTTLED,
      PERSON_RETENTION_YEARS: '10',
      PERSON_RETENTION_CHECK_INTERVAL_SECONDS: '0',
    });
    http = api.http;
    const em = api.em();
    nepal = await createAgency(em, { name: 'Nepal Police', country: 'NP' });
    thailand = await createAgency(em, { name: 'Royal Thai Police', country: 'TH' });
    const myanmar = await createAgency(em, { name: 'Myanmar Police Force', country: 'MM' });
    const specs: [string, Agency, User['roles']][] = [
      ['npOfficer', nepal, ['OFFICER']],
      ['npSupervisor', nepal, ['SUPERVISOR']],
      ['npSecondSupervisor', nepal, ['SUPERVISOR']],
      ['npAuditor', nepal, ['AUDITOR']],
      ['thOfficer', thailand, ['OFFICER']],
      ['thSupervisor', thailand, ['SUPERVISOR']],
      ['mmSupervisor', myanmar, ['SUPERVISOR']],
    ];
    for (const [name, agency, roles] of specs) {
      users[name] = await createUser(em, agency, { roles });
      tokens[name] = await api.login(users[name].email);
    }
  });

  afterAll(() => api.close());

  const setState = (id: string, state: string, extra: Record<string, unknown> = {}) =>
    api.em().nativeUpdate(RequestSchema, { id }, { state, ...extra });

  /** A transmitted MLA request from Nepal to Thailand with one victim. */
  async function openCase(): Promise<{ requestId: string; personId: string }> {
    const filed = await http()
      .post('/v1/requests')
      .auth(tokens['npOfficer'], bearer)
      .send({ kind: 'mla', requestedAgencyId: thailand.id, legalBasis: 'untoc', title: 'Four eyes', content: {} })
      .expect(201);
    const added = await http()
      .post(`/v1/requests/${filed.body.id}/persons`)
      .auth(tokens['npOfficer'], bearer)
      .send({ role: 'victim', identity })
      .expect(201);
    await setState(filed.body.id, 'transmitted');
    return { requestId: filed.body.id, personId: added.body.id };
  }

  const purge = (token: string, personId: string) =>
    http().post(`/v1/persons/${personId}/purge`).auth(token, bearer).send(body);
  const confirm = (token: string, personId: string) =>
    http().post(`/v1/persons/${personId}/purge/confirm`).auth(token, bearer).send({});
  const cancel = (token: string, personId: string) =>
    http().post(`/v1/persons/${personId}/purge/cancel`).auth(token, bearer).send({});
  const personAs = async (token: string, requestId: string) =>
    (await http().get(`/v1/requests/${requestId}/persons`).auth(token, bearer).expect(200)).body.items[0];
  const entries = (subjectId: string) => api.em().find(AuditEventSchema, { subjectId }, { orderBy: { seq: 'asc' } });
  const actions = async (subjectId: string) =>
    (await entries(subjectId)).map((entry) => entry.action).filter((action) => action !== 'person.identity_read');

  describe('in an open case', () => {
    let requestId: string;
    let personId: string;

    beforeAll(async () => ({ requestId, personId } = await openCase()));

    it("one supervisor's purge only proposes it: the identity still decrypts for an officer", async () => {
      const proposed = await purge(tokens['npSupervisor'], personId).expect(202);
      expect(proposed.body).toMatchObject({
        personId,
        requestId,
        ground: 'consent_withdrawn',
        reason,
        proposedBy: { id: users['npSupervisor'].id, agencyId: nepal.id },
        expired: false,
      });
      const days = (Date.parse(proposed.body.expiresAt) - Date.parse(proposed.body.proposedAt)) / 86_400_000;
      expect(days).toBe(7);

      expect(await personAs(tokens['thOfficer'], requestId)).toMatchObject({
        id: personId,
        purged: false,
        identityDisclosure: 'clear',
        identity,
        pendingPurge: { proposedBy: { id: users['npSupervisor'].id }, ground: 'consent_withdrawn' },
      });
      expect(await actions(personId)).toEqual(['person.added', 'person.purge_proposed']);
      const [entry] = await api.em().find(AuditEventSchema, { action: 'person.purge_proposed', subjectId: personId });
      expect(entry).toMatchObject({ stream: `request:${requestId}`, actorUserId: users['npSupervisor'].id });
      expect(JSON.stringify(entry?.data)).not.toContain('withdrew consent');
    });

    it('refuses a second proposal while one waits', async () => {
      const refused = await purge(tokens['thSupervisor'], personId).expect(409);
      expect(refused.body.type).toMatch(/purge-already-proposed$/);
    });

    it('is confirmed and cancelled by party supervisors only', async () => {
      for (const caller of ['npOfficer', 'thOfficer']) {
        await confirm(tokens[caller], personId).expect(403);
        await cancel(tokens[caller], personId).expect(403);
      }
      await confirm(tokens['mmSupervisor'], personId).expect(404);
      await cancel(tokens['mmSupervisor'], personId).expect(404);
    });

    it('refuses the proposer confirming their own proposal (403, second-supervisor-required)', async () => {
      const refused = await confirm(tokens['npSupervisor'], personId).expect(403);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect(refused.body.type).toMatch(/second-supervisor-required$/);
      expect((await personAs(tokens['npOfficer'], requestId)).identity).toEqual(identity);
    });

    it("destroys the identity on a second supervisor's confirmation, audited in the trail", async () => {
      const purged = await confirm(tokens['thSupervisor'], personId).expect(200);
      expect(purged.body).toMatchObject({ id: personId, purged: true, identity: null, pendingPurge: null });
      expect(await personAs(tokens['npOfficer'], requestId)).toMatchObject({
        purged: true,
        identity: null,
        identityDisclosure: 'purged',
        pendingPurge: null,
      });
      expect(await actions(personId)).toEqual([
        'person.added',
        'person.purge_proposed',
        'person.purge_confirmed',
        'person.purged',
      ]);
      const confirmed = (await entries(personId)).find((entry) => entry.action === 'person.purge_confirmed');
      expect(confirmed).toMatchObject({
        actorUserId: users['thSupervisor'].id,
        actorAgencyId: thailand.id,
        data: { requestId, proposedBy: users['npSupervisor'].id, ground: 'consent_withdrawn' },
      });
      const trail = await http().get(`/v1/requests/${requestId}/trail`).auth(tokens['npAuditor'], bearer).expect(200);
      for (const action of ['person.purge_proposed', 'person.purge_confirmed', 'person.purged']) {
        expect(JSON.stringify(trail.body)).toContain(action);
      }
      await confirm(tokens['npSecondSupervisor'], personId).expect(409);
      await purge(tokens['npSecondSupervisor'], personId).expect(409);
    });
  });

  it('refuses to confirm an expired proposal; it can be cancelled and proposed afresh', async () => {
    const { requestId, personId } = await openCase();
    await purge(tokens['npSupervisor'], personId).expect(202);
    await api
      .em()
      .getConnection()
      .execute(`update person_purge_proposal set expires_at = now() - interval '1 minute' where person_id = ?`, [
        personId,
      ]);
    expect((await personAs(tokens['npOfficer'], requestId)).pendingPurge).toMatchObject({ expired: true });
    const refused = await confirm(tokens['npSecondSupervisor'], personId).expect(409);
    expect(refused.body.type).toMatch(/purge-proposal-expired$/);
    expect((await personAs(tokens['npOfficer'], requestId)).identity).toEqual(identity);

    await cancel(tokens['thSupervisor'], personId).expect(204);
    expect((await personAs(tokens['npOfficer'], requestId)).pendingPurge).toBeNull();
    await cancel(tokens['thSupervisor'], personId).expect(409);
    await purge(tokens['thSupervisor'], personId).expect(202);
    await cancel(tokens['thSupervisor'], personId).expect(204);
    expect(await actions(personId)).toEqual([
      'person.added',
      'person.purge_proposed',
      'person.purge_cancelled',
      'person.purge_proposed',
      'person.purge_cancelled',
    ]);
    expect((await personAs(tokens['npOfficer'], requestId)).purged).toBe(false);
  });

  it('purges at once, by one supervisor, when the request is final and past retention', async () => {
    const { requestId, personId } = await openCase();
    await setState(requestId, 'closed', { lastActivityAt: new Date(Date.now() - 11 * 365.25 * 86_400_000) });
    const purged = await purge(tokens['npSupervisor'], personId).expect(200);
    expect(purged.body).toMatchObject({ id: personId, purged: true, identity: null });
    expect(await actions(personId)).toEqual(['person.added', 'person.purged']);
  });

  it('still proposes when the request is final but within retention', async () => {
    const { requestId, personId } = await openCase();
    await setState(requestId, 'closed', { lastActivityAt: new Date(Date.now() - 365 * 86_400_000) });
    await purge(tokens['npSupervisor'], personId).expect(202);
    expect((await personAs(tokens['npOfficer'], requestId)).identity).toEqual(identity);
  });
});
