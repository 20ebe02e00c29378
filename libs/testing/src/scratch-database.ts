import { Redis } from 'ioredis';
import { migrateDatabase, quoteIdentifier } from '@liaison/data';
import { APP_DATABASE_ROLE, ownerDatabaseUrl, withAdminClient, WORKER_DATABASE_ROLE } from './test-servers';

/**
 * A fresh database for a benchmark: created, migrated as the owner, and the application role allowed to log in
 * (as the jest global set-up does), and the worker's role too. Returns the owner's URL; `asApplicationRole` gives the apps' one.
 */
export async function createScratchDatabase(name: string): Promise<string> {
  await withAdminClient((client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
  const url = ownerDatabaseUrl(name);
  await migrateDatabase(url);
  const password = new URL(url).password
    ? ` PASSWORD '${(process.env['TEST_DATABASE_APP_PASSWORD'] ?? 'liaison-app-test').replace(/'/g, "''")}'`
    : '';
  for (const role of [APP_DATABASE_ROLE, WORKER_DATABASE_ROLE]) {
    await withAdminClient((client) => client.query(`ALTER ROLE ${role} LOGIN${password}`));
  }
  return url;
}

export async function dropScratchDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`));
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
