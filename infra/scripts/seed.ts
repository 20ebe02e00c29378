import { exitOnInvalidEnvironment, loadConfig, readSettings } from '@liaison/platform';
import { seedDemo } from '../launcher/demo-seed';

/** `npm run db:seed`: the demo agencies and users (idempotent); refused with NODE_ENV=production. */
async function main(): Promise<void> {
  exitOnInvalidEnvironment('cli');
  const logins = await seedDemo(loadConfig().migrationDatabaseUrl, readSettings(['launcher']).LIAISON_DEMO_PASSWORD);
  console.log(`demo accounts: ${logins.length}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
