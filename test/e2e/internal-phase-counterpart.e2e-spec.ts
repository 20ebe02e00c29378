import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyExportFile } from '@liaison/audit';
import type { Agency, User } from '@liaison/data';
import type { Role } from '@liaison/domain';
import { createAgency, createUser } from '@liaison/testing';
import { startApi, type ApiHarness } from './support/api-harness';
import { liaisonClient } from './support/liaison-client';
import { COMPLETE_MLA_CONTENT } from './support/mla-draft';
import { createTaskForce } from './support/task-force';

interface Entry {
  id: string;
  seq: number;
  action: string;
  data: { event?: string };
}

/**
 * One rule hides what never left the requesting side from everybody else, on every read path: a request withdrawn
 * before it was sent stays invisible, the audit entries of a sent request's internal phase stay with that side, and a
 * task force's board shows exactly the cards its viewer may open.
 */
describe('what never left the requesting side, on every read path (e2e)', () => {
  let api: ApiHarness;
  let client: ReturnType<typeof liaisonClient>;
  let india: Agency;
  let nepal: Agency;
  let thailand: Agency;
  const users: Record<string, User> = {};
  const tokens: Record<string, string> = {};
  let taskForceId: string;
  let thaiLedTaskForceId: string;
  const dir = mkdtempSync(join(tmpdir(), 'liaison-internal-phase-'));

  /** The counterpart's officer, supervisor and auditor, and task-force members of a third agency and of Nepal. */
  const OTHERS = ['npOfficer', 'npSupervisor', 'npAuditor', 'npMember', 'thOfficer', 'thAuditor'];

  beforeAll(async () => {
    api = await startApi();
    const em = api.em();
    india = await createAgency(em, { name: 'Central Bureau of Investigation', country: 'IN' });
    nepal = await createAgency(em, { name: 'Nepal Police', country: 'NP' });
    thailand = await createAgency(em, { name: 'Royal Thai Police', country: 'TH' });
    const people: [string, Agency, Role][] = [
      ['inOfficer', india, 'OFFICER'],
      ['inSupervisor', india, 'SUPERVISOR'],
      ['inAuditor', india, 'AUDITOR'],
      ['npOfficer', nepal, 'OFFICER'],
      ['npSupervisor', nepal, 'SUPERVISOR'],
      ['npAuditor', nepal, 'AUDITOR'],
      ['npMember', nepal, 'OFFICER'],
      ['thOfficer', thailand, 'OFFICER'],
      ['thSupervisor', thailand, 'SUPERVISOR'],
      ['thAuditor', thailand, 'AUDITOR'],
    ];
    for (const [name, agency, role] of people) {
      users[name] = await createUser(em, agency, { roles: [role] });
      tokens[name] = await api.login(users[name].email);
    }
    client = liaisonClient(api, tokens);
    const members = ['inSupervisor', 'inOfficer', 'npMember', 'thOfficer', 'thAuditor'].map((name) => users[name]);
    taskForceId = await createTaskForce(api.em(), { agency: india, creator: users['inSupervisor'] }, members, []);
    // led by Thailand, whose supervisor oversees its board without being a member
    thaiLedTaskForceId = await createTaskForce(
      api.em(),
      { agency: thailand, creator: users['thSupervisor'] },
      [users['inOfficer']],
      [],
    );
  });

  afterAll(() => api.close());

  const get = (who: string, path: string) => api.http().get(path).auth(tokens[who], { type: 'bearer' });

  async function draft(title: string, taskForces: string[] = [taskForceId]): Promise<string> {
    const response = await client
      .file('inOfficer', {
        kind: 'mla',
        requestedAgencyId: nepal.id,
        legalBasis: 'untoc',
        urgency: 'normal',
        language: 'en',
        handlingCode: 'H0',
        title,
        content: COMPLETE_MLA_CONTENT,
      })
      .expect(201);
    for (const id of taskForces) await api.em().fork().getConnection().execute(linkSql(id, response.body.id));
    return response.body.id;
  }

  /** Linked as the lead's supervisor would link it (the route's rules are not what this suite is about). */
  function linkSql(taskForce: string, requestId: string): string {
    return `insert into task_force_request (id, task_force_id, request_id, linked_by_id, created_at)
      values (gen_random_uuid(), '${taskForce}', '${requestId}', '${users['inSupervisor'].id}', now())`;
  }

  async function send(who: string, id: string, event: string, payload: object = {}): Promise<void> {
    const response = await client.send(who, id, event, payload);
    expect({ event, status: response.status }).toEqual({ event, status: 200 });
  }

  async function cardIds(who: string, taskForce = taskForceId): Promise<{ ids: string[]; total: number }> {
    const board = await get(who, `/v1/task-forces/${taskForce}/board`).expect(200);
    const columns = board.body.columns as { cards: { id: string }[] }[];
    return { ids: columns.flatMap((column) => column.cards.map((card) => card.id)), total: board.body.total };
  }

  async function linkedCount(who: string, taskForce = taskForceId): Promise<number> {
    return (await get(who, `/v1/task-forces/${taskForce}`).expect(200)).body.linkedRequestCount;
  }

  async function auditEntries(who: string, id: string): Promise<Entry[]> {
    return (await get(who, `/v1/audit/entries?requestId=${id}&limit=200`).expect(200)).body.items as Entry[];
  }

  async function exportOf(who: string): Promise<string> {
    const exported = await get(who, '/v1/audit/export')
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => done(null, text));
      });
    expect(exported.status).toBe(200);
    return exported.body as string;
  }

  it('keeps a request withdrawn before it was sent invisible to everybody but its requesting side', async () => {
    const title = `Withdrawn before it left ${Date.now()}`;
    const id = await draft(title);
    await send('inOfficer', id, 'submit');
    await send('inSupervisor', id, 'withdraw', { reason: 'The prosecutor closed the case' });

    for (const who of OTHERS) {
      await get(who, `/v1/requests/${id}`).expect(404);
      await get(who, `/v1/requests/${id}/history`).expect(404);
      const search = await get(who, `/v1/requests?q=${encodeURIComponent(title)}`).expect(200);
      expect({ who, found: search.body.items }).toEqual({ who, found: [] });
      if (who.endsWith('Auditor')) {
        expect({ who, entries: await auditEntries(who, id) }).toEqual({ who, entries: [] });
        await get(who, `/v1/requests/${id}/trail`).expect(404);
      }
    }
    for (const member of ['npMember', 'thOfficer', 'thAuditor']) {
      expect((await cardIds(member)).ids).not.toContain(id);
    }

    await get('inOfficer', `/v1/requests/${id}`).expect(200);
    const own = await get('inOfficer', `/v1/requests?q=${encodeURIComponent(title)}`).expect(200);
    expect(own.body.items.map((item: { id: string }) => item.id)).toEqual([id]);
    expect((await cardIds('inOfficer')).ids).toContain(id);
    expect((await auditEntries('inAuditor', id)).length).toBeGreaterThan(2);
  });

  it('shows the counterpart’s and the task force’s auditors a sent request’s trail from its transmission on', async () => {
    const id = await draft('Returned once, then sent');
    await send('inOfficer', id, 'submit');
    await send('inSupervisor', id, 'return_for_amendment', { reason: 'Add the witness statement' });
    await send('inOfficer', id, 'submit');
    await send('inSupervisor', id, 'approve');
    await send('npOfficer', id, 'acknowledge');

    const own = await auditEntries('inAuditor', id);
    const events = (entries: Entry[]) => entries.map((entry) => entry.data.event ?? entry.action);
    expect(events(own)).toEqual(
      expect.arrayContaining(['request.created', 'submit', 'return_for_amendment', 'approve', 'acknowledge']),
    );
    const sentAt = own.find((entry) => entry.data.event === 'approve')?.seq as number;

    for (const auditor of ['npAuditor', 'thAuditor']) {
      const theirs = await auditEntries(auditor, id);
      expect({ auditor, events: events(theirs) }).toEqual({ auditor, events: ['approve', 'acknowledge'] });
      expect(theirs[0].seq).toBe(sentAt);
      await get(auditor, `/v1/audit/entries/${own[0].id}/proof`).expect(404); // the draft's first entry
      const trail = await get(auditor, `/v1/requests/${id}/trail`).expect(200);
      expect(events(trail.body as Entry[])).toEqual(['approve', 'acknowledge']);
    }
    const ownTrail = await get('inAuditor', `/v1/requests/${id}/trail`).expect(200);
    expect(ownTrail.body).toHaveLength(own.length);
  });

  it('exports the counterpart a sent request’s stream from its transmission on, and the export verifies', async () => {
    const id = await draft('Sent, then exported by the counterpart');
    await send('inOfficer', id, 'submit');
    await send('inSupervisor', id, 'approve');
    const key = (await get('npAuditor', '/v1/audit/public-key').expect(200)).body as { publicKeyPem: string };

    const text = await exportOf('npAuditor');
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const stream = `request:${id}`;
    const ofStream = lines.filter((line) => (line['entry'] as { stream?: string } | undefined)?.stream === stream);
    const actions = ofStream.map((line) => (line['entry'] as { data: { event?: string } }).data.event);
    expect(actions).toEqual(['approve']);
    expect(lines.find((line) => line['type'] === 'withheld' && line['stream'] === stream)).toMatchObject({
      fromSeq: (ofStream[0]['entry'] as { seq: number }).seq,
      prevHash: ofStream[0]['prevHash'],
    });
    const file = join(dir, 'counterpart.jsonl');
    writeFileSync(file, text);
    const report = await verifyExportFile(file, key.publicKeyPem, { threads: 2 });
    expect(report).toMatchObject({ ok: true, failure: null });
    expect(report.withheldStreams).toBeGreaterThanOrEqual(1);

    const own = await exportOf('inAuditor');
    expect(own).not.toContain('"type":"withheld"');
    writeFileSync(join(dir, 'own.jsonl'), own);
    expect(await verifyExportFile(join(dir, 'own.jsonl'), key.publicKeyPem, { threads: 1 })).toMatchObject({
      ok: true,
    });
  });

  it('shows on a board exactly the cards its viewer may open, and counts no others', async () => {
    const drafted = await draft('CBI draft on the board', [taskForceId, thaiLedTaskForceId]);
    const reviewed = await draft('CBI request under its own review', [taskForceId, thaiLedTaskForceId]);
    await send('inOfficer', reviewed, 'submit');
    const sent = await draft('CBI request sent to Nepal', [taskForceId, thaiLedTaskForceId]);
    await send('inOfficer', sent, 'submit');
    await send('inSupervisor', sent, 'approve');

    const member = await cardIds('npMember');
    expect(member.ids).toContain(sent);
    expect(member.ids).not.toContain(drafted);
    expect(member.ids).not.toContain(reviewed);
    for (const id of member.ids) await get('npMember', `/v1/requests/${id}`).expect(200);
    expect(await linkedCount('npMember')).toBe(member.total);

    // the Thai lead's supervisor is no member: the request page is 404 to them, and so the board shows no card
    const lead = await cardIds('thSupervisor', thaiLedTaskForceId);
    await get('thSupervisor', `/v1/requests/${sent}`).expect(404);
    expect(lead).toEqual({ ids: [], total: 0 });
    expect(await linkedCount('thSupervisor', thaiLedTaskForceId)).toBe(0);

    const own = await cardIds('inOfficer', thaiLedTaskForceId);
    expect(own.ids).toEqual(expect.arrayContaining([drafted, reviewed, sent]));
  });

  it('keeps the link of a draft to a task force off the task force’s trail, which its members’ auditors read', async () => {
    const id = await draft('Draft linked by the lead', []);
    await get('inSupervisor', `/v1/task-forces/${taskForceId}`).expect(200);
    await api
      .http()
      .post(`/v1/task-forces/${taskForceId}/requests`)
      .auth(tokens['inSupervisor'], { type: 'bearer' })
      .send({ requestId: id })
      .expect(201);

    const taskForceEntries = async (who: string) =>
      (await get(who, `/v1/audit/entries?stream=task-force:${taskForceId}&limit=200`).expect(200)).body
        .items as Entry[];
    expect(JSON.stringify(await taskForceEntries('thAuditor'))).not.toContain(id);
    expect(await exportOf('thAuditor')).not.toContain(id);
    const own = await auditEntries('inAuditor', id);
    expect(own.map((entry) => entry.action)).toContain('task_force.request_linked');

    await send('inOfficer', id, 'submit');
    await send('inSupervisor', id, 'approve');
    expect((await cardIds('thOfficer')).ids).toContain(id);
  });

  it('counts no request withdrawn before it was sent in the counterpart’s statistics', async () => {
    for (let i = 0; i < 5; i += 1) {
      const id = await draft(`Withdrawn draft ${i}`, []);
      await send('inSupervisor', id, 'withdraw', { reason: 'Filed in error' });
    }
    const withdrawn = async (who: string) => {
      const statistics = await get(who, '/v1/statistics?kind=mla').expect(200);
      const byState = statistics.body.requests.byState as { state: string; count: number | null }[];
      return byState.find((row) => row.state === 'withdrawn')?.count ?? 0;
    };
    expect(await withdrawn('npAuditor')).toBe(0);
    expect(await withdrawn('inAuditor')).toBeGreaterThanOrEqual(5);
  });
});
