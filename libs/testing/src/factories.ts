import { EntityManager } from '@mikro-orm/postgresql';
import * as argon2 from 'argon2';
import { AgencySchema, UserSchema, type Agency, type User } from '@liaison/data';
import type { AgencyType, Role } from '@liaison/domain';

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
  options: { roles: Role[]; email?: string; password?: string; platformAdmin?: boolean; active?: boolean },
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
  });
  await em.flush();
  return user;
}
