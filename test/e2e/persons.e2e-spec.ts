import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { uuidv7 } from 'uuidv7';
import { auditHash, AuditTrail, GENESIS_HASH } from '@liaison/audit';
import {
  AuditEventSchema,
  RequestHistorySchema,
  RequestSchema,
  type Agency,
  type AuditEvent,
  type User,
} from '@liaison/data';
import { MasterKeyring } from '@liaison/platform';
import { PersonRetentionModule, PersonRetentionService, rotateMasterKey } from '@liaison/requests';
import { createAgency, createUser, mediumTest } from '@liaison/testing';
import { bearer, PROBLEM, startApi, UNTHROTTLED, type ApiHarness } from './support/api-harness';
import { createTaskForce } from './support/task-force';

/** Persons' identifying data: encrypted at rest, decrypted for the two agencies only (audited), purged, rotated. */
describe('persons: personal data protection (e2e)', () => {
  const oldMasterKey = randomBytes(32);
  let api: ApiHarness;
  let http: () => ReturnType<typeof request>;
  let nepal: Agency;
  let thailand: Agency;
  let india: Agency;
  let myanmar: Agency;
  const users: Record<string, User> = {};
  const tokens: Record<string, string> = {};
  let requestId: string;
  let victimId: string;

  const identity = {
    names: ['Sita Tamang'],
    aliases: ['Maya Gurung'],
    dateOfBirth: '2008-03-14',
    documentNumbers: [{ type: 'passport', number: 'PA7654321', issuingCountry: 'NP' }],
    addresses: ['Ward 4, Sindhupalchok'],
    contactDetails: ['+977 98 1234 5678'],
    photographRefs: ['photo-ref-4471'],
  };
  /** Every identifying value above, as it would appear anywhere in clear. */
  const VALUES = [
    'Sita',
    'Tamang',
    'Maya Gurung',
    '2008-03-14',
    'PA7654321',
    'Sindhupalchok',
    '1234 5678',
    'photo-ref-4471',
  ];

  beforeAll(async () => {
    api = await startApi({
      ...UNTHROTTLED,
      LIAISON_MASTER_KEY: oldMasterKey.toString('base64'),
      LIAISON_PREVIOUS_MASTER_KEY: '',
      PERSON_RETENTION_YEARS: '10',
      PERSON_RETENTION_CHECK_INTERVAL_SECONDS: '0',
    });
    http = api.http;
    const em = api.em();
    nepal = await createAgency(em, { name: 'Nepal Police', country: 'NP' });
    thailand = await createAgency(em, { name: 'Royal Thai Police', country: 'TH' });
    india = await createAgency(em, { name: 'Central Bureau of Investigation', country: 'IN' });
    myanmar = await createAgency(em, { name: 'Myanmar Police Force', country: 'MM' });
    const specs: [string, Agency, User['roles']][] = [
      ['npOfficer', nepal, ['OFFICER']],
      ['npSupervisor', nepal, ['SUPERVISOR']],
      ['npAuditor', nepal, ['AUDITOR']],
      ['thOfficer', thailand, ['OFFICER']],
      ['thSupervisor', thailand, ['SUPERVISOR']],
      ['thAdmin', thailand, ['ADMIN']],
      ['inMember', india, ['OFFICER']],
      ['inSupervisor', india, ['SUPERVISOR']],
      ['mmSupervisor', myanmar, ['SUPERVISOR']],
    ];
    for (const [name, agency, roles] of specs) {
      users[name] = await createUser(em, agency, { roles });
      tokens[name] = await api.login(users[name].email);
    }
    requestId = await fileRequest();
    await createTaskForce(
      api.em(),
      { agency: nepal, creator: users['npSupervisor'] },
      [users['inMember'], users['inSupervisor']],
      [requestId],
    );
    victimId = (
      await addPerson(requestId, { role: 'victim', gender: 'female', nationality: 'NP', minor: true, identity })
    ).id;
    await sendOut(requestId);
  });

  afterAll(() => api.close());

  async function fileRequest(): Promise<string> {
    const { body } = await http()
      .post('/v1/requests')
      .auth(tokens['npOfficer'], bearer)
      .send({
        kind: 'mla',
        requestedAgencyId: thailand.id,
        legalBasis: 'untoc',
        title: 'Recruitment to Bangkok',
        content: {},
      })
      .expect(201);
    return body.id;
  }
  async function addPerson(id: string, body: object): Promise<{ id: string }> {
    await setState(id, 'draft');
    const added = await http()
      .post(`/v1/requests/${id}/persons`)
      .auth(tokens['npOfficer'], bearer)
      .send(body)
      .expect(201);
    return added.body;
  }
  /** Moves a request on as the write path would, so that its counterpart sees it. */
  const setState = (id: string, state: string, extra: Record<string, unknown> = {}) =>
    api.em().nativeUpdate(RequestSchema, { id }, { state, ...extra });
  const sendOut = (id: string) => setState(id, 'transmitted');
  const persons = (token: string, id = requestId) => http().get(`/v1/requests/${id}/persons`).auth(token, bearer);
  const purge = (
    token: string,
    personId: string,
    body: object = { ground: 'consent_withdrawn', reason: 'Consent withdrawn on 3 March.' },
  ) => http().post(`/v1/persons/${personId}/purge`).auth(token, bearer).send(body);
  const reads = (subjectId = victimId) =>
    api.em().count(AuditEventSchema, { action: 'person.identity_read', subjectId });
  const rawRow = async (personId: string) => {
    const [row] = await api
      .em()
      .getConnection()
      .execute<Record<string, unknown>[]>('select * from person where id = ?', [personId]);
    const [json] = await api
      .em()
      .getConnection()
      .execute<{ text: string }[]>('select row_to_json(p)::text as text from person p where id = ?', [personId]);
    return { row: row as Record<string, unknown>, text: json?.text ?? '' };
  };
  const masterKeyIdOf = (key: Buffer) => new MasterKeyring(key).current.id;

  it('stores a victim encrypted: no clear identifying value anywhere in the row', async () => {
    const { row, text } = await rawRow(victimId);
    expect(Object.keys(row)).not.toContain('identity');
    for (const column of ['identity_ciphertext', 'identity_iv', 'identity_tag', 'wrapped_data_key']) {
      expect(Buffer.isBuffer(row[column])).toBe(true);
    }
    expect(row['master_key_id']).toBe(masterKeyIdOf(oldMasterKey));
    expect(row['purged_at']).toBeNull();
    const everyByte = Buffer.concat(
      Object.values(row).map((value) => (Buffer.isBuffer(value) ? value : Buffer.from(String(value)))),
    );
    for (const value of VALUES) {
      expect(text).not.toContain(value);
      expect(everyByte.includes(Buffer.from(value))).toBe(false);
    }
    expect(row).toMatchObject({ role: 'victim', gender: 'female', nationality: 'NP', minor: true });
  });

  it('shows it in clear to officers and supervisors of the two agencies, one audit entry per decryption', async () => {
    for (const reader of ['npOfficer', 'npSupervisor', 'thOfficer', 'thSupervisor']) {
      const before = await reads();
      const { body } = await persons(tokens[reader]).expect(200);
      expect(body.items[0]).toMatchObject({ id: victimId, identityDisclosure: 'clear', identity, purged: false });
      const entries = await api
        .em()
        .find(
          AuditEventSchema,
          { action: 'person.identity_read' },
          { orderBy: { occurredAt: 'desc', seq: 'desc' }, limit: 1 },
        );
      expect(await reads()).toBe(before + 1);
      expect(entries[0]).toMatchObject({
        stream: `request:${requestId}`,
        subjectType: 'person',
        subjectId: victimId,
        actorUserId: users[reader].id,
        data: { requestId },
      });
    }
  });

  it('records the read and the decryption in one transaction: a read that fails leaves no entry', async () => {
    const { row } = await rawRow(victimId);
    const tampered = Buffer.from(row['identity_ciphertext'] as Buffer);
    tampered[0] = (tampered[0] ?? 0) ^ 0xff;
    await updateRaw('update person set identity_ciphertext = ? where id = ?', [tampered, victimId]);
    const before = await reads();
    const failed = await persons(tokens['npOfficer']).expect(500);
    expect(failed.headers['content-type']).toMatch(PROBLEM);
    expect(JSON.stringify(failed.body)).not.toMatch(/Sita|Tamang/);
    expect(await reads()).toBe(before);
    await updateRaw('update person set identity_ciphertext = ? where id = ?', [row['identity_ciphertext'], victimId]);
    await persons(tokens['npOfficer']).expect(200);
  });

  it('redacts it for auditors, administrators and task-force members, without decrypting or auditing', async () => {
    const before = await reads();
    for (const reader of ['npAuditor', 'thAdmin', 'inMember', 'inSupervisor']) {
      const { body } = await persons(tokens[reader]).expect(200);
      expect(body.items[0]).toMatchObject({
        id: victimId,
        identityDisclosure: 'redacted',
        role: 'victim',
        nationality: 'NP',
      });
      expect(Object.values(body.items[0].identity).every((value) => value === null)).toBe(true);
      for (const value of VALUES) expect(JSON.stringify(body)).not.toContain(value);
    }
    expect(await reads()).toBe(before);
    await persons(tokens['mmSupervisor']).expect(404);
  });

  it('keeps an edited identity encrypted under a fresh data key', async () => {
    const person = await addPerson(requestId, { role: 'witness', identity: { names: ['Ram Bahadur'] } });
    const first = (await rawRow(person.id)).row;
    await http()
      .patch(`/v1/requests/${requestId}/persons/${person.id}`)
      .auth(tokens['npOfficer'], bearer)
      .send({ identity: { names: ['Ram Bahadur Thapa'], aliases: ['R. B.'] } })
      .expect(200);
    const second = (await rawRow(person.id)).row;
    expect((second['wrapped_data_key'] as Buffer).equals(first['wrapped_data_key'] as Buffer)).toBe(false);
    expect((await rawRow(person.id)).text).not.toContain('Ram Bahadur');
    const { body } = await persons(tokens['npOfficer']).expect(200);
    expect(body.items.find((item: { id: string }) => item.id === person.id).identity).toEqual({
      names: ['Ram Bahadur Thapa'],
      aliases: ['R. B.'],
    });
    await sendOut(requestId);
  });

  describe('purge', () => {
    const reason = 'The victim withdrew consent to the processing of her data (letter of 3 March).';

    it('is for a supervisor of either party only; 404 when the person is not visible', async () => {
      const body = { ground: 'consent_withdrawn', reason };
      await purge(tokens['mmSupervisor'], victimId, body).expect(404);
      await purge(tokens['npSupervisor'], uuidv7(), body).expect(404);
      await http().post('/v1/persons/not-a-uuid/purge').auth(tokens['npSupervisor'], bearer).send(body).expect(400);
      for (const caller of ['npOfficer', 'thOfficer', 'npAuditor', 'thAdmin', 'inSupervisor', 'inMember']) {
        await purge(tokens[caller], victimId, body).expect(403);
      }
      for (const invalid of [
        { reason },
        { ground: 'because', reason },
        { ground: 'other' },
        { ground: 'other', reason: '' },
      ]) {
        const refused = await purge(tokens['npSupervisor'], victimId, invalid).expect(400);
        expect(refused.headers['content-type']).toMatch(PROBLEM);
      }
      await http().post(`/v1/persons/${victimId}/purge`).send(body).expect(401);
      expect((await rawRow(victimId)).row['purged_at']).toBeNull();
    });

    it('destroys the data key and the ciphertext once a second supervisor confirms; the person then reads as purged, with no decryption', async () => {
      await purge(tokens['npSupervisor'], victimId, { ground: 'consent_withdrawn', reason }).expect(202);
      const purged = await http()
        .post(`/v1/persons/${victimId}/purge/confirm`)
        .auth(tokens['thSupervisor'], bearer)
        .expect(200);
      expect(purged.body).toMatchObject({
        id: victimId,
        purged: true,
        identity: null,
        identityDisclosure: 'purged',
        role: 'victim',
      });
      expect(purged.body.purgedAt).toEqual(expect.any(String));
      const { row } = await rawRow(victimId);
      expect(row).toMatchObject({
        identity_ciphertext: null,
        identity_iv: null,
        identity_tag: null,
        wrapped_data_key: null,
        master_key_id: null,
        gender: 'female',
        nationality: 'NP',
      });
      expect(row['purged_at']).not.toBeNull();
      const before = await reads();
      for (const reader of ['npOfficer', 'thSupervisor', 'npAuditor', 'inMember']) {
        const { body } = await persons(tokens[reader]).expect(200);
        expect(body.items.find((item: { id: string }) => item.id === victimId)).toMatchObject({
          purged: true,
          identity: null,
          identityDisclosure: 'purged',
        });
      }
      expect(await reads()).toBe(before);
      await purge(tokens['npSupervisor'], victimId, { ground: 'other', reason }).expect(409);
      await setState(requestId, 'draft');
      await http()
        .patch(`/v1/requests/${requestId}/persons/${victimId}`)
        .auth(tokens['npOfficer'], bearer)
        .send({ identity: { names: ['Someone Else'] } })
        .expect(409);
      await sendOut(requestId);
    });

    it('is audited with its ground and a hash of the reason; no entry holds an identifying value and the trail verifies', async () => {
      const [entry, ...others] = await api
        .em()
        .find(AuditEventSchema, { action: 'person.purged', subjectId: victimId });
      expect(others).toEqual([]);
      expect(entry).toMatchObject({
        stream: `request:${requestId}`,
        subjectType: 'person',
        actorUserId: users['thSupervisor'].id,
        actorAgencyId: thailand.id,
        data: {
          requestId,
          ground: 'consent_withdrawn',
          reasonSha256: createHash('sha256').update(reason).digest('hex'),
        },
      });
      const trail = await api.em().find(AuditEventSchema, {}, { orderBy: { stream: 'asc', seq: 'asc' } });
      const text = JSON.stringify(trail);
      for (const value of [...VALUES, 'Ram Bahadur', 'withdrew consent']) expect(text).not.toContain(value);
      expect(brokenLinks(trail)).toEqual([]);
    });
  });

  describe('retention', () => {
    it("purges identities automatically PERSON_RETENTION_YEARS after the request's closure, audited as the system", async () => {
      const longAgo = new Date(Date.now() - 11 * 365.25 * 86_400_000);
      const recently = new Date(Date.now() - 365 * 86_400_000);
      const expired = await closedRequestWithPerson('closed', longAgo);
      const closedByHistory = await closedRequestWithPerson('withdrawn', new Date(), longAgo);
      const recent = await closedRequestWithPerson('closed', recently);
      const open = await closedRequestWithPerson('transmitted', longAgo);

      const worker = await mediumTest({ imports: [PersonRetentionModule], environment: api.environment });
      try {
        expect(await worker.get(PersonRetentionService).purgeExpired()).toBe(2);
        expect(await worker.get(PersonRetentionService).purgeExpired()).toBe(0);
      } finally {
        await worker.close();
      }

      for (const [person, purged] of [
        [expired, true],
        [closedByHistory, true],
        [recent, false],
        [open, false],
      ] as const) {
        expect({ person: person.personId, purged: (await rawRow(person.personId)).row['purged_at'] !== null }).toEqual({
          person: person.personId,
          purged,
        });
      }
      const [entry] = await api.em().find(AuditEventSchema, { action: 'person.purged', subjectId: expired.personId });
      expect(entry).toMatchObject({
        stream: `request:${expired.requestId}`,
        actorUserId: null,
        actorAgencyId: null,
        data: { requestId: expired.requestId, ground: 'retention_expired', automatic: true, retentionYears: 10 },
      });
      const { body } = await persons(tokens['npOfficer'], expired.requestId).expect(200);
      expect(body.items[0]).toMatchObject({ purged: true, identity: null });
    });

    /** A request in `state`, last active at `lastActivityAt`, optionally with the history event that closed it. */
    async function closedRequestWithPerson(state: string, lastActivityAt: Date, closedAt?: Date) {
      const id = await fileRequest();
      const person = await addPerson(id, { role: 'victim', identity: { names: ['Retained Person'] } });
      await setState(id, state, { lastActivityAt });
      if (closedAt) {
        const em = api.em();
        em.create(RequestHistorySchema, {
          id: uuidv7(),
          request: id,
          version: 100,
          event: 'withdraw',
          fromState: 'transmitted',
          toState: state,
          actor: users['npSupervisor'],
          actorAgency: nepal,
          payload: {},
          occurredAt: closedAt,
        });
        await em.flush();
      }
      return { requestId: id, personId: person.id };
    }
  });

  describe('master key rotation', () => {
    it('re-wraps every data key without re-encrypting; persons stay readable under the new key only', async () => {
      const newMasterKey = randomBytes(32);
      const rotated = await addPerson(requestId, { role: 'witness', identity: { names: ['Rotated Witness'] } });
      await sendOut(requestId);
      const before = (await rawRow(rotated.id)).row;
      const keyring = new MasterKeyring(newMasterKey, [oldMasterKey]);

      const result = await rotateMasterKey(api.em(), new AuditTrail(), keyring, { batchSize: 2 });
      expect(result.rewrapped).toBeGreaterThanOrEqual(3);
      expect(result).toMatchObject({ toMasterKeyId: masterKeyIdOf(newMasterKey), remaining: 0 });
      expect(await rotateMasterKey(api.em(), new AuditTrail(), keyring)).toMatchObject({ rewrapped: 0, remaining: 0 });

      const after = (await rawRow(rotated.id)).row;
      expect(after['master_key_id']).toBe(masterKeyIdOf(newMasterKey));
      expect((after['identity_ciphertext'] as Buffer).equals(before['identity_ciphertext'] as Buffer)).toBe(true);
      expect((after['wrapped_data_key'] as Buffer).equals(before['wrapped_data_key'] as Buffer)).toBe(false);
      const entries = await api
        .em()
        .find(AuditEventSchema, { action: 'master_key.rewrapped' }, { orderBy: { seq: 'asc' } });
      expect(entries.reduce((sum, entry) => sum + (entry.data['count'] as number), 0)).toBe(result.rewrapped);
      expect(entries[0]).toMatchObject({
        stream: 'system',
        actorUserId: null,
        subjectType: 'master_key',
        subjectId: masterKeyIdOf(newMasterKey),
        data: { fromMasterKeyIds: [masterKeyIdOf(oldMasterKey)], toMasterKeyId: masterKeyIdOf(newMasterKey) },
      });

      // The api restarted with the new key alone.
      await api.restart({
        LIAISON_MASTER_KEY: newMasterKey.toString('base64'),
        LIAISON_PREVIOUS_MASTER_KEY: '',
      });
      const { body } = await persons(tokens['thOfficer']).expect(200);
      expect(body.items.find((item: { id: string }) => item.id === rotated.id)).toMatchObject({
        identityDisclosure: 'clear',
        identity: { names: ['Rotated Witness'] },
      });
      const added = await addPerson(requestId, { role: 'witness', identity: { names: ['New Witness'] } });
      expect((await rawRow(added.id)).row['master_key_id']).toBe(masterKeyIdOf(newMasterKey));
      expect(
        brokenLinks(await api.em().find(AuditEventSchema, {}, { orderBy: { stream: 'asc', seq: 'asc' } })),
      ).toEqual([]);
    });
  });

  async function updateRaw(sql: string, params: unknown[]): Promise<void> {
    await api.em().getConnection().execute(sql, params);
  }
});

/** Recomputes every stream's hash chain: the entries whose hash or link does not hold. */
function brokenLinks(trail: AuditEvent[]): string[] {
  const last = new Map<string, { seq: number; hash: string }>();
  const broken: string[] = [];
  for (const entry of trail) {
    const previous = last.get(entry.stream) ?? { seq: 0, hash: GENESIS_HASH };
    const hash = auditHash(entry.prevHash, {
      id: entry.id,
      stream: entry.stream,
      seq: entry.seq,
      occurredAt: entry.occurredAt.toISOString(),
      actorUserId: entry.actorUserId ?? null,
      actorAgencyId: entry.actorAgencyId ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      data: entry.data,
      clientRequestId: entry.clientRequestId ?? null,
    });
    if (entry.seq !== previous.seq + 1 || entry.prevHash !== previous.hash || hash !== entry.hash)
      broken.push(entry.id);
    last.set(entry.stream, { seq: entry.seq, hash: entry.hash });
  }
  return broken;
}
