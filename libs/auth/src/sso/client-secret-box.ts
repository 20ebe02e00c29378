import { gcmOpen, gcmPack, gcmSeal, gcmUnpack, type MasterKey, type MasterKeyring } from '@liaison/platform';

/** Bound to its agency and master key: a sealed secret cannot be moved to another agency's row or key id. */
const secretContext = (agencyId: string, masterKeyId: string) =>
  `liaison/sso-client-secret/v1|${agencyId}|${masterKeyId}`;

/** The OpenID client secret, AES-256-GCM under the master key as the webhook secrets are: nonce ‖ ciphertext ‖ tag. */
export function sealClientSecret(secret: string, agencyId: string, key: MasterKey): Buffer {
  return gcmPack(gcmSeal(key.key, Buffer.from(secret, 'utf8'), secretContext(agencyId, key.id)));
}

export function openClientSecret(
  sealed: Buffer,
  agencyId: string,
  masterKeyId: string,
  keyring: MasterKeyring,
): string {
  const key = keyring.get(masterKeyId);
  return gcmOpen(key.key, gcmUnpack(sealed), secretContext(agencyId, key.id)).toString('utf8');
}
