import { createHash } from 'node:crypto';
import { AuditEventSchema, RequestHistorySchema, RequestSchema, type Agency, type User } from '@liaison/data';
import { createAgency, createUser } from '@liaison/testing';
import { bearer, PROBLEM, startApi, UNTHROTTLED, type ApiHarness } from './support/api-harness';
import { createTaskForce } from './support/task-force';

/** Drafts, their content, persons, attachments, notes and links through HTTP, with their audit entries. */
describe('requests API (e2e)', () => {
  let api: ApiHarness;
  let nepal: Agency;
  let thailand: Agency;
  let india: Agency;
  let nepalOther: Agency;
  const users: Record<string, User> = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi({ ...UNTHROTTLED, ATTACHMENT_MAX_BYTES: '65536' });
    const em = api.em();
    nepal = await createAgency(em, { name: 'Nepal Police', country: 'NP' });
    nepalOther = await createAgency(em, { name: 'Office of the Attorney General', country: 'NP' });
    thailand = await createAgency(em, { name: 'Royal Thai Police', country: 'TH' });
    india = await createAgency(em, { name: 'Central Bureau of Investigation', country: 'IN' });
    const specs: [string, Agency, User['roles']][] = [
      ['npOfficer', nepal, ['OFFICER']],
      ['npSupervisor', nepal, ['SUPERVISOR']],
      ['npAuditor', nepal, ['AUDITOR']],
      ['npAdmin', nepal, ['ADMIN']],
      ['thOfficer', thailand, ['OFFICER']],
      ['thSupervisor', thailand, ['SUPERVISOR']],
      ['inOfficer', india, ['OFFICER']],
      ['inMember', india, ['OFFICER']],
    ];
    for (const [name, agency, roles] of specs) {
      users[name] = await createUser(em, agency, { roles });
      tokens[name] = await api.login(users[name].email);
    }
  });

  afterAll(() => api.close());

  const draftBody = (overrides: Record<string, unknown> = {}) => ({
    kind: 'mla',
    requestedAgencyId: thailand.id,
    legalBasis: 'untoc',
    urgency: 'urgent',
    language: 'en',
    handlingCode: 'H1',
    title: 'Bank records of a recruitment agency',
    content: {
      requestingAuthority: 'Nepal Police, Anti-Human Trafficking Bureau',
      summaryOfFacts: 'Recruitment to Bangkok under false promises of work.',
      assistanceTypes: ['documents_and_records', 'tracing_proceeds'],
    },
    suggestedDeadline: '2027-01-31T00:00:00.000Z',
    ...overrides,
  });
  const create = (token: string, body: object = draftBody()) =>
    api.http().post('/v1/requests').auth(token, bearer).send(body);
  /** Moves a request on as the write path would, so that its counterpart sees it (drafts are the filer's alone). */
  const sendOut = (id: string, state = 'transmitted') => api.em().nativeUpdate(RequestSchema, { id }, { state });
  const auditOf = (subjectId: string, action: string) =>
    api.em().find(AuditEventSchema, { subjectId, action }, { orderBy: { seq: 'asc' } });

  describe('drafts', () => {
    it('creates a draft with a reference, version 1 as ETag, allowed events and an audit entry', async () => {
      const response = await create(tokens['npOfficer']).expect(201);
      const year = new Date().getUTCFullYear();
      expect(response.headers['etag']).toBe('"1"');
      expect(response.body).toMatchObject({
        reference: expect.stringMatching(new RegExp(`^MLA-${year}-\\d{6}$`)),
        kind: 'mla',
        state: 'draft',
        version: 1,
        relation: 'requesting',
        requestingAgency: { id: nepal.id, country: 'NP' },
        requestedAgency: { id: thailand.id, country: 'TH' },
        legalBasis: 'untoc',
        urgency: 'urgent',
        handlingCode: 'H1',
        timers: [],
        suggestedDeadline: '2027-01-31T00:00:00.000Z',
        content: { assistanceTypes: ['documents_and_records', 'tracing_proceeds'] },
      });
      expect(response.body.allowedEvents).toContain('submit');
      const [entry] = await auditOf(response.body.id, 'request.created');
      expect(entry).toMatchObject({ stream: `request:${response.body.id}`, actorUserId: users['npOfficer'].id });
      expect(entry?.data).toEqual({
        reference: response.body.reference,
        kind: 'mla',
        requestingAgencyId: nepal.id,
        requestedAgencyId: thailand.id,
        legalBasis: 'untoc',
        version: 1,
      });
    });

    it('lets only officers and supervisors file (403 for auditors and admins)', async () => {
      await create(tokens['npSupervisor']).expect(201);
      for (const role of ['npAuditor', 'npAdmin']) {
        const refused = await create(tokens[role]).expect(403);
        expect(refused.headers['content-type']).toMatch(PROBLEM);
      }
    });

    it('refuses a requested agency of the same country or unknown, or a basis not for the kind: 422 naming the field', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ requestedAgencyId: nepalOther.id }, 'requestedAgencyId'],
        [{ requestedAgencyId: '019ab1c2-0000-7000-8000-000000000001' }, 'requestedAgencyId'],
        [{ kind: 'extradition', legalBasis: 'eio' }, 'legalBasis'],
      ];
      for (const [overrides, field] of cases) {
        const refused = await create(tokens['npOfficer'], draftBody(overrides)).expect(422);
        expect(refused.headers['content-type']).toMatch(PROBLEM);
        expect(refused.body.errors).toEqual([expect.objectContaining({ field, pointer: `#/${field}` })]);
      }
    });

    it('validates content and handling: 400 naming each wrong field', async () => {
      const refused = await create(
        tokens['npOfficer'],
        draftBody({
          handlingCode: 'H3',
          legalBasis: 'no-such-treaty',
          content: { assistanceTypes: ['torture'], summaryOfFacts: 'x'.repeat(20_001), victimIsChild: false },
          surprise: true,
        }),
      ).expect(400);
      const fields = refused.body.errors.map((error: { field: string }) => error.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'legalBasis',
          'content.assistanceTypes',
          'content.summaryOfFacts',
          'content.victimIsChild',
          'surprise',
        ]),
      );
      const h3 = await create(tokens['npOfficer'], draftBody({ handlingCode: 'H3' })).expect(400);
      expect(h3.body.errors[0].field).toBe('handlingRestriction');
      const withRestriction = await create(
        tokens['npOfficer'],
        draftBody({ handlingCode: 'H3', handlingRestriction: 'Not for the press' }),
      ).expect(201);
      expect(withRestriction.body).toMatchObject({ handlingCode: 'H3', handlingRestriction: 'Not for the press' });
    });

    it('edits a draft with If-Match, bumps the version and audits the changed field names', async () => {
      const { body: draft } = await create(tokens['npOfficer']).expect(201);
      const edited = await api
        .http()
        .patch(`/v1/requests/${draft.id}`)
        .auth(tokens['npSupervisor'], bearer)
        .set('If-Match', '"1"')
        .send({
          title: 'Bank and phone records',
          content: { purpose: 'Prosecution of recruiters', summaryOfFacts: null },
        })
        .expect(200);
      expect(edited.headers['etag']).toBe('"2"');
      expect(edited.body).toMatchObject({ version: 2, title: 'Bank and phone records' });
      expect(edited.body.content).toMatchObject({
        purpose: 'Prosecution of recruiters',
        requestingAuthority: expect.any(String),
      });
      expect(edited.body.content).not.toHaveProperty('summaryOfFacts');
      const [entry] = await auditOf(draft.id, 'request.edited');
      expect(entry?.data).toMatchObject({
        changedFields: ['title', 'content.purpose', 'content.summaryOfFacts'],
        version: 2,
      });

      const stale = await api
        .http()
        .patch(`/v1/requests/${draft.id}`)
        .auth(tokens['npOfficer'], bearer)
        .set('If-Match', '"1"')
        .send({ urgency: 'normal' })
        .expect(412);
      expect(stale.headers['content-type']).toMatch(PROBLEM);
      expect(stale.body.currentVersion).toBe(2);
      await api
        .http()
        .patch(`/v1/requests/${draft.id}`)
        .auth(tokens['npOfficer'], bearer)
        .set('If-Match', 'W/"2"')
        .send({ urgency: 'normal' })
        .expect(200);
      await api
        .http()
        .patch(`/v1/requests/${draft.id}`)
        .auth(tokens['npOfficer'], bearer)
        .set('If-Match', 'yesterday')
        .send({ urgency: 'normal' })
        .expect(400);
    });

    it('lets no one else edit (403 for auditors, 404 for the counterpart and strangers) and no draft past its state (409)', async () => {
      const { body: draft } = await create(tokens['npOfficer']).expect(201);
      const patch = (token: string) =>
        api.http().patch(`/v1/requests/${draft.id}`).auth(token, bearer).send({ urgency: 'normal' });
      await patch(tokens['thOfficer']).expect(404);
      await patch(tokens['npAuditor']).expect(403);
      await patch(tokens['inOfficer']).expect(404);
      await api.em().nativeUpdate(RequestSchema, { id: draft.id }, { state: 'under_review' });
      const refused = await patch(tokens['npOfficer']).expect(409);
      expect(refused.body).toMatchObject({
        detail: 'Only drafts can be edited',
        type: expect.stringMatching(/not-a-draft$/),
      });
    });

    it("reads a request with its ETag; another agency's request is 404; a malformed id 400", async () => {
      const { body: draft } = await create(tokens['npOfficer']).expect(201);
      await api.http().get(`/v1/requests/${draft.id}`).auth(tokens['thOfficer'], bearer).expect(404);
      await sendOut(draft.id);
      const read = await api.http().get(`/v1/requests/${draft.id}`).auth(tokens['thOfficer'], bearer).expect(200);
      expect(read.headers['etag']).toBe('"1"');
      expect(read.body).toMatchObject({ id: draft.id, relation: 'requested', allowedEvents: ['acknowledge'] });
      await sendOut(draft.id, 'draft');
      await api.http().patch(`/v1/requests/${draft.id}`).auth(tokens['npAuditor'], bearer).send({}).expect(403);
      const stranger = await api.http().get(`/v1/requests/${draft.id}`).auth(tokens['inOfficer'], bearer).expect(404);
      expect(stranger.headers['content-type']).toMatch(PROBLEM);
      await api.http().get('/v1/requests/not-a-uuid').auth(tokens['npOfficer'], bearer).expect(400);
    });

    it('gives the history in version order', async () => {
      const { body: draft } = await create(tokens['npOfficer']).expect(201);
      const em = api.em();
      em.create(RequestHistorySchema, {
        id: '019ab1c2-0000-7000-8000-0000000000a1',
        request: draft.id,
        version: 2,
        event: 'submit',
        fromState: 'draft',
        toState: 'under_review',
        actor: users['npOfficer'].id,
        actorAgency: nepal.id,
        payload: {},
        occurredAt: new Date('2026-11-23T10:00:00Z'),
      });
      await em.flush();
      const history = await api
        .http()
        .get(`/v1/requests/${draft.id}/history`)
        .auth(tokens['npAuditor'], bearer)
        .expect(200);
      expect(history.body.items).toEqual([
        {
          version: 2,
          event: 'submit',
          from: 'draft',
          to: 'under_review',
          actorUserId: users['npOfficer'].id,
          actorAgencyId: nepal.id,
          payload: {},
          purged: false,
          occurredAt: '2026-11-23T10:00:00.000Z',
        },
      ]);
      await api.http().get(`/v1/requests/${draft.id}/history`).auth(tokens['inOfficer'], bearer).expect(404);
    });
  });

  describe('workflows', () => {
    it('describes each kind to any signed-in user, and 404 for an unknown kind', async () => {
      const mla = await api.http().get('/v1/workflows/mla').auth(tokens['inOfficer'], bearer).expect(200);
      expect(mla.body).toMatchObject({ kind: 'mla', initialState: 'draft' });
      expect(mla.body.events.map((event: { name: string }) => event.name)).toEqual(
        expect.arrayContaining(['submit', 'approve', 'refuse', 'withdraw']),
      );
      const eio = await api
        .http()
        .get('/v1/workflows/mla?legalBasis=eio')
        .auth(tokens['npAuditor'], bearer)
        .expect(200);
      expect(eio.body.legalBasisId).toBe('eio');
      const unknown = await api.http().get('/v1/workflows/tea').auth(tokens['npOfficer'], bearer).expect(404);
      expect(unknown.headers['content-type']).toMatch(PROBLEM);
      await api.http().get('/v1/workflows/mla').expect(401);
    });
  });

  describe('persons', () => {
    const identity = {
      names: ['Sita Tamang'],
      aliases: ['S. T.'],
      dateOfBirth: '2008-03',
      documentNumbers: [{ type: 'passport', number: 'PA1234567', issuingCountry: 'NP' }],
      addresses: ['Ward 4, Sindhupalchok'],
      contactDetails: ['+977 98 0000 0000'],
      photographRefs: ['photo-1'],
    };
    let requestId: string;
    let taskForceMemberToken: string;

    beforeAll(async () => {
      const { body } = await create(tokens['npOfficer']).expect(201);
      requestId = body.id;
      await createTaskForce(
        api.em(),
        { agency: nepal, creator: users['npSupervisor'] },
        [users['inMember']],
        [requestId],
      );
      taskForceMemberToken = tokens['inMember'];
    });

    const persons = (token: string) => api.http().get(`/v1/requests/${requestId}/persons`).auth(token, bearer);

    it('adds a person, identity through the store, columns as given, audited without personal data', async () => {
      const added = await api
        .http()
        .post(`/v1/requests/${requestId}/persons`)
        .auth(tokens['npOfficer'], bearer)
        .send({ role: 'victim', gender: 'female', nationality: 'np', minor: true, identity })
        .expect(201);
      expect(added.body).toMatchObject({
        role: 'victim',
        nationality: 'NP',
        minor: true,
        identityDisclosure: 'clear',
        identity,
      });
      const [entry] = await auditOf(added.body.id, 'person.added');
      expect(JSON.stringify(entry?.data)).not.toMatch(/Sita|Tamang|PA1234567|Sindhupalchok/);
      const request = await api.http().get(`/v1/requests/${requestId}`).auth(tokens['npOfficer'], bearer).expect(200);
      expect(request.body.version).toBe(2);
    });

    it('shows identities in clear to both agencies, one audit entry per person read', async () => {
      await api
        .http()
        .post(`/v1/requests/${requestId}/persons`)
        .auth(tokens['npSupervisor'], bearer)
        .send({ role: 'suspect', gender: 'male', identity: { names: ['Ram Bahadur'] } })
        .expect(201);
      const before = await api.em().count(AuditEventSchema, { action: 'person.identity_read' });
      const own = await persons(tokens['npOfficer']).expect(200);
      expect(own.body.items).toHaveLength(2);
      expect(own.body.items[0]).toMatchObject({ identityDisclosure: 'clear', identity });
      await persons(tokens['thOfficer']).expect(404);
      await sendOut(requestId);
      const counterpart = await persons(tokens['thOfficer']).expect(200);
      expect(counterpart.body.items[1]).toMatchObject({ identity: { names: ['Ram Bahadur'] } });
      const reads = await api
        .em()
        .find(AuditEventSchema, { action: 'person.identity_read' }, { orderBy: { occurredAt: 'asc', seq: 'asc' } });
      expect(reads).toHaveLength(before + 4);
      expect(reads.slice(-2).map((read) => read.actorUserId)).toEqual([users['thOfficer'].id, users['thOfficer'].id]);
      expect(new Set(reads.slice(-4).map((read) => read.subjectId))).toEqual(
        new Set(own.body.items.map((person: { id: string }) => person.id)),
      );
      expect(
        reads.every(
          (read) => read.subjectType === 'person' && JSON.stringify(read.data) === JSON.stringify({ requestId }),
        ),
      ).toBe(true);
    });

    it('redacts identities for task-force members and auditors, without auditing a read', async () => {
      const before = await api.em().count(AuditEventSchema, { action: 'person.identity_read' });
      await sendOut(requestId);
      for (const token of [taskForceMemberToken, tokens['npAuditor']]) {
        const listed = await persons(token).expect(200);
        for (const person of listed.body.items) {
          expect(person.identityDisclosure).toBe('redacted');
          expect(Object.values(person.identity).every((value) => value === null)).toBe(true);
          expect(JSON.stringify(person)).not.toMatch(/Sita|Ram Bahadur|PA1234567/);
        }
        expect(listed.body.items[0]).toMatchObject({
          role: 'victim',
          gender: 'female',
          nationality: 'NP',
          minor: true,
        });
      }
      expect(await api.em().count(AuditEventSchema, { action: 'person.identity_read' })).toBe(before);
      await persons(tokens['inOfficer']).expect(404);
      await sendOut(requestId, 'draft');
    });

    it('edits and removes persons in the draft only, by the requesting side only', async () => {
      const { body: person } = await api
        .http()
        .post(`/v1/requests/${requestId}/persons`)
        .auth(tokens['npOfficer'], bearer)
        .send({ role: 'witness' })
        .expect(201);
      const url = `/v1/requests/${requestId}/persons/${person.id}`;
      const edited = await api
        .http()
        .patch(url)
        .auth(tokens['npOfficer'], bearer)
        .send({ gender: 'male', minor: false })
        .expect(200);
      expect(edited.body).toMatchObject({
        gender: 'male',
        minor: false,
        identityDisclosure: 'omitted',
        identity: null,
      });
      const [entry] = await auditOf(person.id, 'person.edited');
      expect(entry?.data).toMatchObject({ changedFields: ['gender', 'minor'] });
      await api.http().patch(url).auth(tokens['npAuditor'], bearer).send({ gender: 'female' }).expect(403);
      await api.http().patch(url).auth(tokens['thOfficer'], bearer).send({ gender: 'female' }).expect(404);
      await api.http().patch(url).auth(tokens['inOfficer'], bearer).send({ gender: 'female' }).expect(404);
      await api.http().patch(url).auth(tokens['npOfficer'], bearer).send({ nationality: 'XX' }).expect(400);
      await api.http().delete(url).auth(tokens['npOfficer'], bearer).expect(204);
      expect(await auditOf(person.id, 'person.removed')).toHaveLength(1);
      await api.http().delete(url).auth(tokens['npOfficer'], bearer).expect(404);

      await api.em().nativeUpdate(RequestSchema, { id: requestId }, { state: 'transmitted' });
      await api
        .http()
        .post(`/v1/requests/${requestId}/persons`)
        .auth(tokens['npOfficer'], bearer)
        .send({ role: 'witness' })
        .expect(409);
      await api.em().nativeUpdate(RequestSchema, { id: requestId }, { state: 'draft' });
    });
  });

  describe('attachments', () => {
    let requestId: string;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41), Buffer.from('\n%%EOF\n')]);

    beforeAll(async () => {
      requestId = (await create(tokens['npOfficer']).expect(201)).body.id;
      await sendOut(requestId);
    });

    const upload = (token: string, bytes: Buffer, fileName: string, contentType: string) =>
      api
        .http()
        .post(`/v1/requests/${requestId}/attachments`)
        .auth(token, bearer)
        .field('handlingCode', 'H1')
        .field('language', 'ne')
        .field('translationAttached', 'true')
        .attach('file', bytes, { filename: fileName, contentType });

    it('stores an upload with its SHA-256 and size, lists it, and serves the same bytes with an audited read', async () => {
      const uploaded = await upload(tokens['npOfficer'], pdf, 'bank-records.pdf', 'application/pdf').expect(201);
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      expect(uploaded.body).toMatchObject({
        fileName: 'bank-records.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
        sha256,
        handlingCode: 'H1',
        language: 'ne',
        translationAttached: true,
      });
      expect(await auditOf(uploaded.body.id, 'attachment.added')).toHaveLength(1);
      const listed = await api
        .http()
        .get(`/v1/requests/${requestId}/attachments`)
        .auth(tokens['thOfficer'], bearer)
        .expect(200);
      expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([uploaded.body.id]);
      const downloaded = await api
        .http()
        .get(`/v1/requests/${requestId}/attachments/${uploaded.body.id}/content`)
        .auth(tokens['thOfficer'], bearer)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(downloaded.headers['content-type']).toMatch(/^application\/pdf/);
      expect(
        createHash('sha256')
          .update(downloaded.body as Buffer)
          .digest('hex'),
      ).toBe(sha256);
      const [read] = await auditOf(uploaded.body.id, 'attachment.downloaded');
      expect(read).toMatchObject({ actorUserId: users['thOfficer'].id });
      await api
        .http()
        .get(`/v1/requests/${requestId}/attachments/${uploaded.body.id}/content`)
        .auth(tokens['inOfficer'], bearer)
        .expect(404);
    });

    it('refuses an oversized file with 413 and a type outside the allow-list (or lying about itself) with 415', async () => {
      const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(70_000, 0x41)]);
      const tooLarge = await upload(tokens['npOfficer'], big, 'big.pdf', 'application/pdf').expect(413);
      expect(tooLarge.headers['content-type']).toMatch(PROBLEM);
      const html = await upload(tokens['npOfficer'], Buffer.from('<html></html>'), 'page.html', 'text/html').expect(
        415,
      );
      expect(html.headers['content-type']).toMatch(PROBLEM);
      await upload(tokens['npOfficer'], Buffer.from('MZ\x90\x00binary'), 'invoice.pdf', 'application/pdf').expect(415);
      const listed = await api
        .http()
        .get(`/v1/requests/${requestId}/attachments`)
        .auth(tokens['npOfficer'], bearer)
        .expect(200);
      expect(listed.body.items).toHaveLength(1);
    });

    it('needs a file, and an acting party', async () => {
      const missing = await api
        .http()
        .post(`/v1/requests/${requestId}/attachments`)
        .auth(tokens['npOfficer'], bearer)
        .field('language', 'en')
        .expect(400);
      expect(missing.body.errors[0].field).toBe('file');
      await upload(tokens['npAuditor'], pdf, 'a.pdf', 'application/pdf').expect(403);
      await upload(tokens['inOfficer'], pdf, 'a.pdf', 'application/pdf').expect(404);
    });
  });

  describe('notes and links', () => {
    it('adds notes from both agencies and hides H2 notes from task-force members', async () => {
      const { body: draft } = await create(tokens['npOfficer']).expect(201);
      await createTaskForce(
        api.em(),
        { agency: nepal, creator: users['npSupervisor'] },
        [users['inMember']],
        [draft.id],
      );
      await sendOut(draft.id);
      const note = (token: string, body: object) =>
        api.http().post(`/v1/requests/${draft.id}/notes`).auth(token, bearer).send(body);
      const open = await note(tokens['npOfficer'], { text: 'Bank contacted', language: 'en' }).expect(201);
      expect(open.body).toMatchObject({ text: 'Bank contacted', handlingCode: 'H0', authorId: users['npOfficer'].id });
      await note(tokens['thOfficer'], { text: 'Not for onward sharing', handlingCode: 'H2' }).expect(201);
      await note(tokens['npOfficer'], { text: 'x', handlingCode: 'H3' }).expect(400);
      await note(tokens['inMember'], { text: 'member note' }).expect(403);
      await note(tokens['inOfficer'], { text: 'stranger note' }).expect(404);
      expect(await auditOf(open.body.id, 'note.added')).toHaveLength(1);
      const forParty = await api
        .http()
        .get(`/v1/requests/${draft.id}/notes`)
        .auth(tokens['thOfficer'], bearer)
        .expect(200);
      expect(forParty.body.items).toHaveLength(2);
      const forMember = await api
        .http()
        .get(`/v1/requests/${draft.id}/notes`)
        .auth(tokens['inMember'], bearer)
        .expect(200);
      expect(forMember.body.items.map((item: { text: string }) => item.text)).toEqual(['Bank contacted']);
    });

    it('links two requests both visible to the caller, and lists links from either end', async () => {
      const { body: mla } = await create(tokens['npOfficer']).expect(201);
      const { body: extradition } = await create(
        tokens['npSupervisor'],
        draftBody({ kind: 'extradition', legalBasis: 'untoc', title: 'Surrender of the recruiter' }),
      ).expect(201);
      const { body: foreign } = await create(
        tokens['inOfficer'],
        draftBody({ requestedAgencyId: thailand.id, title: 'An Indian request' }),
      ).expect(201);
      const link = (body: object) =>
        api.http().post(`/v1/requests/${mla.id}/links`).auth(tokens['npOfficer'], bearer).send(body);
      const linked = await link({ linkedRequestId: extradition.id, relation: 'supports' }).expect(201);
      await sendOut(mla.id);
      await sendOut(extradition.id);
      expect(linked.body).toMatchObject({
        relation: 'supports',
        direction: 'outgoing',
        request: { id: extradition.id, reference: extradition.reference, kind: 'extradition' },
      });
      await link({ linkedRequestId: extradition.id, relation: 'related' }).expect(409);
      await link({ linkedRequestId: foreign.id, relation: 'related' }).expect(404);
      await link({ linkedRequestId: mla.id, relation: 'related' }).expect(422);
      await link({ linkedRequestId: extradition.id, relation: 'friends' }).expect(400);
      const fromOtherEnd = await api
        .http()
        .get(`/v1/requests/${extradition.id}/links`)
        .auth(tokens['thOfficer'], bearer)
        .expect(200);
      expect(fromOtherEnd.body.items).toEqual([
        expect.objectContaining({
          direction: 'incoming',
          relation: 'supports',
          request: expect.objectContaining({ id: mla.id }),
        }),
      ]);
      const [entry] = await auditOf(mla.id, 'request.linked');
      expect(entry?.data).toMatchObject({ linkedRequestId: extradition.id, relation: 'supports' });
    });
  });
});
