import { randomBytes } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { uuidv7 } from 'uuidv7';
import {
  InboxItemSchema,
  AuthSessionSchema,
  RefreshTokenSchema,
  RequestSchema,
  RoleGrantSchema,
  TaskForceMemberSchema,
  TaskForceRequestSchema,
  UserSchema,
  WebhookDeliverySchema,
  type Agency,
  type User,
} from '@liaison/data';
import type { Role } from '@liaison/domain';
import { sha256Hex } from '@liaison/platform';
import { createAgency, createRequest, createTaskForce, createUser, TEST_PASSWORD } from '@liaison/testing';
import type { ApiHarness } from '../../e2e/support/api-harness';
import { COMPLETE_MLA_CONTENT } from '../../e2e/support/mla-draft';

export const CALLER_ROLES = ['officer', 'supervisor', 'auditor', 'admin', 'platformAdmin'] as const;
export type CallerRole = (typeof CALLER_ROLES)[number];

/**
 * How the caller's agency stands to the resource a route is about. Every resource of the world belongs to the
 * `own` agency (IN): `counterpart` is the other party of its requests (NP), `taskForce` an agency whose users are
 * members of the task force that follows them (TH), `foreign` an agency with no tie at all (MM).
 */
export const RELATIONS = ['own', 'counterpart', 'taskForce', 'foreign'] as const;
export type Relation = (typeof RELATIONS)[number];

const COUNTRY: Record<Relation, string> = { own: 'IN', counterpart: 'NP', taskForce: 'TH', foreign: 'MM' };
const ROLES_OF: Record<CallerRole, Role[]> = {
  officer: ['OFFICER'],
  supervisor: ['SUPERVISOR'],
  auditor: ['AUDITOR'],
  admin: ['ADMIN'],
  platformAdmin: ['ADMIN'],
};

export type CallerKey = `${Relation}:${CallerRole}`;

export interface AttackWorld {
  agencies: Record<Relation, Agency>;
  users: Record<CallerKey, User>;
  tokens: Record<CallerKey, string>;
  /** An own-agency user with every role and platform rights: gets past every guard, for the input fuzzing. */
  superToken: string;
  /** An MLA request from own to counterpart, acknowledged, followed by the task force. */
  requestId: string;
  reference: string;
  state: string;
  /** A second transmitted request between the same parties, for links. */
  otherRequestId: string;
  personId: string;
  /** A person of the request kept for the purge route (proposed once, then 409). */
  purgePersonId: string;
  attachmentId: string;
  taskForceId: string;
  /** An entry of the request's audit stream. */
  auditEntryId: string;
  /** An entry in the own officer's inbox. */
  inboxItemId: string;
  webhookId: string;
  deliveryId: string;
  /** An own-agency user the user-administration routes edit. */
  spareUserId: string;
}

let forwarded = 0;

/** A distinct client address per sign-in, so the per-address login limit of 30 a minute stays out of the way. */
export function nextClientAddress(): string {
  forwarded += 1;
  return `10.${(forwarded >> 16) & 255}.${(forwarded >> 8) & 255}.${forwarded & 255}`;
}

export async function signIn(api: ApiHarness, email: string, password = TEST_PASSWORD) {
  const response = await api
    .http()
    .post('/v1/auth/login')
    .set('X-Forwarded-For', nextClientAddress())
    .send({ email, password });
  if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}`);
  return response.body as { accessToken: string; refreshToken: string };
}

/**
 * An access token from the api's own signer, with the claims sign-in puts in it. Signing in through HTTP costs an
 * argon2 verification (most of a second on a busy 2-core machine) per user; sign-in itself is attacked in
 * token-tampering.attack-spec.ts and limits.attack-spec.ts.
 */
export function accessTokenOf(api: ApiHarness, user: User): Promise<string> {
  return api.app.get(JwtService).signAsync({ sub: user.id, agency: user.agency.id, sid: uuidv7() });
}

/** A session as sign-in stores it, without the argon2 cost. */
export async function freshSession(api: ApiHarness, userId: string, expiresAt = new Date(Date.now() + 3_600_000)) {
  const em = api.em();
  const now = new Date();
  const session = em.create(AuthSessionSchema, {
    id: uuidv7(),
    user: em.getReference(UserSchema, userId),
    methods: ['pwd'],
    authenticatedAt: now,
    secondFactorAt: null,
    lastUsedAt: now,
    expiresAt,
    revokedAt: null,
    clientCiphertext: null,
    clientKeyId: null,
  });
  await em.flush();
  return session.id;
}

/** A refresh token as sign-in stores it (hashed, in a session of its own), without the argon2 cost. */
export async function freshRefreshToken(api: ApiHarness, user: User, expiresAt = new Date(Date.now() + 3_600_000)) {
  const token = randomBytes(32).toString('base64url');
  const family = await freshSession(api, user.id, expiresAt);
  const em = api.em();
  em.create(RefreshTokenSchema, { user, tokenHash: sha256Hex(token), family, expiresAt, revokedAt: null });
  await em.flush();
  return token;
}

export async function buildAttackWorld(api: ApiHarness): Promise<AttackWorld> {
  const em = api.em();
  const agencies = {} as Record<Relation, Agency>;
  const users = {} as Record<CallerKey, User>;
  const tokens = {} as Record<CallerKey, string>;
  for (const relation of RELATIONS) {
    agencies[relation] = await createAgency(em, { country: COUNTRY[relation], name: `${relation} agency` });
    for (const role of CALLER_ROLES) {
      const user = await createUser(em, agencies[relation], {
        roles: ROLES_OF[role],
        platformAdmin: role === 'platformAdmin',
      });
      users[`${relation}:${role}`] = user;
      tokens[`${relation}:${role}`] = await accessTokenOf(api, user);
    }
  }
  const superUser = await createUser(em, agencies.own, {
    roles: ['OFFICER', 'SUPERVISOR', 'AUDITOR', 'ADMIN'],
    platformAdmin: true,
  });
  const spare = await createUser(em, agencies.own, { roles: ['OFFICER'] });
  const http = httpAs(api);
  const officer = tokens['own:officer'];

  const file = async (title: string) =>
    (
      await http('post', '/v1/requests', officer, {
        kind: 'mla',
        requestedAgencyId: agencies.counterpart.id,
        legalBasis: 'untoc',
        title,
        content: COMPLETE_MLA_CONTENT,
      })
    ).id as string;
  const transmit = async (id: string) => {
    await http('post', `/v1/requests/${id}/transitions`, officer, { event: 'submit' });
    await http('post', `/v1/requests/${id}/transitions`, tokens['own:supervisor'], { event: 'approve' });
  };

  const requestId = await file('Attack matrix request');
  const addPerson = async () =>
    (
      await http('post', `/v1/requests/${requestId}/persons`, officer, {
        role: 'witness',
        identity: { names: ['A Witness'] },
      })
    ).id as string;
  const personId = await addPerson();
  const purgePersonId = await addPerson();
  const attachment = await api
    .http()
    .post(`/v1/requests/${requestId}/attachments`)
    .auth(officer, { type: 'bearer' })
    .attach('file', Buffer.from('letter of request'), { filename: 'letter.txt', contentType: 'text/plain' })
    .expect(201);
  await transmit(requestId);
  const acknowledged = await http('post', `/v1/requests/${requestId}/transitions`, tokens['counterpart:officer'], {
    event: 'acknowledge',
  });
  const otherRequestId = await file('Attack matrix other request');
  await transmit(otherRequestId);

  const request = await api.em().findOneOrFail(RequestSchema, requestId);
  const members = CALLER_ROLES.map((role) => ({ user: users[`taskForce:${role}`] }));
  const taskForce = await createTaskForce(api.em(), await withAgency(api, users['own:supervisor']), {
    members,
    requests: [request],
  });

  // an entry every auditor of the request reads: the counterpart's from the transmission on, not the internal phase
  const [auditEntry] = await api
    .em()
    .getConnection()
    .execute<{ id: string }[]>(
      `select id from audit_event where stream = ? and action = 'request.transition' and data ->> 'event' = 'acknowledge'`,
      [`request:${requestId}`],
    );
  const inbox = api.em();
  const inboxItem = inbox.create(InboxItemSchema, {
    recipient: users['own:officer'],
    kind: 'request.transmitted',
    title: 'A request arrived',
    body: 'Attack matrix notice',
    link: null,
    dedupKey: `attack-${uuidv7()}`,
    readAt: null,
  });
  await inbox.flush();
  const webhook = await http('post', '/v1/webhooks', tokens['own:admin'], { url: 'https://partner.example/hooks' });
  const deliveries = api.em();
  const delivery = deliveries.create(WebhookDeliverySchema, {
    endpoint: webhook.id as string,
    eventId: uuidv7(),
    eventType: 'request.transmitted',
    occurredAt: new Date(),
    body: { reference: 'MLA-2026-000001' },
    status: 'failed',
    attempts: [],
    deliveredAt: null,
  });
  await deliveries.flush();

  return {
    agencies,
    users,
    tokens,
    superToken: await accessTokenOf(api, superUser),
    requestId,
    reference: request.reference,
    state: acknowledged.state as string,
    otherRequestId,
    personId,
    purgePersonId,
    attachmentId: attachment.body.id,
    taskForceId: taskForce.id,
    auditEntryId: (auditEntry as { id: string }).id,
    inboxItemId: inboxItem.id,
    webhookId: webhook.id as string,
    deliveryId: delivery.id,
    spareUserId: spare.id,
  };
}

/** A request between own and counterpart in the world's request state, for routes that consume one per call. */
export async function freshRequest(api: ApiHarness, world: AttackWorld, options: { linked: boolean }) {
  const em = api.em();
  const request = await createRequest(em, {
    requesting: world.agencies.own,
    requested: world.agencies.counterpart,
    createdBy: world.users['own:officer'],
    state: world.state,
  });
  if (options.linked) {
    em.create(TaskForceRequestSchema, {
      id: uuidv7(),
      taskForce: world.taskForceId,
      request,
      linkedBy: world.users['own:supervisor'],
      createdAt: new Date(),
    });
    await em.flush();
  }
  return request.id;
}

/** A SUPERVISOR grant for a new own-agency officer, proposed by an ADMIN who is none of the callers. */
export async function freshRoleGrant(api: ApiHarness, world: AttackWorld): Promise<string> {
  const em = api.em();
  const grantee = await createUser(em, world.agencies.own, { roles: ['OFFICER'] });
  const proposer = await createUser(em, world.agencies.own, { roles: ['ADMIN'] });
  const grant = em.create(RoleGrantSchema, {
    user: grantee,
    agency: world.agencies.own,
    grant: 'SUPERVISOR',
    proposedBy: proposer,
  });
  await em.flush();
  return grant.id;
}

/** A new user of the task-force agency, a member of the task force or not. */
export async function freshTaskForceUser(api: ApiHarness, world: AttackWorld, options: { member: boolean }) {
  const em = api.em();
  const user = await createUser(em, world.agencies.taskForce, { roles: ['OFFICER'] });
  if (options.member) {
    em.create(TaskForceMemberSchema, {
      id: uuidv7(),
      taskForce: world.taskForceId,
      user,
      readOnly: false,
      createdAt: new Date(),
    });
    await em.flush();
  }
  return user.id;
}

async function withAgency(api: ApiHarness, user: User): Promise<User> {
  return api.em().findOneOrFail(UserSchema, user.id, { populate: ['agency'] });
}

type Method = 'post' | 'patch' | 'get';

function httpAs(api: ApiHarness) {
  return async (method: Method, path: string, token: string, body?: object): Promise<Record<string, unknown>> => {
    const response = await api.http()[method](path).auth(token, { type: 'bearer' }).send(body);
    if (response.status >= 300) {
      throw new Error(`${method.toUpperCase()} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body as Record<string, unknown>;
  };
}
