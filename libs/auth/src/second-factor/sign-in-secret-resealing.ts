import type { EntityManager } from '@mikro-orm/postgresql';
import { AuthSessionSchema, TotpCredentialSchema } from '@liaison/data';
import type { MasterKeyring } from '@liaison/platform';
import { openSessionClient, sealSessionClient } from '../sessions/session-client';
import { openTotpSecret, sealTotpSecret } from './totp-secret-box';

export interface ResealingResult {
  totpSecrets: number;
  sessionClients: number;
  toMasterKeyId: string;
}

/**
 * A master-key rotation's part of sign-in: every TOTP secret and session client sealed under a retired key is
 * sealed again under the current one (`npm run db:rotate-master-key`), so that dropping the old key loses neither.
 */
export async function resealSignInSecrets(em: EntityManager, keyring: MasterKeyring): Promise<ResealingResult> {
  const retired = keyring.previousIds;
  const key = keyring.current;
  const result: ResealingResult = { totpSecrets: 0, sessionClients: 0, toMasterKeyId: key.id };
  if (retired.length === 0) return result;
  await em.fork().transactional(async (tx) => {
    const secrets = await tx.find(
      TotpCredentialSchema,
      { secretKeyId: { $in: retired } },
      { populate: ['secretCiphertext', 'user'] },
    );
    for (const stored of secrets) {
      const userId = stored.user.id;
      const secret = openTotpSecret(Buffer.from(stored.secretCiphertext), userId, stored.secretKeyId, keyring);
      tx.assign(stored, { secretCiphertext: sealTotpSecret(secret, userId, key), secretKeyId: key.id });
    }
    const sessions = await tx.find(
      AuthSessionSchema,
      { clientKeyId: { $in: retired } },
      { populate: ['clientCiphertext'] },
    );
    for (const session of sessions) {
      const sealed = Buffer.from(session.clientCiphertext as Uint8Array);
      const client = openSessionClient(sealed, session.id, session.clientKeyId as string, keyring);
      const resealed = sealSessionClient({ clientRequestId: null, ...client }, session.id, key);
      tx.assign(session, { clientCiphertext: resealed, clientKeyId: key.id });
    }
    await tx.flush();
    result.totpSecrets = secrets.length;
    result.sessionClients = sessions.length;
  });
  return result;
}
