import { loadConfig } from '@liaison/platform';
import { DEMO_PASSWORD_DEFAULT } from '../launcher/development-secrets';
import { seedDemo } from '../launcher/demo-seed';

/** `npm run db:seed`: the demo agencies and users (idempotent). */
async function main(): Promise<void> {
  const logins = await seedDemo(
    loadConfig().migrationDatabaseUrl,
    process.env['LIAISON_DEMO_PASSWORD'] ?? DEMO_PASSWORD_DEFAULT,
  );
  console.log(`demo accounts: ${logins.length}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
