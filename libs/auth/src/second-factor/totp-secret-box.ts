import { gcmOpen, gcmPack, gcmSeal, gcmUnpack, type MasterKey, type MasterKeyring } from '@liaison/platform';

/** Bound to its user and master key: a sealed secret cannot be moved to another account. */
const totpContext = (userId: string, masterKeyId: string) => `liaison/totp-secret/v1|${userId}|${masterKeyId}`;

/** AES-256-GCM under the master key, as webhook secrets are: nonce ‖ ciphertext ‖ tag. */
export function sealTotpSecret(base32: string, userId: string, key: MasterKey): Buffer {
  return gcmPack(gcmSeal(key.key, Buffer.from(base32, 'utf8'), totpContext(userId, key.id)));
}

export function openTotpSecret(sealed: Buffer, userId: string, masterKeyId: string, keyring: MasterKeyring): string {
  const key = keyring.get(masterKeyId);
  return gcmOpen(key.key, gcmUnpack(sealed), totpContext(userId, key.id)).toString('utf8');
}
