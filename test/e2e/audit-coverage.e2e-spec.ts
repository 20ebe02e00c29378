import { createHash } from 'node:crypto';
import { AuditEventSchema, type Agency, type AuditEvent, type User } from '@liaison/data';
import { createAgency, createUser, TEST_PASSWORD } from '@liaison/testing';
import { startApi, type ApiHarness } from './support/api-harness';

/**
 * Every write of the auth and agencies modules leaves its audit entry, in the same transaction as the change (a
 * failed sign-in, which changes nothing, in its own): actor, agency, subject, client request id, no personal data.
 */
describe('audit coverage of sign-ins, users and agencies (e2e)', () => {
  let api: ApiHarness;
  let india: Agency;
  let admin: User;
  let operator: User;
  let adminToken: string;
  let operatorToken: string;

  beforeAll(async () => {
    api = await startApi();
    const em = api.em();
    india = await createAgency(em, { name: 'CBI', country: 'IN' });
    admin = await createUser(em, india, { roles: ['ADMIN'] });
    operator = await createUser(em, india, { roles: ['ADMIN'], platformAdmin: true });
    adminToken = await api.login(admin.email);
    operatorToken = await api.login(operator.email);
  });

  afterAll(() => api.close());

  const requestId = () => `audit-coverage-${Math.random().toString(36).slice(2)}`;

  async function entryFor(clientRequestId: string): Promise<AuditEvent> {
    const entries = await api.em().find(AuditEventSchema, { clientRequestId });
    expect(entries).toHaveLength(1);
    return entries[0];
  }

  const actions: [
    string,
    () => Promise<{ clientRequestId: string; expected: Partial<AuditEvent>; personal: string[] }>,
  ][] = [
    [
      'auth.login',
      async () => {
        const clientRequestId = requestId();
        await api
          .http()
          .post('/v1/auth/login')
          .set('X-Request-Id', clientRequestId)
          .send({ email: admin.email, password: TEST_PASSWORD })
          .expect(200);
        return {
          clientRequestId,
          expected: {
            stream: `agency:${india.id}`,
            action: 'auth.login',
            subjectId: admin.id,
            actorUserId: admin.id,
            actorAgencyId: india.id,
          },
          personal: [admin.email],
        };
      },
    ],
    [
      'auth.login_failed (wrong password)',
      async () => {
        const clientRequestId = requestId();
        await api
          .http()
          .post('/v1/auth/login')
          .set('X-Request-Id', clientRequestId)
          .send({ email: admin.email, password: 'wrong-password-1' })
          .expect(401);
        return {
          clientRequestId,
          expected: {
            stream: `agency:${india.id}`,
            action: 'auth.login_failed',
            subjectId: admin.id,
            actorUserId: null,
            data: { reason: 'wrong_password' },
          },
          personal: [admin.email, 'wrong-password-1'],
        };
      },
    ],
    [
      'auth.login_failed (unknown account)',
      async () => {
        const clientRequestId = requestId();
        const email = 'nobody.here@test.example';
        await api
          .http()
          .post('/v1/auth/login')
          .set('X-Request-Id', clientRequestId)
          .send({ email, password: 'whatever-123' })
          .expect(401);
        return {
          clientRequestId,
          expected: {
            stream: 'system',
            action: 'auth.login_failed',
            subjectType: 'login',
            subjectId: createHash('sha256').update(email).digest('hex'),
          },
          personal: [email, 'whatever-123'],
        };
      },
    ],
    [
      'auth.refreshed and auth.logout',
      async () => {
        const signIn = await api
          .http()
          .post('/v1/auth/login')
          .send({ email: admin.email, password: TEST_PASSWORD })
          .expect(200);
        const refreshed = await api
          .http()
          .post('/v1/auth/refresh')
          .set('X-Request-Id', requestId())
          .send({ refreshToken: signIn.body.refreshToken })
          .expect(200);
        const clientRequestId = requestId();
        await api
          .http()
          .post('/v1/auth/logout')
          .set('X-Request-Id', clientRequestId)
          .send({ refreshToken: refreshed.body.refreshToken })
          .expect(204);
        const refreshes = await api.em().count(AuditEventSchema, { action: 'auth.refreshed', subjectId: admin.id });
        expect(refreshes).toBeGreaterThanOrEqual(1);
        return {
          clientRequestId,
          expected: { stream: `agency:${india.id}`, action: 'auth.logout', actorUserId: admin.id },
          personal: [admin.email],
        };
      },
    ],
    [
      'user.created',
      async () => {
        const clientRequestId = requestId();
        const email = 'new.officer@test.example';
        const created = await api
          .http()
          .post(`/v1/agencies/${india.id}/users`)
          .auth(adminToken, { type: 'bearer' })
          .set('X-Request-Id', clientRequestId)
          .send({ email, displayName: 'Anita Sharma', roles: ['OFFICER'] })
          .expect(201);
        return {
          clientRequestId,
          expected: {
            stream: `agency:${india.id}`,
            action: 'user.created',
            subjectId: created.body.id,
            actorUserId: admin.id,
            data: { roles: ['OFFICER'], invitationId: expect.any(String) },
          },
          personal: [email, 'Anita Sharma'],
        };
      },
    ],
    [
      'user.updated (role change)',
      async () => {
        const officer = await createUser(api.em(), india, { roles: ['OFFICER'] });
        const clientRequestId = requestId();
        await api
          .http()
          .patch(`/v1/agencies/${india.id}/users/${officer.id}`)
          .auth(adminToken, { type: 'bearer' })
          .set('X-Request-Id', clientRequestId)
          .send({ roles: ['OFFICER', 'ADMIN'], displayName: 'Ravi Kumar' })
          .expect(200);
        return {
          clientRequestId,
          expected: {
            action: 'user.updated',
            subjectId: officer.id,
            data: {
              changed: ['roles', 'displayNameChanged'],
              roles: { from: ['OFFICER'], to: ['OFFICER', 'ADMIN'] },
              displayNameChanged: true,
            },
          },
          personal: ['Ravi Kumar', officer.email],
        };
      },
    ],
    [
      'agency.created',
      async () => {
        const clientRequestId = requestId();
        const created = await api
          .http()
          .post('/v1/agencies')
          .auth(operatorToken, { type: 'bearer' })
          .set('X-Request-Id', clientRequestId)
          .send({ name: 'Bangladesh Police', country: 'BD', type: 'POLICE' })
          .expect(201);
        return {
          clientRequestId,
          expected: {
            stream: `agency:${created.body.id}`,
            action: 'agency.created',
            subjectId: created.body.id,
            actorUserId: operator.id,
            actorAgencyId: india.id,
          },
          personal: [],
        };
      },
    ],
  ];

  it.each(actions)('%s leaves its entry', async (_name, act) => {
    const { clientRequestId, expected, personal } = await act();
    const entry = await entryFor(clientRequestId);
    expect(entry).toMatchObject(expected);
    const serialized = JSON.stringify(entry);
    for (const value of personal) expect(serialized).not.toContain(value);
  });

  it('keeps every chain intact after all of them', async () => {
    const operatorAudit = await api
      .http()
      .post('/v1/audit/verify')
      .auth(operatorToken, { type: 'bearer' })
      .send({})
      .expect(200);
    expect(operatorAudit.body).toMatchObject({ ok: true, firstBrokenLink: null });
    expect(operatorAudit.body.entriesChecked).toBeGreaterThanOrEqual(actions.length);
  });
});
