import { randomBytes } from 'node:crypto';
import { AuditTrail } from '@liaison/audit';
import { runSql, type Agency, type User } from '@liaison/data';
import { MasterKeyring } from '@liaison/platform';
import { mediumTest, type MediumTest } from '@liaison/testing';
import { NotificationProcessorsModule } from '../processors/notification-processors.module';
import { OutboxListener } from '../relay/outbox-listener';
import { QueueWorkers } from '../workers/queue-workers';
import { openWebhookSecret } from './webhook-secret-box';
import { sealWebhookSecrets, WebhookSecretSealingAtStart } from './webhook-secret-sealing';
import type { StoredSecrets } from './webhook-secrets';
import { WebhooksModule } from './webhooks.module';
import { WebhooksService } from './webhooks.service';
import { endpointSecretsSql } from './webhooks.sql';

/**
 * Secrets the migration moved over in clear are sealed when the worker starts, and a master-key rotation re-seals
 * every secret (the previous one of a rotated endpoint too) under the new key, on the real database.
 */
describe('sealing webhook secrets (medium)', () => {
  let harness: MediumTest;
  let agency: Agency;
  let admin: User;

  beforeAll(async () => {
    harness = await mediumTest({
      imports: [NotificationProcessorsModule, WebhooksModule],
      overrides: [
        [QueueWorkers, {}],
        [OutboxListener, {}],
      ],
      env: { DEADLINE_RECONCILE_MS: '0' },
    });
    agency = await harness.factory.agency({ country: 'NP' });
    admin = await harness.factory.user(agency, { roles: ['ADMIN'] });
  });

  afterAll(() => harness?.close());

  const stored = async (id: string) => (await runSql<StoredSecrets>(harness.em(), endpointSecretsSql(id)))[0];
  const open = (row: StoredSecrets, slot: 'current' | 'previous', keyring: MasterKeyring) =>
    openWebhookSecret(
      slot === 'current' ? row.secret_ciphertext : (row.previous_secret_ciphertext as Buffer),
      row.endpoint_id,
      slot,
      row.secret_key_id,
      keyring,
    );

  /** An endpoint as the migration leaves an existing one: its secret in clear bytes, no key id. */
  async function migratedEndpoint(secret: string): Promise<string> {
    const [row] = await harness.sql<{ id: string }>(
      `insert into webhook_endpoint (id, created_at, updated_at, agency_id, url, description, events, secret_ciphertext,
         active, created_by_id) values (gen_random_uuid(), now(), now(), $1, 'https://partner.example/hooks', null,
         '{*}', convert_to($2, 'UTF8'), true, $3) returning id`,
      [agency.id, secret, admin.id],
    );
    return row.id;
  }

  it('seals at start what the migration left in clear, once', async () => {
    const id = await migratedEndpoint('whsec_left_in_clear_by_the_migration');
    await harness.get(WebhookSecretSealingAtStart).onApplicationBootstrap();

    const keyring = harness.get(MasterKeyring);
    const row = await stored(id);
    expect(row.secret_key_id).toBe(keyring.current.id);
    expect(row.secret_ciphertext.includes(Buffer.from('left_in_clear'))).toBe(false);
    expect(open(row, 'current', keyring)).toBe('whsec_left_in_clear_by_the_migration');
    const [{ clear }] = await harness.sql<{ clear: number }>(
      'select count(*)::int as clear from webhook_endpoint where secret_key_id is null',
    );
    expect(clear).toBe(0);
    const again = await sealWebhookSecrets(harness.em(), harness.get(AuditTrail), keyring);
    expect(again).toMatchObject({ sealed: 0, remaining: 0 });
  });

  it('re-seals every secret, a rotated endpoint’s previous one too, under a new master key', async () => {
    const actor = { userId: admin.id, agencyId: agency.id, roles: ['ADMIN' as const], platformAdmin: false };
    const service = harness.get(WebhooksService);
    const created = await service.create(actor, { url: 'https://partner.example/rotated' });
    const rotated = await service.rotateSecret(actor, created.id);
    const oldRing = harness.get(MasterKeyring);
    const newRing = new MasterKeyring(randomBytes(32), [oldRing.current.key]);

    const result = await sealWebhookSecrets(harness.em(), harness.get(AuditTrail), newRing, {
      retiredKeyIds: newRing.previousIds,
    });

    expect(result).toMatchObject({ toMasterKeyId: newRing.current.id, remaining: 0 });
    expect(result.sealed).toBeGreaterThanOrEqual(2);
    const row = await stored(created.id);
    expect(row.secret_key_id).toBe(newRing.current.id);
    const onlyNew = new MasterKeyring(newRing.current.key);
    expect(open(row, 'current', onlyNew)).toBe(rotated.secret);
    expect(open(row, 'previous', onlyNew)).toBe(created.secret);
    const [entry] = await harness.sql<{ data: Record<string, unknown> }>(
      `select data from audit_event where action = 'webhook_secrets.sealed' and subject_id = $1`,
      [newRing.current.id],
    );
    expect(entry.data).toMatchObject({ from: [oldRing.current.id], toMasterKeyId: newRing.current.id });
    expect(JSON.stringify(entry.data)).not.toContain(rotated.secret);
  });
});
