import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from 'uuidv7';
import { ormConfig, RequestKeySchema, RequestSchema } from '@liaison/data';
import { createAgency, createUser, sealedRequestColumns } from '@liaison/testing';
import { COMPLETE_MLA_CONTENT } from '../../e2e/support/mla-draft';
import { login } from './http-client';

export type Party =
  | 'indiaOfficer'
  | 'indiaSupervisor'
  | 'indiaAdmin'
  | 'nepalOfficer'
  | 'nepalSupervisor'
  | 'nepalAdmin'
  | 'platformAdmin';

/** India asks Nepal: one user per role on each side, and a platform admin (who reads the whole trail). */
export interface Parties {
  indiaId: string;
  nepalId: string;
  users: Record<Party, { id: string; email: string }>;
}

/** The ORM on the test's database, as the owner, for arranging rows and checking them afterwards. */
export async function withOrm<T>(ownerUrl: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const orm = await MikroORM.init(ormConfig(ownerUrl, { pool: { min: 0, max: 2 } }));
  try {
    return await work(orm.em.fork());
  } finally {
    await orm.close(true);
  }
}

export async function createParties(em: EntityManager): Promise<Parties> {
  const india = await createAgency(em, { name: `CBI ${uuidv7()}`, country: 'IN' });
  const nepal = await createAgency(em, { name: `Nepal Police ${uuidv7()}`, country: 'NP' });
  const users = {
    indiaOfficer: await createUser(em, india, { roles: ['OFFICER'] }),
    indiaSupervisor: await createUser(em, india, { roles: ['SUPERVISOR'] }),
    indiaAdmin: await createUser(em, india, { roles: ['ADMIN'] }),
    nepalOfficer: await createUser(em, nepal, { roles: ['OFFICER'] }),
    nepalSupervisor: await createUser(em, nepal, { roles: ['SUPERVISOR'] }),
    nepalAdmin: await createUser(em, nepal, { roles: ['ADMIN'] }),
    platformAdmin: await createUser(em, india, { roles: ['ADMIN'], platformAdmin: true }),
  };
  const summary = Object.fromEntries(
    Object.entries(users).map(([party, user]) => [party, { id: user.id, email: user.email }]),
  ) as Parties['users'];
  return { indiaId: india.id, nepalId: nepal.id, users: summary };
}

export async function loginAll(baseUrl: string, parties: Parties): Promise<Record<Party, string>> {
  const tokens = {} as Record<Party, string>;
  for (const [party, user] of Object.entries(parties.users)) tokens[party as Party] = await login(baseUrl, user.email);
  return tokens;
}

let references = 100_000;

/**
 * Complete MLA requests from India to Nepal in the given state, inserted in bulk (the requests API is tested on its
 * own): `under_review` waits for India's supervisor to approve it.
 */
export async function insertRequests(
  em: EntityManager,
  parties: Parties,
  count: number,
  fields: { state: string; timers?: object[] } = { state: 'under_review' },
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 1000) {
    const now = new Date();
    const keys: ReturnType<typeof sealedRequestColumns>['key'][] = [];
    const rows = Array.from({ length: Math.min(1000, count - start) }, () => {
      references += 1;
      const id = uuidv7();
      const sealed = sealedRequestColumns(id, COMPLETE_MLA_CONTENT);
      keys.push(sealed.key);
      return {
        id,
        createdAt: now,
        updatedAt: now,
        reference: `MLA-2026-${references}`,
        kind: 'mla' as const,
        requestingAgency: parties.indiaId,
        requestedAgency: parties.nepalId,
        createdBy: parties.users.indiaOfficer.id,
        legalBasis: 'untoc',
        title: `Bank records, case ${references}`,
        sealedContent: sealed.sealedContent,
        state: fields.state,
        timers: (fields.timers ?? []) as never,
        lastActivityAt: now,
      };
    });
    await em.insertMany(RequestSchema, rows);
    await em.insertMany(RequestKeySchema, keys);
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}
