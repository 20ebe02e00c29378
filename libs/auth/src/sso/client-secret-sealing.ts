import { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { AuditTrail, SYSTEM_STREAM } from '@liaison/audit';
import { AgencySignOnSchema } from '@liaison/data';
import { MasterKeyring, UnknownMasterKeyError } from '@liaison/platform';
import { openClientSecret, sealClientSecret } from './client-secret-box';

interface ClientSecretSealing {
  toMasterKeyId: string;
  sealed: number;
  /** Secrets still under a master key this keyring does not hold. */
  remaining: number;
}

/**
 * For a master-key rotation: re-seals under the current master key every agency's OpenID client secret sealed by a
 * key the keyring still holds, in one transaction with its system audit entry (counts and key ids only).
 */
export function resealClientSecrets(
  em: EntityManager,
  audit: AuditTrail,
  keyring: MasterKeyring,
): Promise<ClientSecretSealing> {
  const to = keyring.current;
  return em.fork().transactional(async (tx) => {
    const rows = await tx.find(
      AgencySignOnSchema,
      { clientSecretKeyId: { $ne: to.id } },
      { populate: ['clientSecretCiphertext'], lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const from = new Set<string>();
    let remaining = 0;
    for (const row of rows) {
      try {
        const secret = openClientSecret(
          Buffer.from(row.clientSecretCiphertext),
          row.agency.id,
          row.clientSecretKeyId,
          keyring,
        );
        from.add(row.clientSecretKeyId);
        tx.assign(row, {
          clientSecretCiphertext: sealClientSecret(secret, row.agency.id, to),
          clientSecretKeyId: to.id,
        });
      } catch (error) {
        if (!(error instanceof UnknownMasterKeyError)) throw error;
        remaining += 1;
      }
    }
    const sealed = rows.length - remaining;
    await tx.flush();
    if (sealed > 0) {
      await audit.append(tx, {
        stream: SYSTEM_STREAM,
        action: 'sso_client_secrets.sealed',
        subjectType: 'master_key',
        subjectId: to.id,
        data: { count: sealed, from: [...from].sort(), toMasterKeyId: to.id },
      });
    }
    return { toMasterKeyId: to.id, sealed, remaining };
  });
}
