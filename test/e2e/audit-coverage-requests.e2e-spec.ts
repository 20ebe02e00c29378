import { AuditEventSchema, type Agency } from '@liaison/data';
import type { Role } from '@liaison/domain';
import { createAgency, createUser } from '@liaison/testing';
import { startApi, type ApiHarness } from './support/api-harness';
import { liaisonClient } from './support/liaison-client';
import { COMPLETE_MLA_CONTENT } from './support/mla-draft';

const VICTIM_NAME = 'Vera Coverage-Example';

/**
 * Every write of the request aggregate, task forces and webhooks, every decryption of a person's
 * identity, every export, and sign-ins leave their audit entry. One pass through the API performs each listed
 * action; then each is looked up in the trail, and no entry carries the victim's name.
 */
describe('audit coverage of requests, persons, attachments, task forces, webhooks and exports (e2e)', () => {
  let api: ApiHarness;
  const tokens: Record<string, string> = {};
  const users: Record<string, { id: string; email: string }> = {};
  let india: Agency;
  let nepal: Agency;

  beforeAll(async () => {
    api = await startApi({ ATTACHMENTS_DIR: `/tmp/liaison-coverage-${process.pid}` });
    const em = api.em();
    india = await createAgency(em, { country: 'IN', name: 'CBI' });
    nepal = await createAgency(em, { country: 'NP', name: 'Nepal Police' });
    for (const [agency, prefix] of [
      [india, 'in'],
      [nepal, 'np'],
    ] as const) {
      for (const role of ['OFFICER', 'SUPERVISOR', 'AUDITOR', 'ADMIN'] as Role[]) {
        const user = await createUser(em, agency, { roles: [role] });
        const name = `${prefix}${role.charAt(0)}${role.slice(1).toLowerCase()}`;
        users[name] = user;
        tokens[name] = await api.login(user.email);
      }
    }
  });

  afterAll(() => api.close());

  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

  it('records every listed action, with no personal data in any entry', async () => {
    const client = liaisonClient(api, tokens);
    const http = api.http;
    const file = (title: string) =>
      client
        .file('inOfficer', {
          kind: 'mla',
          requestedAgencyId: nepal.id,
          legalBasis: 'untoc',
          title,
          content: COMPLETE_MLA_CONTENT,
        })
        .expect(201);
    const request = (await file('Coverage request')).body.id as string;
    const other = (await file('Linked request')).body.id as string;

    await http()
      .patch(`/v1/requests/${request}`)
      .set(as('inOfficer'))
      .send({ title: 'Coverage request, edited' })
      .expect(200);
    const victim = (
      await client.addPerson('inOfficer', request, { role: 'victim', identity: { names: [VICTIM_NAME] } }).expect(201)
    ).body.id;
    await http()
      .patch(`/v1/requests/${request}/persons/${victim}`)
      .set(as('inOfficer'))
      .send({ gender: 'female' })
      .expect(200);
    const witness = (
      await client.addPerson('inOfficer', request, { role: 'witness', identity: { names: ['W'] } }).expect(201)
    ).body.id;
    await http().delete(`/v1/requests/${request}/persons/${witness}`).set(as('inOfficer')).expect(204);
    await http().get(`/v1/requests/${request}/persons`).set(as('inOfficer')).expect(200);
    const attachment = (await client.attach('inOfficer', request, 'letter.txt', 'letter of request').expect(201)).body
      .id;
    await http().get(`/v1/requests/${request}/attachments/${attachment}/content`).set(as('inOfficer')).expect(200);
    await http()
      .post(`/v1/requests/${request}/notes`)
      .set(as('inOfficer'))
      .send({ text: 'Called the prosecutor.' })
      .expect(201);
    await http()
      .post(`/v1/requests/${request}/links`)
      .set(as('inOfficer'))
      .send({ linkedRequestId: other, relation: 'related' })
      .expect(201);
    await client.send('inOfficer', request, 'approve').expect(422);
    await client.send('inOfficer', request, 'submit').expect(200);
    await client.send('inSupervisor', request, 'approve').expect(200);

    const taskForce = (
      await http().post('/v1/task-forces').set(as('inSupervisor')).send({ name: 'JTF Coverage' }).expect(201)
    ).body.id;
    await http()
      .post(`/v1/task-forces/${taskForce}/members`)
      .set(as('inSupervisor'))
      .send({ userId: users['npOfficer'].id })
      .expect(201);
    await http()
      .post(`/v1/task-forces/${taskForce}/requests`)
      .set(as('inSupervisor'))
      .send({ requestId: request })
      .expect(201);
    const proposePurge = () =>
      http()
        .post(`/v1/persons/${victim}/purge`)
        .set(as('npSupervisor'))
        .send({ ground: 'purpose_fulfilled', reason: 'Case closed at home.' })
        .expect(202);
    await proposePurge();
    await http().post(`/v1/persons/${victim}/purge/cancel`).set(as('inSupervisor')).expect(204);
    await proposePurge();
    await http().post(`/v1/persons/${victim}/purge/confirm`).set(as('inSupervisor')).expect(200);

    const webhook = (
      await http().post('/v1/webhooks').set(as('inAdmin')).send({ url: 'https://partner.example/hook' }).expect(201)
    ).body.id;
    await http().patch(`/v1/webhooks/${webhook}`).set(as('inAdmin')).send({ description: 'Case system' }).expect(200);
    await http().delete(`/v1/webhooks/${webhook}`).set(as('inAdmin')).expect(204);

    await http()
      .post('/v1/auth/login')
      .send({ email: users['npOfficer'].email, password: 'wrong-password' })
      .expect(401);
    await http().get('/v1/audit/export').set(as('inAuditor')).expect(200);

    const expected: Array<[action: string, actor: string]> = [
      ['request.created', 'inOfficer'],
      ['request.edited', 'inOfficer'],
      ['person.added', 'inOfficer'],
      ['person.edited', 'inOfficer'],
      ['person.removed', 'inOfficer'],
      ['person.identity_read', 'inOfficer'],
      ['attachment.added', 'inOfficer'],
      ['attachment.downloaded', 'inOfficer'],
      ['note.added', 'inOfficer'],
      ['request.linked', 'inOfficer'],
      ['request.transition_refused', 'inOfficer'],
      ['request.transition', 'inOfficer'],
      ['request.transition', 'inSupervisor'],
      ['task_force.created', 'inSupervisor'],
      ['task_force.member_added', 'inSupervisor'],
      ['task_force.request_linked', 'inSupervisor'],
      ['person.purge_proposed', 'npSupervisor'],
      ['person.purge_cancelled', 'inSupervisor'],
      ['person.purge_confirmed', 'inSupervisor'],
      ['person.purged', 'inSupervisor'],
      ['webhook.registered', 'inAdmin'],
      ['webhook.updated', 'inAdmin'],
      ['webhook.deleted', 'inAdmin'],
      ['auth.login', 'inAuditor'],
      ['audit.exported', 'inAuditor'],
    ];
    const em = api.em();
    const missing: string[] = [];
    for (const [action, actor] of expected) {
      const found = await em.count(AuditEventSchema, { action, actorUserId: users[actor].id });
      if (found === 0) missing.push(`${action} by ${actor}`);
    }
    expect(missing).toEqual([]);
    expect(await em.count(AuditEventSchema, { action: 'auth.login_failed', subjectId: users['npOfficer'].id })).toBe(1);

    const everything = await em.find(AuditEventSchema, {});
    expect(JSON.stringify(everything.map((entry) => entry.data))).not.toContain(VICTIM_NAME);
  });
});
