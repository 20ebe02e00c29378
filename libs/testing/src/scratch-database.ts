import { Redis } from 'ioredis';
import {
  APP_DATABASE_ROLE,
  createDatabaseSql,
  dropDatabaseSql,
  enableLoginSql,
  identifier,
  migrateDatabase,
  sql,
  WORKER_DATABASE_ROLE,
} from '@liaison/data';
import { ownerDatabaseUrl, withAdminClient } from './test-servers';

/**
 * A fresh database for a benchmark: created, migrated as the owner, and the application role allowed to log in
 * (as the jest global set-up does), and the worker's role too. Returns the owner's URL; `asApplicationRole` gives the apps' one.
 */
export async function createScratchDatabase(name: string): Promise<string> {
  await withAdminClient((client) => client.query(createDatabaseSql(name).inline()));
  const url = ownerDatabaseUrl(name);
  await migrateDatabase(url);
  // With a password only when the server asks for one (as asApplicationRole).
  const password = new URL(url).password
    ? (process.env['TEST_DATABASE_APP_PASSWORD'] ?? 'liaison-app-test')
    : undefined;
  for (const role of [APP_DATABASE_ROLE, WORKER_DATABASE_ROLE]) {
    const login = password === undefined ? sql`alter role ${identifier(role)} login` : enableLoginSql(role, password);
    await withAdminClient((client) => client.query(login.inline()));
  }
  return url;
}

export async function dropScratchDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withAdminClient((client) => client.query(dropDatabaseSql(name).inline()));
}

/** Deletes every Redis key under a prefix (a benchmark's queues). */
export async function dropRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
