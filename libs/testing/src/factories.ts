import { EntityManager } from '@mikro-orm/postgresql';
import * as argon2 from 'argon2';
import { uuidv7 } from 'uuidv7';
import {
  AgencySchema,
  RequestSchema,
  TaskForceMemberSchema,
  TaskForceRequestSchema,
  TaskForceSchema,
  UserSchema,
  type Agency,
  type Request,
  type StoredTimer,
  type TaskForce,
  type User,
} from '@liaison/data';
import { MasterKeyring } from '@liaison/platform';
import { RequestVault } from '@liaison/requests';
import {
  formatReference,
  type AgencyType,
  type HandlingCode,
  type RequestContent,
  type RequestKind,
  type Role,
} from '@liaison/domain';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

let sequence = 0;
const hashes = new Map<string, Promise<string>>();

/** argon2 is slow on purpose; tests reuse one hash per password. */
function hashOf(password: string): Promise<string> {
  if (!hashes.has(password)) hashes.set(password, argon2.hash(password));
  return hashes.get(password) as Promise<string>;
}

export async function createAgency(
  em: EntityManager,
  overrides: Partial<{ name: string; country: string; type: AgencyType; centralAuthority: boolean }> = {},
): Promise<Agency> {
  sequence += 1;
  const agency = em.create(AgencySchema, {
    name: overrides.name ?? `Test Agency ${sequence}`,
    country: overrides.country ?? 'NP',
    type: overrides.type ?? 'POLICE',
    centralAuthority: overrides.centralAuthority ?? false,
    acceptedLanguages: ['en'],
  });
  await em.flush();
  return agency;
}

export async function createUser(
  em: EntityManager,
  agency: Agency,
  options: {
    roles: Role[];
    email?: string;
    password?: string;
    platformAdmin?: boolean;
    active?: boolean;
    /** The suites sign in with a password alone (SECOND_FACTOR_EXEMPTIONS=1); false for the second factor's own. */
    secondFactorExempt?: boolean;
  },
): Promise<User> {
  sequence += 1;
  const user = em.create(UserSchema, {
    agency,
    email: options.email ?? `user${sequence}.${options.roles.join('-').toLowerCase()}@test.example`,
    displayName: `Test User ${sequence}`,
    passwordHash: await hashOf(options.password ?? TEST_PASSWORD),
    roles: options.roles,
    platformAdmin: options.platformAdmin ?? false,
    active: options.active ?? true,
    secondFactorExempt: options.secondFactorExempt ?? true,
  });
  await em.flush();
  return user;
}

export interface RequestOptions {
  requesting: Agency;
  requested: Agency;
  createdBy: User;
  kind?: RequestKind;
  state?: string;
  handlingCode?: HandlingCode;
  handlingRestriction?: string;
  title?: string;
  legalBasis?: string;
  content?: RequestContent;
  timers?: StoredTimer[];
  overdue?: boolean;
  createdAt?: Date;
  lastActivityAt?: Date;
}

/**
 * Inserts a request row as it would be in the given state, without the workflow (for access, search and board
 * tests). References are `<KIND>-<year>-9xxxxx`, away from the ones the reference counter hands out.
 */
export async function createRequest(em: EntityManager, options: RequestOptions): Promise<Request> {
  sequence += 1;
  const kind = options.kind ?? 'mla';
  const createdAt = options.createdAt ?? new Date();
  const request = em.create(RequestSchema, {
    id: uuidv7(),
    reference: formatReference(kind, createdAt.getUTCFullYear(), 900_000 + (sequence % 100_000)),
    kind,
    requestingAgency: options.requesting,
    requestedAgency: options.requested,
    createdBy: options.createdBy,
    legalBasis: options.legalBasis ?? 'untoc',
    handlingCode: options.handlingCode ?? 'H0',
    handlingRestriction: options.handlingRestriction ?? null,
    title: options.title ?? `Test request ${sequence}`,
    content: options.content ?? {},
    state: options.state ?? 'draft',
    timers: options.timers ?? [],
    overdue: options.overdue ?? false,
    createdAt,
    updatedAt: createdAt,
    lastActivityAt: options.lastActivityAt ?? createdAt,
  });
  sealRequest(em, request);
  await em.flush();
  return request;
}

/**
 * Gives a request made by a test its data key and seals its content, as the drafts service does, under the test
 * run's master key (LIAISON_MASTER_KEY, set by the jest global set-up). The caller flushes.
 */
export function sealRequest(em: EntityManager, request: Request): void {
  testVault().ensureKey(em, request);
}

/** The same for rows inserted in bulk: the request's sealed content, and the row of its key. */
export function sealedRequestColumns(requestId: string, content: RequestContent) {
  const { sealedContent, wrappedDataKey, masterKeyId } = testVault().sealedColumns(requestId, content);
  return { sealedContent, key: { request: requestId, wrappedDataKey, masterKeyId, createdAt: new Date() } };
}

const testVault = () =>
  new RequestVault(new MasterKeyring(Buffer.from(process.env['LIAISON_MASTER_KEY'] ?? '', 'base64')));

/** A task force led by the creator's agency, with the creator and the given users as members. */
export async function createTaskForce(
  em: EntityManager,
  creator: User,
  options: { name?: string; members?: { user: User; readOnly?: boolean }[]; requests?: Request[] } = {},
): Promise<TaskForce> {
  sequence += 1;
  const taskForce = em.create(TaskForceSchema, {
    name: options.name ?? `Test task force ${sequence}`,
    leadAgency: creator.agency,
    createdBy: creator,
  });
  const now = new Date();
  for (const { user, readOnly } of [{ user: creator }, ...(options.members ?? [])]) {
    em.create(TaskForceMemberSchema, { id: uuidv7(), taskForce, user, readOnly: readOnly ?? false, createdAt: now });
  }
  for (const request of options.requests ?? []) {
    em.create(TaskForceRequestSchema, { id: uuidv7(), taskForce, request, linkedBy: creator, createdAt: now });
  }
  await em.flush();
  return taskForce;
}
