import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { AuditTrail, auditHash, GENESIS_HASH, verifyExportFile } from '@liaison/audit';
import {
  AttachmentSchema,
  AuditEventSchema,
  RequestHistorySchema,
  RequestKeySchema,
  RequestSchema,
  type Agency,
  type AuditEvent,
  type User,
} from '@liaison/data';
import { MasterKeyring, masterKeyId } from '@liaison/platform';
import {
  ATTACHMENT_STORE,
  PersonRetentionModule,
  PersonRetentionService,
  RequestVault,
  rotateMasterKey,
  sealLegacyRequests,
  type AttachmentStore,
} from '@liaison/requests';
import { createAgency, createUser, mediumTest } from '@liaison/testing';
import { startApi, UNTHROTTLED, type ApiHarness } from './support/api-harness';
import { startCheckpointBuilder } from './support/audit-trail-fixtures';

/**
 * A request's own personal data (content, notes, history payloads, attachments) sealed under its data key:
 * nothing in clear at rest, plaintext to those who may see the request, master-key rotation that only re-wraps,
 * crypto-shredding by retention, and the sealing of what was there before encryption.
 */
describe('requests: personal data sealed under a data key per request (e2e)', () => {
  const marker = `MARKER-${randomBytes(8).toString('hex')}`;
  const oldMasterKey = randomBytes(32);
  let api: ApiHarness;
  let nepal: Agency;
  let thailand: Agency;
  const users: Record<string, User> = {};
  const tokens: Record<string, string> = {};
  const pdf = Buffer.concat([Buffer.from(`%PDF-1.4\n% passport scan of ${marker}\n`), randomBytes(200_000)]);

  beforeAll(async () => {
    api = await startApi({
      ...UNTHROTTLED,
      LIAISON_MASTER_KEY: oldMasterKey.toString('base64'),
      LIAISON_PREVIOUS_MASTER_KEY: '',
      PERSON_RETENTION_YEARS: '10',
      PERSON_RETENTION_CHECK_INTERVAL_SECONDS: '0',
    });
    const em = api.em();
    nepal = await createAgency(em, { name: 'Nepal Police', country: 'NP' });
    thailand = await createAgency(em, { name: 'Royal Thai Police', country: 'TH' });
    for (const [name, agency, roles] of [
      ['npOfficer', nepal, ['OFFICER']],
      ['npSupervisor', nepal, ['SUPERVISOR']],
      ['thOfficer', thailand, ['OFFICER']],
      ['thAuditor', thailand, ['AUDITOR']],
    ] as const) {
      users[name] = await createUser(em, agency, { roles: [...roles] });
      tokens[name] = await api.login(users[name].email);
    }
  });

  afterAll(() => api.close());

  const http = () => api.http();
  const as = (name: string) => ({ authorization: `Bearer ${tokens[name]}` });

  /** A request with content, a note, an attachment and a history payload that all carry the marker. */
  async function fileRequest(): Promise<{ id: string; attachmentId: string; noteId: string }> {
    const { body: draft } = await http()
      .post('/v1/requests')
      .set(as('npOfficer'))
      .send({
        kind: 'mla',
        requestedAgencyId: thailand.id,
        legalBasis: 'untoc',
        title: 'Recruitment to Bangkok',
        content: {
          requestingAuthority: 'Nepal Police',
          subjectMatter: 'Trafficking for forced labour',
          proceedingsNature: 'Criminal investigation',
          conductingAuthority: 'District Court, Kathmandu',
          summaryOfFacts: `The victim ${marker} was recruited in Sindhupalchok.`,
          assistanceSought: 'Bank records',
          assistanceTypes: ['documents_and_records'],
          personsNotIdentifiedReason: `Holders to be identified, ${marker}`,
          purpose: 'Trace the fees',
        },
      })
      .expect(201);
    const note = await http()
      .post(`/v1/requests/${draft.id}/notes`)
      .set(as('npOfficer'))
      .send({ text: `Spoke with ${marker} on the phone` })
      .expect(201);
    const attachment = await http()
      .post(`/v1/requests/${draft.id}/attachments`)
      .set(as('npOfficer'))
      .attach('file', pdf, { filename: 'scan.pdf', contentType: 'application/pdf' })
      .expect(201);
    await http()
      .post(`/v1/requests/${draft.id}/transitions`)
      .set(as('npOfficer'))
      .send({ event: 'submit' })
      .expect(200);
    await http()
      .post(`/v1/requests/${draft.id}/transitions`)
      .set(as('npSupervisor'))
      .send({ event: 'return_for_amendment', payload: { reason: `Ask ${marker} again` } })
      .expect(200);
    await http()
      .post(`/v1/requests/${draft.id}/transitions`)
      .set(as('npOfficer'))
      .send({ event: 'submit' })
      .expect(200);
    await http()
      .post(`/v1/requests/${draft.id}/transitions`)
      .set(as('npSupervisor'))
      .send({ event: 'approve' })
      .expect(200);
    return { id: draft.id, attachmentId: attachment.body.id, noteId: note.body.id };
  }

  const rows = (sql: string, params: unknown[] = []) =>
    api.em().getConnection().execute<Record<string, unknown>[]>(sql, params);
  /** Every table of the request's rows as text, bytea included (hex and raw bytes both searched). */
  async function storedBytes(requestId: string): Promise<Buffer> {
    const dumps = await Promise.all(
      ['request', 'request_note', 'request_history', 'attachment', 'request_key', 'audit_event', 'outbox_message'].map(
        (table) =>
          rows(
            table === 'request'
              ? `select t::text as line, t.sealed_content as bytes from ${table} t where id = ?`
              : table === 'audit_event'
                ? `select t::text as line, null as bytes from ${table} t where stream = 'request:' || ?`
                : `select t::text as line, null as bytes from ${table} t where request_id = ?`,
            [requestId],
          ),
      ),
    );
    return Buffer.concat(
      dumps
        .flat()
        .flatMap((row) => [Buffer.from(String(row['line'])), (row['bytes'] as Buffer | null) ?? Buffer.alloc(0)]),
    );
  }
  const attachmentFile = (requestId: string, attachmentId: string) =>
    join(api.attachmentsDir as string, requestId, attachmentId);
  const download = (requestId: string, attachmentId: string, who = 'thOfficer') =>
    http()
      .get(`/v1/requests/${requestId}/attachments/${attachmentId}/content`)
      .set(as(who))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  it('stores content, notes, history payloads and attachments sealed, and gives them in clear to those who see the request', async () => {
    const { id, attachmentId } = await fileRequest();
    expect((await storedBytes(id)).includes(marker)).toBe(false);
    const stored = readFileSync(attachmentFile(id, attachmentId));
    expect(stored.includes(marker)).toBe(false);
    expect(stored.length).toBeGreaterThan(pdf.length);

    const request = await http().get(`/v1/requests/${id}`).set(as('thOfficer')).expect(200);
    expect(request.body.content.summaryOfFacts).toContain(marker);
    expect(request.body.personalDataPurged).toBe(false);
    const notes = await http().get(`/v1/requests/${id}/notes`).set(as('thOfficer')).expect(200);
    expect(notes.body.items[0]).toMatchObject({ text: `Spoke with ${marker} on the phone`, purged: false });
    const history = await http().get(`/v1/requests/${id}/history`).set(as('npOfficer')).expect(200);
    expect(history.body.items.map((entry: { payload: object }) => entry.payload)).toContainEqual({
      reason: `Ask ${marker} again`,
    });
    const file = await download(id, attachmentId).expect(200);
    expect((file.body as Buffer).equals(pdf)).toBe(true);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    expect(file.headers['digest']).toBe(`sha-256=${Buffer.from(sha256, 'hex').toString('base64')}`);
    // a stranger still gets 404 and nothing is decrypted for them
    const outsider = await createAgency(api.em(), { country: 'MM' });
    const stranger = await createUser(api.em(), outsider, { roles: ['OFFICER'] });
    tokens['stranger'] = await api.login(stranger.email);
    await http().get(`/v1/requests/${id}/notes`).set(as('stranger')).expect(404);
    await download(id, attachmentId, 'stranger').expect(404);
  });

  it('refuses an attachment file cut short or changed on disk', async () => {
    const { id, attachmentId } = await fileRequest();
    const path = attachmentFile(id, attachmentId);
    const stored = readFileSync(path);
    writeFileSync(path, stored.subarray(0, stored.length - 100));
    const cut = await download(id, attachmentId).then(
      (response) => ({ status: response.status, bytes: response.body as Buffer }),
      (error: Error) => ({ status: 0, bytes: Buffer.alloc(0), error: error.message }),
    );
    expect(cut.bytes.equals(pdf)).toBe(false);
    expect(cut.bytes.length).toBeLessThan(pdf.length);
    writeFileSync(path, stored);
    expect(((await download(id, attachmentId).expect(200)).body as Buffer).equals(pdf)).toBe(true);
  });

  it("rotation re-wraps requests' data keys and leaves their ciphertext and files untouched", async () => {
    const { id, attachmentId } = await fileRequest();
    const newMasterKey = randomBytes(32);
    const [before] = await rows(
      'select sealed_content, encode(k.wrapped_data_key, $$hex$$) as wrapped from request r join request_key k on k.request_id = r.id where r.id = ?',
      [id],
    );
    const fileBefore = readFileSync(attachmentFile(id, attachmentId));
    const keyring = new MasterKeyring(newMasterKey, [oldMasterKey]);

    const result = await rotateMasterKey(api.em(), new AuditTrail(), keyring, { batchSize: 3 });
    expect(result).toMatchObject({ toMasterKeyId: masterKeyId(newMasterKey), remaining: 0 });
    expect(await api.em().count(RequestKeySchema, { masterKeyId: { $ne: masterKeyId(newMasterKey) } })).toBe(0);
    const [after] = await rows(
      'select sealed_content, encode(k.wrapped_data_key, $$hex$$) as wrapped from request r join request_key k on k.request_id = r.id where r.id = ?',
      [id],
    );
    expect((after['sealed_content'] as Buffer).equals(before['sealed_content'] as Buffer)).toBe(true);
    expect(after['wrapped']).not.toBe(before['wrapped']);
    expect(readFileSync(attachmentFile(id, attachmentId)).equals(fileBefore)).toBe(true);
    const audited = await api.em().find(AuditEventSchema, { action: 'master_key.rewrapped' });
    expect(audited.some((entry) => entry.data['keys'] === 'request')).toBe(true);

    await api.restart({ LIAISON_MASTER_KEY: newMasterKey.toString('base64'), LIAISON_PREVIOUS_MASTER_KEY: '' });
    try {
      const request = await http().get(`/v1/requests/${id}`).set(as('thOfficer')).expect(200);
      expect(request.body.content.summaryOfFacts).toContain(marker);
      expect(((await download(id, attachmentId).expect(200)).body as Buffer).equals(pdf)).toBe(true);
    } finally {
      await api.restart({
        LIAISON_MASTER_KEY: oldMasterKey.toString('base64'),
        LIAISON_PREVIOUS_MASTER_KEY: newMasterKey.toString('base64'),
      });
    }
    // back under the old key for the next tests
    await rotateMasterKey(api.em(), new AuditTrail(), new MasterKeyring(oldMasterKey, [newMasterKey]));
  }, 60_000);

  it('retention destroys the data key: content, notes, history and attachments read as purged, the trail still verifies', async () => {
    const { id, attachmentId, noteId } = await fileRequest();
    const longAgo = new Date(Date.now() - 11 * 365.25 * 86_400_000);
    // withdrawn after it was sent, as the withdraw event would leave it (the previous state tells who saw it)
    const { state } = await api.em().findOneOrFail(RequestSchema, id);
    await api
      .em()
      .nativeUpdate(RequestSchema, { id }, { state: 'withdrawn', previousState: state, lastActivityAt: longAgo });
    await api.em().nativeUpdate(RequestHistorySchema, { request: id }, { occurredAt: longAgo });
    const [sealedBefore] = await rows('select sealed_content from request where id = ?', [id]);

    const worker = await mediumTest({ imports: [PersonRetentionModule], environment: api.environment });
    try {
      await worker.get(PersonRetentionService).purgeExpired();
    } finally {
      await worker.close();
    }

    expect(await api.em().count(RequestKeySchema, { request: id })).toBe(0);
    const [sealedAfter] = await rows('select sealed_content, personal_data_purged_at from request where id = ?', [id]);
    expect((sealedAfter['sealed_content'] as Buffer).equals(sealedBefore['sealed_content'] as Buffer)).toBe(true);
    expect(sealedAfter['personal_data_purged_at']).not.toBeNull();
    // the ciphertext is still there, and no key of any master key opens it
    const vault = new RequestVault(new MasterKeyring(oldMasterKey));
    const opened = await vault.open(api.em(), {
      id,
      personalDataPurgedAt: sealedAfter['personal_data_purged_at'] as Date,
    });
    expect(opened.purged).toBe(true);
    expect(() => opened.encryptAttachment(attachmentId)).toThrow('has no data key');

    const request = await http().get(`/v1/requests/${id}`).set(as('thOfficer')).expect(200);
    expect(request.body).toMatchObject({ personalDataPurged: true, content: {} });
    const notes = await http().get(`/v1/requests/${id}/notes`).set(as('thOfficer')).expect(200);
    expect(notes.body.items).toEqual([expect.objectContaining({ id: noteId, text: null, purged: true })]);
    const history = await http().get(`/v1/requests/${id}/history`).set(as('npOfficer')).expect(200);
    expect(
      history.body.items.every(
        (entry: { payload: unknown; purged: boolean }) => entry.payload === null && entry.purged,
      ),
    ).toBe(true);
    const gone = await download(id, attachmentId).expect(410);
    expect(JSON.parse((gone.body as Buffer).toString('utf8'))).toMatchObject({
      type: expect.stringMatching(/request-purged$/),
      status: 410,
    });
    const attachments = await http().get(`/v1/requests/${id}/attachments`).set(as('thOfficer')).expect(200);
    expect(attachments.body.items[0]).toMatchObject({
      id: attachmentId,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });

    const trail = await api.em().find(AuditEventSchema, { stream: `request:${id}` }, { orderBy: { seq: 'asc' } });
    expect(trail.map((entry) => entry.action)).toContain('request.personal_data_purged');
    expect(brokenLinks(trail)).toEqual([]);
    expect(JSON.stringify(trail).includes(marker)).toBe(false);

    // and the export, checkpointed and signed, verifies offline as liaison-audit does
    const checkpoints = await startCheckpointBuilder(api.environment);
    try {
      await checkpoints.builder.buildPending();
    } finally {
      await checkpoints.close();
    }
    const exported = await http()
      .get('/v1/audit/export')
      .set(as('thAuditor'))
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => done(null, text));
      })
      .expect(200);
    expect(exported.body as string).toContain(`request:${id}`);
    expect((exported.body as string).includes(marker)).toBe(false);
    const dir = mkdtempSync(join(tmpdir(), 'liaison-shredded-'));
    writeFileSync(join(dir, 'export.jsonl'), exported.body as string);
    const key = await http().get('/v1/audit/public-key').set(as('thAuditor')).expect(200);
    const report = await verifyExportFile(join(dir, 'export.jsonl'), key.body.publicKeyPem as string);
    expect(report.ok).toBe(true);
  }, 60_000);

  it('seals at the worker start what the migration left in clear', async () => {
    const { id: sealedId } = await fileRequest();
    const id = uuidv7();
    const noteId = uuidv7();
    const historyId = uuidv7();
    const attachmentId = uuidv7();
    await rows(
      `insert into request (id, created_at, updated_at, reference, kind, requesting_agency_id, requested_agency_id,
        created_by_id, legal_basis, title, clear_content, state, timers, last_activity_at)
       select ?, now(), now(), ?, 'mla', requesting_agency_id, requested_agency_id, created_by_id, 'untoc', 'Legacy',
        ?::jsonb, 'transmitted', '[]', now() from request where id = ?`,
      [
        id,
        `MLA-2026-${String(Math.floor(Math.random() * 90_000) + 800_000)}`,
        JSON.stringify({ purpose: marker }),
        sealedId,
      ],
    );
    await rows(
      `insert into request_note (id, request_id, author_id, clear_text, created_at) values (?, ?, ?, ?, now())`,
      [noteId, id, users['npOfficer'].id, `legacy ${marker}`],
    );
    await rows(
      `insert into request_history (id, request_id, version, event, from_state, to_state, actor_id, actor_agency_id,
        clear_payload, occurred_at) values (?, ?, 2, 'submit', 'draft', 'under_review', ?, ?, ?::jsonb, now())`,
      [historyId, id, users['npOfficer'].id, nepal.id, JSON.stringify({ reason: marker })],
    );
    const store = api.app.get<AttachmentStore>(ATTACHMENT_STORE);
    await store.put(`${id}/${attachmentId}`, pdf);
    await rows(
      `insert into attachment (id, request_id, file_name, content_type, size, sha256, storage_key, uploaded_by_id,
        created_at) values (?, ?, 'legacy.pdf', 'application/pdf', ?, ?, ?, ?, now())`,
      [
        attachmentId,
        id,
        pdf.length,
        createHash('sha256').update(pdf).digest('hex'),
        `${id}/${attachmentId}`,
        users['npOfficer'].id,
      ],
    );
    // read in clear meanwhile
    const before = await http().get(`/v1/requests/${id}`).set(as('thOfficer')).expect(200);
    expect(before.body.content).toEqual({ purpose: marker });

    const vault = new RequestVault(new MasterKeyring(oldMasterKey));
    expect(await sealLegacyRequests(api.em(), new AuditTrail(), vault, store)).toBeGreaterThanOrEqual(1);
    expect(await sealLegacyRequests(api.em(), new AuditTrail(), vault, store)).toBe(0);

    expect((await storedBytes(id)).includes(marker)).toBe(false);
    expect(readFileSync(attachmentFile(id, attachmentId)).includes(marker)).toBe(false);
    const after = await http().get(`/v1/requests/${id}`).set(as('thOfficer')).expect(200);
    expect(after.body.content).toEqual({ purpose: marker });
    const notes = await http().get(`/v1/requests/${id}/notes`).set(as('thOfficer')).expect(200);
    expect(notes.body.items[0].text).toBe(`legacy ${marker}`);
    expect(((await download(id, attachmentId).expect(200)).body as Buffer).equals(pdf)).toBe(true);
    expect(await api.em().count(AttachmentSchema, { id: attachmentId, sealed: true })).toBe(1);
  });

  it('leaves no plaintext file behind in the attachment store', () => {
    const files = walk(api.attachmentsDir as string);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((file) => readFileSync(file).includes(marker))).toEqual([]);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Entries whose hash does not follow from the one before (none: the trail verifies). */
function brokenLinks(trail: AuditEvent[]): string[] {
  const broken: string[] = [];
  let previous = GENESIS_HASH;
  for (const entry of trail) {
    const hash = auditHash(entry.prevHash, {
      id: entry.id,
      stream: entry.stream,
      seq: entry.seq,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      actorUserId: entry.actorUserId ?? null,
      actorAgencyId: entry.actorAgencyId ?? null,
      clientRequestId: entry.clientRequestId ?? null,
      data: entry.data,
      occurredAt: entry.occurredAt.toISOString(),
    });
    if (entry.prevHash !== previous || hash !== entry.hash) broken.push(entry.id);
    previous = entry.hash;
  }
  return broken;
}
