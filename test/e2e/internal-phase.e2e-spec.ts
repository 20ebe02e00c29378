import type { Agency, User } from '@liaison/data';
import type { Role } from '@liaison/domain';
import { createAgency, createUser } from '@liaison/testing';
import { startApi, type ApiHarness } from './support/api-harness';
import { liaisonClient } from './support/liaison-client';
import { COMPLETE_MLA_CONTENT } from './support/mla-draft';
import { createTaskForce } from './support/task-force';

const REASON = 'Internal: the prosecutor doubts the witness, do not send yet';

/**
 * The requesting side's internal phase (draft, its own review) is its own business: the counterpart, the task forces
 * and their auditors see neither requests still in it nor, after transmission, what happened in it.
 */
describe('the internal phase stays with the requesting side (e2e)', () => {
  let api: ApiHarness;
  let client: ReturnType<typeof liaisonClient>;
  let india: Agency;
  let nepal: Agency;
  let thailand: Agency;
  const users: Record<string, User> = {};
  const tokens: Record<string, string> = {};
  let taskForceId: string;

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
      ['npAuditor', nepal, 'AUDITOR'],
      ['thOfficer', thailand, 'OFFICER'],
      ['thAuditor', thailand, 'AUDITOR'],
    ];
    for (const [name, agency, role] of people) {
      users[name] = await createUser(em, agency, { roles: [role] });
      tokens[name] = await api.login(users[name].email);
    }
    client = liaisonClient(api, tokens);
    taskForceId = await createTaskForce(
      api.em(),
      { agency: india, creator: users['inSupervisor'] },
      [users['inSupervisor'], users['inOfficer'], users['thOfficer'], users['thAuditor']],
      [],
    );
  });

  afterAll(() => api.close());

  const get = (who: string, path: string) => api.http().get(path).auth(tokens[who], { type: 'bearer' });

  async function draft(title: string): Promise<string> {
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
    await api
      .http()
      .post(`/v1/task-forces/${taskForceId}/requests`)
      .auth(tokens['inSupervisor'], { type: 'bearer' })
      .send({ requestId: response.body.id })
      .expect(201);
    return response.body.id;
  }

  async function send(who: string, id: string, event: string, payload: object = {}): Promise<void> {
    const response = await client.send(who, id, event, payload);
    expect({ event, status: response.status }).toEqual({ event, status: 200 });
  }

  it('keeps a draft off the counterpart’s and the task force’s board and audit entries', async () => {
    const id = await draft('Draft still being written');
    for (const auditor of ['npAuditor', 'thAuditor']) {
      const entries = await get(auditor, `/v1/audit/entries?requestId=${id}`).expect(200);
      expect({ auditor, entries: entries.body.items }).toEqual({ auditor, entries: [] });
      await get(auditor, `/v1/requests/${id}/trail`).expect(404);
    }
    const own = await get('inAuditor', `/v1/audit/entries?requestId=${id}`).expect(200);
    expect(own.body.items.length).toBeGreaterThan(0);

    const cardIds = async (who: string) => {
      const board = await get(who, `/v1/task-forces/${taskForceId}/board`).expect(200);
      return (board.body.columns as { cards: { id: string }[] }[]).flatMap((column) => column.cards.map((c) => c.id));
    };
    expect(await cardIds('inOfficer')).toContain(id);
    expect(await cardIds('thOfficer')).not.toContain(id);
  });

  it('keeps what happened before transmission out of the counterpart’s history', async () => {
    const id = await draft('Returned once before it went out');
    await send('inOfficer', id, 'submit');
    await send('inSupervisor', id, 'return_for_amendment', { reason: REASON });
    await send('inOfficer', id, 'submit');
    await send('inSupervisor', id, 'approve');

    const events = async (who: string) => {
      const history = await client.history(who, id).expect(200);
      expect(JSON.stringify(history.body).includes(REASON)).toBe(who === 'inOfficer');
      return (history.body.items as { event: string }[]).map((entry) => entry.event);
    };
    expect(await events('inOfficer')).toEqual(['submit', 'return_for_amendment', 'submit', 'approve']);
    expect(await events('npOfficer')).toEqual(['approve']);
    expect(await events('thOfficer')).toEqual(['approve']);

    const internal = ['draft', 'under_review'];
    const stays = async (who: string) => {
      const statistics = await get(who, '/v1/statistics?kind=mla').expect(200);
      return (statistics.body.timeInState as { state: string }[]).filter((row) => internal.includes(row.state));
    };
    expect(await stays('npAuditor')).toEqual([]);
    expect((await stays('inAuditor')).length).toBeGreaterThan(0);
  });
});
