import { MikroORM } from '@mikro-orm/postgresql';
import { AuditTrail } from '@liaison/audit';
import { resealClientSecrets, resealSignInSecrets } from '@liaison/auth';
import { ormConfig } from '@liaison/data';
import { sealWebhookSecrets } from '@liaison/notifications';
import { exitOnInvalidEnvironment, loadConfig, MasterKeyring } from '@liaison/platform';
import { rotateMasterKey } from '@liaison/requests';

/**
 * `npm run db:rotate-master-key`: re-wraps every person's data key under LIAISON_MASTER_KEY (the new key) that is
 * wrapped by LIAISON_PREVIOUS_MASTER_KEY (the key being retired; comma-separated if several), and re-seals every
 * webhook secret sealed by it (or still in clear), agency OpenID client secret, TOTP secret and session client. Run it while the apps hold both keys; once it reports nothing
 * remaining, drop LIAISON_PREVIOUS_MASTER_KEY everywhere.
 */
async function main(): Promise<void> {
  exitOnInvalidEnvironment('cli');
  const config = loadConfig();
  const keyring = MasterKeyring.fromConfig(config.personalData);
  if (keyring.previousIds.length === 0) {
    throw new Error('set LIAISON_MASTER_KEY to the new key and LIAISON_PREVIOUS_MASTER_KEY to the key being retired');
  }
  const orm = await MikroORM.init(ormConfig(config.databaseUrl));
  try {
    const result = await rotateMasterKey(orm.em, new AuditTrail(), keyring);
    console.log(`re-wrapped ${result.rewrapped} data key(s) under master key ${result.toMasterKeyId}`);
    if (result.remaining > 0) {
      console.error(`${result.remaining} person(s) remain under a master key not given in LIAISON_PREVIOUS_MASTER_KEY`);
      process.exitCode = 1;
    }
    const secrets = await sealWebhookSecrets(orm.em, new AuditTrail(), keyring, { retiredKeyIds: keyring.previousIds });
    console.log(`re-sealed ${secrets.sealed} webhook secret(s) under master key ${secrets.toMasterKeyId}`);
    if (secrets.remaining > 0) {
      console.error(`${secrets.remaining} webhook secret(s) remain under a master key not given`);
      process.exitCode = 1;
    }
    const clients = await resealClientSecrets(orm.em, new AuditTrail(), keyring);
    console.log(`re-sealed ${clients.sealed} OpenID client secret(s) under master key ${clients.toMasterKeyId}`);
    if (clients.remaining > 0) {
      console.error(`${clients.remaining} OpenID client secret(s) remain under a master key not given`);
      process.exitCode = 1;
    }
    const signIn = await resealSignInSecrets(orm.em, keyring);
    console.log(
      `re-sealed ${signIn.totpSecrets} TOTP secret(s) and ${signIn.sessionClients} session client(s) under master key ${signIn.toMasterKeyId}`,
    );
  } finally {
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
