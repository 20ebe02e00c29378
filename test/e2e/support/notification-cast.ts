import { EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from 'uuidv7';
import {
  RequestSchema,
  TaskForceMemberSchema,
  TaskForceRequestSchema,
  TaskForceSchema,
  type Agency,
  type Request,
  type User,
} from '@liaison/data';
import { createAgency, createUser } from '@liaison/testing';
import type { ApiHarness } from './api-harness';
import { createMlaDraft } from './mla-draft';

export type Member =
  | 'indiaOfficer'
  | 'indiaSupervisor'
  | 'indiaAdmin'
  | 'nepalOfficer'
  | 'nepalOfficer2'
  | 'nepalSupervisor'
  | 'nepalAdmin'
  | 'thaiMember'
  | 'platformAdmin';

export interface Cast {
  india: Agency;
  nepal: Agency;
  thailand: Agency;
  users: Record<Member, User>;
  tokens: Record<Member, string>;
  taskForceId: string;
}

/** India asks Nepal; a Thai officer follows through a joint task force. */
export async function createCast(api: ApiHarness): Promise<Cast> {
  const em = api.em();
  const india = await createAgency(em, { name: `CBI ${uuidv7()}`, country: 'IN' });
  const nepal = await createAgency(em, { name: `Nepal Police ${uuidv7()}`, country: 'NP' });
  const thailand = await createAgency(em, { name: `Royal Thai Police ${uuidv7()}`, country: 'TH' });
  const users: Record<Member, User> = {
    indiaOfficer: await createUser(em, india, { roles: ['OFFICER'] }),
    indiaSupervisor: await createUser(em, india, { roles: ['SUPERVISOR'] }),
    indiaAdmin: await createUser(em, india, { roles: ['ADMIN'] }),
    nepalOfficer: await createUser(em, nepal, { roles: ['OFFICER'] }),
    nepalOfficer2: await createUser(em, nepal, { roles: ['OFFICER'] }),
    nepalSupervisor: await createUser(em, nepal, { roles: ['SUPERVISOR'] }),
    nepalAdmin: await createUser(em, nepal, { roles: ['ADMIN'] }),
    thaiMember: await createUser(em, thailand, { roles: ['OFFICER'] }),
    platformAdmin: await createUser(em, india, { roles: ['ADMIN'], platformAdmin: true }),
  };
  const taskForce = em.create(TaskForceSchema, {
    name: 'JTF Raxaul',
    leadAgency: india,
    createdBy: users.indiaSupervisor,
  });
  em.create(TaskForceMemberSchema, {
    id: uuidv7(),
    taskForce,
    user: users.thaiMember,
    readOnly: false,
    createdAt: new Date(),
  });
  await em.flush();
  const tokens = {} as Record<Member, string>;
  for (const [name, user] of Object.entries(users)) tokens[name as Member] = await api.login(user.email);
  return { india, nepal, thailand, users, tokens, taskForceId: taskForce.id };
}

/** An MLA request waiting for the requesting supervisor's approval, optionally followed by the task force. */
export async function createMlaUnderReview(
  em: EntityManager,
  cast: Cast,
  options: { taskForce?: boolean } = {},
): Promise<Request> {
  const draft = await createMlaDraft(em, cast.india, cast.nepal, cast.users.indiaOfficer);
  await em.nativeUpdate(RequestSchema, { id: draft.id }, { state: 'under_review' });
  if (options.taskForce) {
    em.create(TaskForceRequestSchema, {
      id: uuidv7(),
      taskForce: cast.taskForceId,
      request: draft.id,
      linkedBy: cast.users.indiaSupervisor,
      createdAt: new Date(),
    });
    await em.flush();
  }
  return draft;
}

export function transition(api: ApiHarness, token: string, requestId: string, event: string, payload: object = {}) {
  return api
    .http()
    .post(`/v1/requests/${requestId}/transitions`)
    .auth(token, { type: 'bearer' })
    .send({ event, payload });
}
