import { Client } from 'pg';
import { APP_DATABASE_ROLE, WORKER_DATABASE_ROLE } from '@liaison/data';

/** A database on the test server, as its owner (`TEST_DATABASE_URL`, local trust by default). */
export function ownerDatabaseUrl(name: string): string {
  const url = new URL(process.env['TEST_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${name}`;
  return url.toString();
}

/** Same server and database, as the application role; with a password only when the server asks for one. */
export function asApplicationRole(ownerUrl: string, role = APP_DATABASE_ROLE): string {
  const url = new URL(ownerUrl);
  const needsPassword = url.password !== '';
  url.username = role;
  url.password = needsPassword ? (process.env['TEST_DATABASE_APP_PASSWORD'] ?? 'liaison-app-test') : '';
  return url.toString();
}

/** Same server and database, as the worker's role. */
export function asWorkerRole(ownerUrl: string): string {
  return asApplicationRole(ownerUrl, WORKER_DATABASE_ROLE);
}

/** An app environment for the worker: its own role, which alone may insert audit checkpoints. */
export function asWorkerEnvironment(env: Record<string, string>): Record<string, string> {
  const owner = env['MIGRATION_DATABASE_URL'];
  if (!owner) throw new Error('asWorkerEnvironment: the environment names no MIGRATION_DATABASE_URL');
  return { ...env, DATABASE_URL: asWorkerRole(owner) };
}

/** Runs `work` on a connection to the server's `postgres` database, as the owner. */
export async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ownerDatabaseUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
