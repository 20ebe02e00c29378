import { RequestSchema, type Agency, type User } from '@liaison/data';
import type { Role } from '@liaison/domain';
import { createAgency, createTaskForce, createUser } from '@liaison/testing';
import { startApi, type ApiHarness } from './support/api-harness';
import { liaisonClient } from './support/liaison-client';
import { COMPLETE_MLA_CONTENT } from './support/mla-draft';

type Relation = 'requesting' | 'requested' | 'taskForceMember' | 'foreign';
type Route = {
  name: string;
  write: boolean;
  /** Draft content and persons: the requesting side's alone. */
  requestingOnly?: boolean;
  call: (token: string) => Promise<{ status: number; body: unknown }>;
};

const ROLES: Role[] = ['OFFICER', 'SUPERVISOR', 'AUDITOR', 'ADMIN'];
const RELATIONS: Relation[] = ['requesting', 'requested', 'taskForceMember', 'foreign'];

/**
 * Every route of the request aggregate × every role × how the caller stands to the request. Strangers get 404
 * everywhere and never find the request in a search; auditors, administrators and task-force members read but
 * never write; officers and supervisors of the two agencies get past access control (the rules may still refuse).
 */
describe('access matrix over the request routes (e2e)', () => {
  let api: ApiHarness;
  const tokens = new Map<string, string>();
  const agencyOf: Partial<Record<Relation, Agency>> = {};
  let requestId: string;
  let reference: string;
  let personId: string;
  let attachmentId: string;
  let otherRequestId: string;
  let taskForceId: string;

  beforeAll(async () => {
    api = await startApi({ ATTACHMENTS_DIR: `/tmp/liaison-access-${process.pid}`, RATE_LIMIT_PER_MINUTE: '100000' });
    const em = api.em();
    const users: Partial<Record<string, User>> = {};
    for (const [relation, country] of [
      ['requesting', 'IN'],
      ['requested', 'NP'],
      ['taskForceMember', 'TH'],
      ['foreign', 'MM'],
    ] as const) {
      agencyOf[relation] = await createAgency(em, { country, name: `${relation} agency` });
      for (const role of ROLES) {
        const user = await createUser(em, agencyOf[relation] as Agency, { roles: [role] });
        users[`${relation}:${role}`] = user;
        tokens.set(`${relation}:${role}`, await api.login(user.email));
      }
    }
    const client = liaisonClient(api, Object.fromEntries(tokens));
    const filed = await client
      .file('requesting:OFFICER', {
        kind: 'mla',
        requestedAgencyId: agencyOf.requested?.id,
        legalBasis: 'untoc',
        title: 'Matrix request',
        content: COMPLETE_MLA_CONTENT,
      })
      .expect(201);
    requestId = filed.body.id;
    reference = filed.body.reference;
    personId = (
      await client
        .addPerson('requesting:OFFICER', requestId, { role: 'witness', identity: { names: ['A Witness'] } })
        .expect(201)
    ).body.id;
    attachmentId = (await client.attach('requesting:OFFICER', requestId, 'letter.txt', 'letter of request').expect(201))
      .body.id;
    for (const [who, event] of [
      ['requesting:OFFICER', 'submit'],
      ['requesting:SUPERVISOR', 'approve'],
      ['requested:OFFICER', 'acknowledge'],
    ]) {
      await client.send(who, requestId, event).expect(200);
    }
    otherRequestId = (
      await client
        .file('requesting:OFFICER', {
          kind: 'mla',
          requestedAgencyId: agencyOf.requested?.id,
          legalBasis: 'untoc',
          title: 'Other',
          content: COMPLETE_MLA_CONTENT,
        })
        .expect(201)
    ).body.id;
    // transmitted too, so that both agencies can see the request it gets linked to
    await client.send('requesting:OFFICER', otherRequestId, 'submit').expect(200);
    await client.send('requesting:SUPERVISOR', otherRequestId, 'approve').expect(200);
    const creator = users['requesting:SUPERVISOR'] as User;
    await api.em().populate(creator, ['agency']);
    const members = ROLES.map((role) => ({ user: users[`taskForceMember:${role}`] as User }));
    const request = await api.em().findOneOrFail(RequestSchema, requestId);
    taskForceId = (await createTaskForce(api.em(), creator, { members, requests: [request] })).id;
  });

  afterAll(() => api.close());

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const get = (path: string) => (token: string) => api.http().get(path).set(bearer(token));
  const routes = (): Route[] => [
    { name: 'GET request', write: false, call: get(`/v1/requests/${requestId}`) },
    { name: 'GET history', write: false, call: get(`/v1/requests/${requestId}/history`) },
    { name: 'GET persons', write: false, call: get(`/v1/requests/${requestId}/persons`) },
    { name: 'GET attachments', write: false, call: get(`/v1/requests/${requestId}/attachments`) },
    {
      name: 'GET attachment content',
      write: false,
      call: get(`/v1/requests/${requestId}/attachments/${attachmentId}/content`),
    },
    { name: 'GET notes', write: false, call: get(`/v1/requests/${requestId}/notes`) },
    { name: 'GET links', write: false, call: get(`/v1/requests/${requestId}/links`) },
    {
      name: 'PATCH request',
      write: true,
      requestingOnly: true,
      call: (token) => api.http().patch(`/v1/requests/${requestId}`).set(bearer(token)).send({ title: 'Changed' }),
    },
    {
      name: 'POST person',
      write: true,
      requestingOnly: true,
      call: (token) =>
        api
          .http()
          .post(`/v1/requests/${requestId}/persons`)
          .set(bearer(token))
          .send({ role: 'witness', identity: { names: ['X'] } }),
    },
    {
      name: 'PATCH person',
      write: true,
      requestingOnly: true,
      call: (token) =>
        api.http().patch(`/v1/requests/${requestId}/persons/${personId}`).set(bearer(token)).send({ gender: 'female' }),
    },
    {
      name: 'DELETE person',
      write: true,
      requestingOnly: true,
      call: (token) => api.http().delete(`/v1/requests/${requestId}/persons/${personId}`).set(bearer(token)),
    },
    {
      name: 'POST attachment',
      write: true,
      call: (token) =>
        api
          .http()
          .post(`/v1/requests/${requestId}/attachments`)
          .set(bearer(token))
          .attach('file', Buffer.from('x'), { filename: 'x.txt', contentType: 'text/plain' }),
    },
    {
      name: 'POST note',
      write: true,
      call: (token) => api.http().post(`/v1/requests/${requestId}/notes`).set(bearer(token)).send({ text: 'A note.' }),
    },
    {
      name: 'POST link',
      write: true,
      call: (token) =>
        api
          .http()
          .post(`/v1/requests/${requestId}/links`)
          .set(bearer(token))
          .send({ linkedRequestId: otherRequestId, relation: 'related' }),
    },
    {
      name: 'POST transition',
      write: true,
      call: (token) =>
        api.http().post(`/v1/requests/${requestId}/transitions`).set(bearer(token)).send({ event: 'accept' }),
    },
  ];

  it('answers every route, role and relation as the policy says, with no leak', async () => {
    const verdicts: string[] = [];
    for (const relation of RELATIONS) {
      for (const role of ROLES) {
        const token = tokens.get(`${relation}:${role}`) as string;
        const actsForAParty =
          (relation === 'requesting' || relation === 'requested') && (role === 'OFFICER' || role === 'SUPERVISOR');
        for (const route of routes()) {
          const { status } = await route.call(token);
          const ok =
            relation === 'foreign'
              ? status === 404
              : !route.write
                ? status === 200
                : actsForAParty && (relation === 'requesting' || !route.requestingOnly)
                  ? status !== 403 && status !== 404
                  : status === 403;
          if (!ok) verdicts.push(`${relation} ${role} ${route.name} → ${status}`);
        }
      }
    }
    expect(verdicts).toEqual([]);
  });

  it('finds the request in searches of its agencies and task-force members only', async () => {
    for (const relation of RELATIONS) {
      for (const role of ROLES) {
        const response = await api
          .http()
          .get(`/v1/requests?q=${encodeURIComponent(reference)}`)
          .set(bearer(tokens.get(`${relation}:${role}`) as string))
          .expect(200);
        const found = response.body.items.some((item: { id: string }) => item.id === requestId);
        expect({ relation, role, found }).toEqual({ relation, role, found: relation !== 'foreign' });
      }
    }
  });

  it("shows the task force's board to its members and 404 to strangers", async () => {
    for (const role of ROLES) {
      await api
        .http()
        .get(`/v1/task-forces/${taskForceId}/board`)
        .set(bearer(tokens.get(`taskForceMember:${role}`) as string))
        .expect(200);
      await api
        .http()
        .get(`/v1/task-forces/${taskForceId}/board`)
        .set(bearer(tokens.get(`foreign:${role}`) as string))
        .expect(404);
    }
  });

  it('shows identifying data of persons in clear only to officers and supervisors of the two agencies', async () => {
    for (const relation of ['requesting', 'requested', 'taskForceMember'] as const) {
      for (const role of ROLES) {
        const response = await api
          .http()
          .get(`/v1/requests/${requestId}/persons`)
          .set(bearer(tokens.get(`${relation}:${role}`) as string))
          .expect(200);
        const inClear = JSON.stringify(response.body).includes('A Witness');
        const entitled = relation !== 'taskForceMember' && (role === 'OFFICER' || role === 'SUPERVISOR');
        expect({ relation, role, inClear }).toEqual({ relation, role, inClear: entitled });
      }
    }
  });
});
