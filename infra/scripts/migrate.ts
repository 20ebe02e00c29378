import { ensureDatabase, migrateDatabase } from '@liaison/data';
import { exitOnInvalidEnvironment, loadConfig } from '@liaison/platform';

/** `npm run db:migrate`: creates the database if needed and applies pending migrations. */
async function main(): Promise<void> {
  exitOnInvalidEnvironment('cli');
  // Migrations run as the owner of the tables; the apps connect as the restricted application role.
  const databaseUrl = loadConfig().migrationDatabaseUrl;
  await ensureDatabase(databaseUrl);
  const applied = await migrateDatabase(databaseUrl);
  console.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
