import { Client } from 'pg';
import { APP_DATABASE_ROLE, enableLoginSql, WORKER_DATABASE_ROLE } from '@liaison/data';
import { exitOnInvalidEnvironment, loadConfig } from '@liaison/platform';

/**
 * Lets the application role log in, with this password (inlined as a literal: the password may hold anything).
 * Run as the owner after the migrations; idempotent, so a changed password is applied at the next start.
 */
export async function enableApplicationRole(ownerUrl: string, password: string, role = APP_DATABASE_ROLE) {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(enableLoginSql(role, password).inline()); // no parameters in this statement
  } finally {
    await client.end();
  }
}

/** The owner's URL with the application role's name and password: what the apps get as DATABASE_URL. */
export function applicationRoleUrl(ownerUrl: string, password: string, role = APP_DATABASE_ROLE): string {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}

/**
 * `node -r @swc-node/register infra/launcher/application-role.ts`: for the compose migrate job, with
 * MIGRATION_DATABASE_URL (or DATABASE_URL) the owner's, DATABASE_APP_PASSWORD and DATABASE_WORKER_PASSWORD the roles'.
 */
async function main(): Promise<void> {
  exitOnInvalidEnvironment('cli');
  const config = loadConfig();
  if (!config.databaseAppPassword) throw new Error('DATABASE_APP_PASSWORD is not set');
  if (!config.databaseWorkerPassword) throw new Error('DATABASE_WORKER_PASSWORD is not set');
  await enableApplicationRole(config.migrationDatabaseUrl, config.databaseAppPassword);
  await enableApplicationRole(config.migrationDatabaseUrl, config.databaseWorkerPassword, WORKER_DATABASE_ROLE);
  console.log(`${APP_DATABASE_ROLE} and ${WORKER_DATABASE_ROLE} may log in`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
