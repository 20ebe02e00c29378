import { randomBytes } from 'node:crypto';
import type { ApiHarness } from '../e2e/support/api-harness';
import {
  freshRequest,
  freshRoleGrant,
  freshTaskForceUser,
  freshRefreshToken,
  freshSession,
  nextClientAddress,
  type AttackWorld,
  type CallerRole,
  type Relation,
} from './support/attack-world';

/**
 * Who may call what: every operation of the OpenAPI document × caller role × how the caller's agency stands to
 * the resource (see RELATIONS in support/attack-world.ts). `allowed` means past access control: the answer is
 * neither 401, 403 nor 404 (the rules may still refuse with 409 or 422). A route in the document without an
 * entry here fails access-matrix.attack-spec.ts, and so does an entry for a route that is gone.
 */
export type Outcome = 'allowed' | 401 | 403 | 404;
export type Row = Record<Relation, Outcome>;
/** Per role: one outcome whatever the caller's agency (routes about no agency's resource), or one per relation. */
export type Expectation = Record<CallerRole, Outcome | Row>;

export interface Fixture {
  api: ApiHarness;
  world: AttackWorld;
  role: CallerRole | 'anonymous';
}

export interface RouteRule {
  expect: Expectation;
  /** Reachable without a token (the document must say so too); signed-out callers get 401 everywhere else. */
  public?: true;
  /** Path values besides the defaults of {@link defaultPathValues}; may create a fresh resource per call. */
  params?: (fixture: Fixture) => Record<string, string> | Promise<Record<string, string>>;
  body?: (fixture: Fixture) => unknown;
  headers?: () => Record<string, string>;
  /** Sends a small text file as multipart/form-data instead of a JSON body. */
  upload?: true;
}

const A = 'allowed';

/** The same outcome whatever the relation. */
const anywhere = (outcome: Outcome): Row => ({
  own: outcome,
  counterpart: outcome,
  taskForce: outcome,
  foreign: outcome,
});

/** Routes about no agency's resource, open to every signed-in user. */
const EVERYONE: Expectation = { officer: A, supervisor: A, auditor: A, admin: A, platformAdmin: A };

const PUBLIC: Expectation = EVERYONE;

/** Reading a request and what hangs off it: its two agencies and the task-force members; a stranger gets 404. */
const REQUEST_READ: Expectation = {
  officer: { own: A, counterpart: A, taskForce: A, foreign: 404 },
  supervisor: { own: A, counterpart: A, taskForce: A, foreign: 404 },
  auditor: { own: A, counterpart: A, taskForce: A, foreign: 404 },
  admin: { own: A, counterpart: A, taskForce: A, foreign: 404 },
  platformAdmin: { own: A, counterpart: A, taskForce: A, foreign: 404 },
};

/** Notes, attachments, links, transitions: officers and supervisors of either party; readers get 403. */
const PARTY_WRITE: Expectation = {
  officer: { own: A, counterpart: A, taskForce: 403, foreign: 404 },
  supervisor: { own: A, counterpart: A, taskForce: 403, foreign: 404 },
  auditor: { own: 403, counterpart: 403, taskForce: 403, foreign: 404 },
  admin: { own: 403, counterpart: 403, taskForce: 403, foreign: 404 },
  platformAdmin: { own: 403, counterpart: 403, taskForce: 403, foreign: 404 },
};

/** The draft and its persons: the requesting side's officers and supervisors alone. */
const REQUESTING_WRITE: Expectation = {
  officer: { own: A, counterpart: 403, taskForce: 403, foreign: 404 },
  supervisor: { own: A, counterpart: 403, taskForce: 403, foreign: 404 },
  auditor: { own: 403, counterpart: 403, taskForce: 403, foreign: 404 },
  admin: { own: 403, counterpart: 403, taskForce: 403, foreign: 404 },
  platformAdmin: { own: 403, counterpart: 403, taskForce: 403, foreign: 404 },
};

/** Purging a person's identity: a supervisor of either party. */
const PARTY_SUPERVISOR: Expectation = {
  officer: { own: 403, counterpart: 403, taskForce: 403, foreign: 404 },
  supervisor: { own: A, counterpart: A, taskForce: 403, foreign: 404 },
  auditor: { own: 403, counterpart: 403, taskForce: 403, foreign: 404 },
  admin: { own: 403, counterpart: 403, taskForce: 403, foreign: 404 },
  platformAdmin: { own: 403, counterpart: 403, taskForce: 403, foreign: 404 },
};

/**
 * A request's audit stream: auditors of the agencies that see the request; platform admins (oversight) see
 * every stream. Other roles are refused for their role, the same answer whether the request exists or not.
 */
const AUDIT_STREAM: Expectation = {
  officer: anywhere(403),
  supervisor: anywhere(403),
  auditor: { own: A, counterpart: A, taskForce: A, foreign: 404 },
  admin: anywhere(403),
  platformAdmin: anywhere(A),
};

/**
 * One request's trail: as {@link AUDIT_STREAM} for auditors; other roles are refused for their role where the request
 * is theirs to know of, and get 404 for a request they may not see, as on every other route of a request.
 */
const REQUEST_TRAIL: Expectation = {
  officer: { own: 403, counterpart: 403, taskForce: 403, foreign: 404 },
  supervisor: { own: 403, counterpart: 403, taskForce: 403, foreign: 404 },
  auditor: AUDIT_STREAM.auditor,
  admin: { own: 403, counterpart: 403, taskForce: 403, foreign: 404 },
  platformAdmin: anywhere(A),
};

const AUDITORS: Expectation = { officer: 403, supervisor: 403, auditor: A, admin: 403, platformAdmin: A };

/** The agency directory: every signed-in user reads every agency; only platform admins add one. */
const DIRECTORY: Expectation = EVERYONE;
const PLATFORM_ADMINS: Expectation = { officer: 403, supervisor: 403, auditor: 403, admin: 403, platformAdmin: A };

/**
 * An agency's users: its ADMINs; other agencies get 404, platform admins too (the world's are ADMINs of their own
 * agency), the agency's other roles 403.
 */
const USER_ADMINISTRATION: Expectation = {
  officer: { own: 403, counterpart: 404, taskForce: 404, foreign: 404 },
  supervisor: { own: 403, counterpart: 404, taskForce: 404, foreign: 404 },
  auditor: { own: 403, counterpart: 404, taskForce: 404, foreign: 404 },
  admin: { own: A, counterpart: 404, taskForce: 404, foreign: 404 },
  platformAdmin: { own: A, counterpart: 404, taskForce: 404, foreign: 404 },
};

/** Creating a user: as above, but a platform admin knows the agency and is told it creates only a first ADMIN. */
const USER_CREATION: Expectation = {
  ...USER_ADMINISTRATION,
  platformAdmin: { own: A, counterpart: 403, taskForce: 403, foreign: 403 },
};

/** Pending role grants: administrators (their agency's roles) and platform admins (the flag). */
const GRANT_DECIDERS: Expectation = { officer: 403, supervisor: 403, auditor: 403, admin: A, platformAdmin: A };

/** Deciding a role grant of the own agency, proposed by another ADMIN: its ADMINs; anyone else finds no such grant. */
const ROLE_GRANT_DECISION: Expectation = {
  officer: anywhere(404),
  supervisor: anywhere(404),
  auditor: anywhere(404),
  admin: { own: A, counterpart: 404, taskForce: 404, foreign: 404 },
  platformAdmin: { own: A, counterpart: 404, taskForce: 404, foreign: 404 },
};

const SUPERVISORS: Expectation = { officer: 403, supervisor: A, auditor: 403, admin: 403, platformAdmin: 403 };
const FILERS: Expectation = { officer: A, supervisor: A, auditor: 403, admin: 403, platformAdmin: 403 };
const STATISTICS_READERS: Expectation = { officer: 403, supervisor: A, auditor: A, admin: 403, platformAdmin: A };

/** A task force: its members (taskForce) and every user of the lead agency (own); anyone else 404. */
const TASK_FORCE_READ: Expectation = {
  officer: { own: A, counterpart: 404, taskForce: A, foreign: 404 },
  supervisor: { own: A, counterpart: 404, taskForce: A, foreign: 404 },
  auditor: { own: A, counterpart: 404, taskForce: A, foreign: 404 },
  admin: { own: A, counterpart: 404, taskForce: A, foreign: 404 },
  platformAdmin: { own: A, counterpart: 404, taskForce: A, foreign: 404 },
};

/** Membership: a supervisor of the lead agency; members and the lead agency's others see it but get 403. */
const TASK_FORCE_MEMBERSHIP: Expectation = {
  officer: { own: 403, counterpart: 404, taskForce: 403, foreign: 404 },
  supervisor: { own: A, counterpart: 404, taskForce: 403, foreign: 404 },
  auditor: { own: 403, counterpart: 404, taskForce: 403, foreign: 404 },
  admin: { own: 403, counterpart: 404, taskForce: 403, foreign: 404 },
  platformAdmin: { own: 403, counterpart: 404, taskForce: 403, foreign: 404 },
};

/**
 * Linking a fresh request (own → counterpart) to the task force: a party's supervisor who is a writing member
 * (the own supervisor created it). The counterpart does not see the task force, its members not the request: 404.
 */
const TASK_FORCE_LINK: Expectation = {
  officer: { own: 403, counterpart: 404, taskForce: 404, foreign: 404 },
  supervisor: { own: A, counterpart: 404, taskForce: 404, foreign: 404 },
  auditor: { own: 403, counterpart: 404, taskForce: 404, foreign: 404 },
  admin: { own: 403, counterpart: 404, taskForce: 404, foreign: 404 },
  platformAdmin: { own: 403, counterpart: 404, taskForce: 404, foreign: 404 },
};

/** Unlinking a linked request: members now see it through the task force, but are no party to it: 403. */
const TASK_FORCE_UNLINK: Expectation = {
  officer: { own: 403, counterpart: 404, taskForce: 403, foreign: 404 },
  supervisor: { own: A, counterpart: 404, taskForce: 403, foreign: 404 },
  auditor: { own: 403, counterpart: 404, taskForce: 403, foreign: 404 },
  admin: { own: 403, counterpart: 404, taskForce: 403, foreign: 404 },
  platformAdmin: { own: 403, counterpart: 404, taskForce: 403, foreign: 404 },
};

/** An entry of the own officer's inbox: theirs alone; everyone else, colleagues included, gets 404. */
const INBOX_OWNER: Expectation = {
  officer: { own: A, counterpart: 404, taskForce: 404, foreign: 404 },
  supervisor: anywhere(404),
  auditor: anywhere(404),
  admin: anywhere(404),
  platformAdmin: anywhere(404),
};

/** Webhook endpoints: ADMINs (platform admins are ADMINs too) of the owning agency; 403 for the other roles. */
const WEBHOOK_ADMINS: Expectation = { officer: 403, supervisor: 403, auditor: 403, admin: A, platformAdmin: A };
const WEBHOOK_ENDPOINT: Expectation = {
  officer: anywhere(403),
  supervisor: anywhere(403),
  auditor: anywhere(403),
  admin: { own: A, counterpart: 404, taskForce: 404, foreign: 404 },
  platformAdmin: { own: A, counterpart: 404, taskForce: 404, foreign: 404 },
};

const unknownLinkToken = () => randomBytes(32).toString('base64url');
/** An agency's identity provider: its own ADMINs alone (a platform admin only for their own agency); others 404. */
const SSO_ADMINISTRATION: Expectation = {
  officer: { own: 403, counterpart: 404, taskForce: 404, foreign: 404 },
  supervisor: { own: 403, counterpart: 404, taskForce: 404, foreign: 404 },
  auditor: { own: 403, counterpart: 404, taskForce: 404, foreign: 404 },
  admin: { own: A, counterpart: 404, taskForce: 404, foreign: 404 },
  platformAdmin: { own: A, counterpart: 404, taskForce: 404, foreign: 404 },
};

const freshTokens = async ({ api, world }: Fixture) => ({
  refreshToken: await freshRefreshToken(api, world.users['own:officer']),
});

export const ACCESS_MATRIX: Record<string, RouteRule> = {
  'GET /health': { public: true, expect: PUBLIC },
  // without the password: a 400 shows the route is open without a token, at no argon2 cost (sign-in itself:
  // token-tampering and limits suites)
  'POST /v1/auth/login': {
    public: true,
    expect: PUBLIC,
    headers: () => ({ 'X-Forwarded-For': nextClientAddress() }),
    body: ({ world }) => ({ email: world.users['own:officer'].email }),
  },
  'POST /v1/auth/refresh': { public: true, expect: PUBLIC, body: freshTokens },
  'POST /v1/auth/logout': { public: true, expect: PUBLIC, body: freshTokens },
  // the second step of a sign-in: a 400 for the missing challenge shows the route is open without a token
  'POST /v1/auth/second-factor': { public: true, expect: PUBLIC, body: () => ({}) },
  'POST /v1/auth/second-factor/passkey/options': { public: true, expect: PUBLIC, body: () => ({}) },
  'POST /v1/auth/second-factor/passkey': { public: true, expect: PUBLIC, body: () => ({}) },
  'POST /v1/auth/enrolment/totp': { public: true, expect: PUBLIC, body: () => ({}) },
  'POST /v1/auth/enrolment/totp/confirm': { public: true, expect: PUBLIC, body: () => ({}) },
  // without a code: a 400 past the guards
  'POST /v1/auth/step-up': { expect: EVERYONE, body: () => ({}) },
  'POST /v1/auth/step-up/passkey': { expect: EVERYONE, body: () => ({}) },
  // the matrix's tokens name no stored session: 401 for everyone (a signed-in caller with a session gets options)
  'POST /v1/auth/step-up/passkey/options': {
    expect: { officer: 401, supervisor: 401, auditor: 401, admin: 401, platformAdmin: 401 },
  },
  'GET /v1/me': { expect: EVERYONE },
  // a wrong current password: allowed callers get 400, never a change
  'POST /v1/me/password': {
    expect: EVERYONE,
    headers: () => ({ 'X-Forwarded-For': nextClientAddress() }),
    body: () => ({ currentPassword: 'not the current password', newPassword: 'a new and long passphrase' }),
  },
  // links nobody was sent: 410 for everyone, signed in or not; a reset answers 202 whether the address exists or not
  'POST /v1/auth/password-links/inspect': {
    public: true,
    expect: PUBLIC,
    headers: () => ({ 'X-Forwarded-For': nextClientAddress() }),
    body: () => ({ token: unknownLinkToken() }),
  },
  'POST /v1/auth/password-links/redeem': {
    public: true,
    expect: PUBLIC,
    headers: () => ({ 'X-Forwarded-For': nextClientAddress() }),
    body: () => ({ token: unknownLinkToken(), password: 'a new and long passphrase' }),
  },
  'POST /v1/auth/password-resets': {
    public: true,
    expect: PUBLIC,
    headers: () => ({ 'X-Forwarded-For': nextClientAddress() }),
    body: () => ({ email: `nobody.${nextClientAddress()}@matrix.example` }),
  },
  // single sign-on: the browser routes always redirect (here: the agency has no provider, back to the console)
  'GET /v1/auth/sso/agencies': { public: true, expect: PUBLIC },
  'GET /v1/auth/sso/{agencyId}/start': { public: true, expect: PUBLIC },
  'GET /v1/auth/sso/{agencyId}/callback': { public: true, expect: PUBLIC },
  // a malformed code: the 400 shows the route is open without a token
  'POST /v1/auth/sso/exchange': { public: true, expect: PUBLIC, body: () => ({ code: 'not-a-code' }) },
  'GET /v1/me/second-factor': { expect: EVERYONE },
  'GET /v1/me/sessions': { expect: EVERYONE },
  'GET /v1/me/passkeys': { expect: EVERYONE },
  'POST /v1/me/passkeys/registration': { expect: EVERYONE },
  // without a response: a 400 past the guards
  'POST /v1/me/passkeys': { expect: EVERYONE, body: () => ({}) },
  // another user's passkey, or none: 404
  'DELETE /v1/me/passkeys/{passkeyId}': {
    expect: { officer: 404, supervisor: 404, auditor: 404, admin: 404, platformAdmin: 404 },
  },
  // a session of another user: nobody else's to end
  'DELETE /v1/me/sessions/{sessionId}': {
    expect: { officer: 404, supervisor: 404, auditor: 404, admin: 404, platformAdmin: 404 },
    params: async ({ api, world }) => ({ sessionId: await freshSession(api, world.spareUserId) }),
  },
  // the matrix's accounts are exempt and have no second factor: 409
  'POST /v1/me/second-factor/recovery-codes': { expect: EVERYONE },
  'GET /v1/me/work': { expect: EVERYONE },

  'GET /v1/agencies': { expect: DIRECTORY },
  'POST /v1/agencies': {
    expect: PLATFORM_ADMINS,
    body: () => ({ name: `Matrix agency ${nextClientAddress()}`, country: 'LA', type: 'POLICE' }),
  },
  'GET /v1/agencies/{agencyId}': { expect: DIRECTORY },
  'GET /v1/agencies/{agencyId}/users': { expect: USER_ADMINISTRATION },
  'POST /v1/agencies/{agencyId}/users': {
    expect: USER_CREATION,
    body: () => ({
      email: `matrix.${nextClientAddress()}@in.example`,
      displayName: 'Matrix user',
      roles: ['OFFICER'],
    }),
  },
  'GET /v1/agencies/{agencyId}/users/{userId}': { expect: USER_ADMINISTRATION },
  'POST /v1/agencies/{agencyId}/users/{userId}/password-reset': { expect: USER_ADMINISTRATION },
  'GET /v1/agencies/{agencyId}/sso': { expect: SSO_ADMINISTRATION },
  // an issuer nothing answers at: past access control, the save is refused with 422 without waiting
  'PUT /v1/agencies/{agencyId}/sso': {
    expect: SSO_ADMINISTRATION,
    body: () => ({ issuer: 'https://127.0.0.1:1/matrix', clientId: 'matrix', clientSecret: 'matrix-secret' }),
  },
  'PATCH /v1/agencies/{agencyId}/users/{userId}': {
    expect: USER_ADMINISTRATION,
    body: () => ({ displayName: 'Renamed by the matrix' }),
  },
  'POST /v1/agencies/{agencyId}/users/{userId}/second-factor/reset': { expect: USER_ADMINISTRATION },
  'POST /v1/agencies/{agencyId}/users/{userId}/sessions/end': { expect: USER_ADMINISTRATION },

  'GET /v1/role-grants': { expect: GRANT_DECIDERS },
  'POST /v1/role-grants/{grantId}/confirm': {
    expect: ROLE_GRANT_DECISION,
    params: async ({ api, world }) => ({ grantId: await freshRoleGrant(api, world) }),
  },
  'POST /v1/role-grants/{grantId}/refuse': {
    expect: ROLE_GRANT_DECISION,
    params: async ({ api, world }) => ({ grantId: await freshRoleGrant(api, world) }),
  },

  'POST /v1/task-forces': { expect: SUPERVISORS, body: () => ({ name: 'Matrix task force' }) },
  'GET /v1/task-forces': { expect: EVERYONE },
  'GET /v1/task-forces/{taskForceId}': { expect: TASK_FORCE_READ },
  'GET /v1/task-forces/{taskForceId}/board': { expect: TASK_FORCE_READ },
  'POST /v1/task-forces/{taskForceId}/members': {
    expect: TASK_FORCE_MEMBERSHIP,
    body: async ({ api, world }) => ({ userId: await freshTaskForceUser(api, world, { member: false }) }),
  },
  'DELETE /v1/task-forces/{taskForceId}/members/{userId}': {
    expect: TASK_FORCE_MEMBERSHIP,
    params: async ({ api, world }) => ({ userId: await freshTaskForceUser(api, world, { member: true }) }),
  },
  'POST /v1/task-forces/{taskForceId}/requests': {
    expect: TASK_FORCE_LINK,
    body: async ({ api, world }) => ({ requestId: await freshRequest(api, world, { linked: false }) }),
  },
  'DELETE /v1/task-forces/{taskForceId}/requests/{requestId}': {
    expect: TASK_FORCE_UNLINK,
    params: async ({ api, world }) => ({ requestId: await freshRequest(api, world, { linked: true }) }),
  },

  'POST /v1/requests': {
    expect: FILERS,
    body: ({ world }) => ({
      kind: 'mla',
      requestedAgencyId: world.agencies.counterpart.id,
      legalBasis: 'untoc',
      title: 'Filed by the matrix',
    }),
  },
  'GET /v1/requests': { expect: EVERYONE },
  'GET /v1/requests/{id}': { expect: REQUEST_READ },
  'PATCH /v1/requests/{id}': { expect: REQUESTING_WRITE, body: () => ({ title: 'Changed by the matrix' }) },
  'GET /v1/requests/{id}/history': { expect: REQUEST_READ },
  'GET /v1/requests/{id}/persons': { expect: REQUEST_READ },
  'POST /v1/requests/{id}/persons': {
    expect: REQUESTING_WRITE,
    body: () => ({ role: 'witness', identity: { names: ['Another Witness'] } }),
  },
  'PATCH /v1/requests/{id}/persons/{personId}': { expect: REQUESTING_WRITE, body: () => ({ gender: 'female' }) },
  'DELETE /v1/requests/{id}/persons/{personId}': { expect: REQUESTING_WRITE },
  'POST /v1/persons/{id}/purge': {
    expect: PARTY_SUPERVISOR,
    params: ({ world }) => ({ id: world.purgePersonId }),
    body: () => ({ ground: 'purpose_fulfilled', reason: 'The matrix purges it.' }),
  },
  // a person with no proposed purge: allowed callers get 409, never a purge
  'POST /v1/persons/{id}/purge/confirm': { expect: PARTY_SUPERVISOR, params: ({ world }) => ({ id: world.personId }) },
  'POST /v1/persons/{id}/purge/cancel': { expect: PARTY_SUPERVISOR, params: ({ world }) => ({ id: world.personId }) },
  'POST /v1/requests/{id}/attachments': { expect: PARTY_WRITE, upload: true },
  'GET /v1/requests/{id}/attachments': { expect: REQUEST_READ },
  'GET /v1/requests/{id}/attachments/{attachmentId}/content': { expect: REQUEST_READ },
  'POST /v1/requests/{id}/notes': { expect: PARTY_WRITE, body: () => ({ text: 'A note from the matrix.' }) },
  'GET /v1/requests/{id}/notes': { expect: REQUEST_READ },
  'POST /v1/requests/{id}/links': {
    expect: PARTY_WRITE,
    body: ({ world }) => ({ linkedRequestId: world.otherRequestId, relation: 'related' }),
  },
  'GET /v1/requests/{id}/links': { expect: REQUEST_READ },
  // an event of the workflow that the request's state refuses: allowed callers get 422, never a change
  'POST /v1/requests/{requestId}/transitions': { expect: PARTY_WRITE, body: () => ({ event: 'submit' }) },
  'GET /v1/workflows/{kind}': { expect: EVERYONE },
  'GET /v1/statistics': { expect: STATISTICS_READERS },

  'GET /v1/audit/entries': { expect: AUDITORS },
  'GET /v1/audit/entries/{entryId}/proof': { expect: AUDIT_STREAM },
  'GET /v1/audit/checkpoints': { expect: AUDITORS },
  'GET /v1/audit/public-key': { expect: EVERYONE },
  'POST /v1/audit/verify': { expect: AUDITORS, body: () => ({}) },
  'GET /v1/audit/export': { expect: AUDITORS },
  'GET /v1/requests/{requestId}/trail': { expect: REQUEST_TRAIL },

  'GET /v1/inbox': { expect: EVERYONE },
  'GET /v1/inbox/unread-count': { expect: EVERYONE },
  'POST /v1/inbox/read-all': { expect: EVERYONE },
  'POST /v1/inbox/{id}/read': { expect: INBOX_OWNER, params: ({ world }) => ({ id: world.inboxItemId }) },

  'POST /v1/webhooks': { expect: WEBHOOK_ADMINS, body: () => ({ url: 'https://partner.example/matrix' }) },
  'GET /v1/webhooks': { expect: WEBHOOK_ADMINS },
  'GET /v1/webhooks/{id}': { expect: WEBHOOK_ENDPOINT, params: ({ world }) => ({ id: world.webhookId }) },
  'PATCH /v1/webhooks/{id}': {
    expect: WEBHOOK_ENDPOINT,
    params: ({ world }) => ({ id: world.webhookId }),
    body: () => ({ description: 'Renamed by the matrix' }),
  },
  'DELETE /v1/webhooks/{id}': {
    expect: WEBHOOK_ENDPOINT,
    params: async ({ api, world }) => {
      const response = await api
        .http()
        .post('/v1/webhooks')
        .auth(world.tokens['own:admin'], { type: 'bearer' })
        .send({ url: 'https://partner.example/doomed' });
      return { id: response.body.id };
    },
  },
  'POST /v1/webhooks/{id}/secret/rotate': {
    expect: WEBHOOK_ENDPOINT,
    params: ({ world }) => ({ id: world.webhookId }),
  },
  'GET /v1/webhooks/{id}/deliveries': { expect: WEBHOOK_ENDPOINT, params: ({ world }) => ({ id: world.webhookId }) },
  'POST /v1/webhooks/{id}/deliveries/{deliveryId}/replay': {
    expect: WEBHOOK_ENDPOINT,
    params: ({ world }) => ({ id: world.webhookId }),
  },

  // the read-only queue board's two writes: retry and remove a queue's failed jobs (platform admins, audited)
  'POST /v1/admin/queues/{queue}/failed/retry': { expect: PLATFORM_ADMINS },
  'POST /v1/admin/queues/{queue}/failed/clean': { expect: PLATFORM_ADMINS },
  'POST /v1/admin/queues/session': { expect: PLATFORM_ADMINS },
};

const NO_SUCH_ID = '00000000-0000-7000-8000-000000000000';

/** The world's resource for each path parameter name, unless a rule says otherwise. */
export function defaultPathValues(world: AttackWorld): Record<string, string> {
  return {
    // the caller's own sessions and passkeys: none by this id (a rule makes a real one where it matters)
    sessionId: NO_SUCH_ID,
    passkeyId: NO_SUCH_ID,
    id: world.requestId,
    requestId: world.requestId,
    personId: world.personId,
    attachmentId: world.attachmentId,
    taskForceId: world.taskForceId,
    agencyId: world.agencies.own.id,
    userId: world.spareUserId,
    entryId: world.auditEntryId,
    deliveryId: world.deliveryId,
    // no such grant: the decision routes' rules make a fresh one per call
    grantId: world.spareUserId,
    kind: 'mla',
    queue: 'webhooks',
  };
}

/** The expected outcome of one cell; a single outcome for a role holds under every relation. */
export function expectedOutcome(rule: RouteRule, role: CallerRole | 'anonymous', relation: Relation): Outcome {
  if (role === 'anonymous') return rule.public ? A : 401;
  const cell = rule.expect[role];
  return typeof cell === 'object' ? cell[relation] : cell;
}
