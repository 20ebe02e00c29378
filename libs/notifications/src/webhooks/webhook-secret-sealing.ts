import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditTrail, SYSTEM_STREAM } from '@liaison/audit';
import { runSql } from '@liaison/data';
import { MasterKeyring } from '@liaison/platform';
import { openStoredSecret, sealWebhookSecret, type SecretSlot } from './webhook-secret-box';
import type { StoredSecrets } from './webhook-secrets';
import { secretsNotUnderSql, secretsToSealSql, storeSecretsSql } from './webhooks.sql';

interface WebhookSecretSealing {
  toMasterKeyId: string;
  /** Endpoints whose secrets this run sealed or re-sealed. */
  sealed: number;
  /** Endpoints still under another master key than the current one (one this keyring does not hold). */
  remaining: number;
}

/**
 * Seals under the current master key every endpoint secret still in clear (moved over by the migration) and, for a
 * master-key rotation, every one under `retiredKeyIds`: in batches, each one transaction with its system audit
 * entry (counts and key ids only). Safe to run again, and on several processes at once (rows locked, skipped).
 */
export async function sealWebhookSecrets(
  em: EntityManager,
  audit: AuditTrail,
  keyring: MasterKeyring,
  options: { retiredKeyIds?: readonly string[]; batchSize?: number } = {},
): Promise<WebhookSecretSealing> {
  const batchSize = options.batchSize ?? 200;
  let sealed = 0;
  for (;;) {
    const count = await sealBatch(em, audit, keyring, options.retiredKeyIds ?? [], batchSize);
    sealed += count;
    if (count < batchSize) break;
  }
  const [{ count: remaining }] = await runSql<{ count: number }>(em.fork(), secretsNotUnderSql(keyring.current.id));
  return { toMasterKeyId: keyring.current.id, sealed, remaining };
}

function sealBatch(
  em: EntityManager,
  audit: AuditTrail,
  keyring: MasterKeyring,
  retiredKeyIds: readonly string[],
  limit: number,
): Promise<number> {
  return em.fork().transactional(async (tx) => {
    const rows = await runSql<StoredSecrets>(tx, secretsToSealSql(retiredKeyIds, limit));
    if (rows.length === 0) return 0;
    const to = keyring.current;
    for (const row of rows) {
      const reseal = (slot: SecretSlot) =>
        sealWebhookSecret(openStoredSecret(row, slot, keyring), row.endpoint_id, slot, to);
      const previous = row.previous_secret_ciphertext ? reseal('previous') : null;
      const sealed = { current: reseal('current'), previous, keyId: to.id };
      await runSql(tx, storeSecretsSql(row.endpoint_id, sealed, row.secret_rotated_at));
    }
    const from = [...new Set(rows.map((row) => row.secret_key_id ?? 'clear'))].sort();
    await audit.append(tx, {
      stream: SYSTEM_STREAM,
      action: 'webhook_secrets.sealed',
      subjectType: 'master_key',
      subjectId: to.id,
      data: { count: rows.length, from, toMasterKeyId: to.id },
    });
    return rows.length;
  });
}

/** At the worker's start: seals the secrets the migration moved over in clear (none, once it has run once). */
@Injectable()
export class WebhookSecretSealingAtStart implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookSecretSealingAtStart.name);

  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditTrail,
    private readonly keyring: MasterKeyring,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const { sealed } = await sealWebhookSecrets(this.em, this.audit, this.keyring);
      if (sealed > 0) this.logger.log({ sealed }, 'webhook secrets sealed under the master key');
    } catch (error) {
      // deliveries still sign with a secret in clear; the next start tries again
      this.logger.warn({ err: error }, 'webhook secrets could not be sealed');
    }
  }
}
