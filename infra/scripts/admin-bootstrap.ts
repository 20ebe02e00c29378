import { parseArgs } from 'node:util';
import { MikroORM } from '@mikro-orm/postgresql';
import { bootstrapPlatformAdmin } from '@liaison/agencies';
import { AuditTrail } from '@liaison/audit';
import { ormConfig } from '@liaison/data';
import { AGENCY_TYPES, type AgencyType } from '@liaison/domain';
import { accountLinkPath } from '@liaison/notifications';
import { exitOnInvalidEnvironment, loadConfig, readSettings } from '@liaison/platform';

const USAGE = `usage: npm run admin:bootstrap -- --email <address> [--name <display name>]
       [--agency <agency name>] [--country <ISO 3166-1 alpha-2>] [--type <${AGENCY_TYPES.join('|')}>]`;

/**
 * `npm run admin:bootstrap -- --email …`: the first platform administrator of a new installation, with a
 * single-use link to choose their password, printed once. Refused once a platform administrator exists.
 */
async function main(): Promise<void> {
  exitOnInvalidEnvironment('cli');
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string', default: 'Platform Administrator' },
      agency: { type: 'string', default: 'Liaison platform operations' },
      country: { type: 'string' },
      type: { type: 'string', default: 'MINISTRY_OF_JUSTICE' },
    },
  });
  const { email, name, agency, country, type } = values;
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email) || !country || !/^[A-Z]{2}$/.test(country)) fail(USAGE);
  if (!(AGENCY_TYPES as readonly string[]).includes(type)) fail(USAGE);
  const config = loadConfig();
  const orm = await MikroORM.init(ormConfig(config.migrationDatabaseUrl, { pool: { min: 0, max: 1 } }));
  try {
    const result = await bootstrapPlatformAdmin(orm.em.fork(), new AuditTrail(), {
      email,
      displayName: name,
      agency: { name: agency, country, type: type as AgencyType },
    });
    if (result.outcome === 'refused') fail(`refused: ${result.reason}`);
    const link = `${readSettings(['email']).PUBLIC_URL.replace(/\/$/, '')}${accountLinkPath('invitation', result.token)}`;
    console.log(
      [
        result.outcome === 'created' ? `platform administrator ${email} created` : `new link for ${email}`,
        `Open this link once, before ${result.expiresAt.toISOString()}, to choose the password:`,
        `  ${link}`,
      ].join('\n'),
    );
  } finally {
    await orm.close(true);
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
