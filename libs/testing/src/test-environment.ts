import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quoteIdentifier } from '@liaison/data';
import { ed25519PublicKeyOf } from '@liaison/platform';
import { asApplicationRole, asWorkerRole, ownerDatabaseUrl, withAdminClient } from './test-servers';

export interface TestEnvironment {
  /** As the apps connect: the restricted application role. */
  databaseUrl: string;
  /** As the worker connects: the application role plus adding checkpoints. */
  workerDatabaseUrl: string;
  /** As the owner of the tables (the migrations' role): for tests that must bypass the application's limits. */
  ownerDatabaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  /** The audit witness file of this environment (AUDIT_WITNESS), fresh like its database. */
  witness: string;
}

/**
 * Gives this jest worker its own database (a fresh clone of the migrated template made by the global set-up)
 * and its own Redis key prefix, and points the platform's configuration at them through the environment.
 * Call in `beforeAll`: each test file starts from an empty, migrated database.
 */
export async function prepareTestEnvironment(): Promise<TestEnvironment> {
  const run = required('LIAISON_TEST_RUN');
  const worker = process.env['JEST_WORKER_ID'] ?? '1';
  const name = `liaison_test_${run}_w${worker}`;
  await withAdminClient(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    await admin.query(
      `CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(required('LIAISON_TEST_TEMPLATE'))}`,
    );
    await admin.query(`ALTER DATABASE ${quoteIdentifier(name)} SET synchronous_commit = off`);
  });
  const environment: TestEnvironment = {
    databaseUrl: asApplicationRole(ownerDatabaseUrl(name)),
    workerDatabaseUrl: asWorkerRole(ownerDatabaseUrl(name)),
    ownerDatabaseUrl: ownerDatabaseUrl(name),
    redisUrl: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    queuePrefix: `liaison-test-${run}-w${worker}-${Date.now().toString(36)}`,
    witness: join(tmpdir(), `liaison-test-${run}-w${worker}-${Date.now().toString(36)}-witness.jsonl`),
  };
  pointAt(environment);
  return environment;
}

/** Points the platform's configuration (read from the environment) at a test environment's database and Redis. */
export function pointAt(environment: TestEnvironment): void {
  const signingKey = process.env['AUDIT_SIGNING_KEY'] || testSigningKey;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    DATABASE_URL: environment.databaseUrl,
    MIGRATION_DATABASE_URL: environment.ownerDatabaseUrl,
    AUDIT_SIGNING_KEY: signingKey,
    AUDIT_PUBLIC_KEY: ed25519PublicKeyOf(signingKey), // the worker signs, the api checks
    REDIS_URL: environment.redisUrl,
    QUEUE_PREFIX: environment.queuePrefix,
    AUDIT_WITNESS: environment.witness,
  });
}

/** One Ed25519 key per jest worker process, unless the environment brings its own. */
const testSigningKey = generateKeyPairSync('ed25519')
  .privateKey.export({ format: 'der', type: 'pkcs8' })
  .toString('base64');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest (npm test), whose global set-up sets it`);
  return value;
}
