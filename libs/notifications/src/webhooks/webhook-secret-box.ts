import { gcmOpen, gcmPack, gcmSeal, gcmUnpack, type MasterKey, type MasterKeyring } from '@liaison/platform';
import type { StoredSecrets } from './webhook-secrets';

/** Which of an endpoint's two secrets: the one in use, or the one the last rotation replaced. */
export type SecretSlot = 'current' | 'previous';

/** Bound to its endpoint, slot and master key: a sealed secret cannot be moved to another row, slot or key id. */
const secretContext = (endpointId: string, slot: SecretSlot, masterKeyId: string) =>
  `liaison/webhook-secret/v1|${endpointId}|${slot}|${masterKeyId}`;

/** AES-256-GCM under the master key: nonce ‖ ciphertext ‖ tag. */
export function sealWebhookSecret(secret: string, endpointId: string, slot: SecretSlot, key: MasterKey): Buffer {
  return gcmPack(gcmSeal(key.key, Buffer.from(secret, 'utf8'), secretContext(endpointId, slot, key.id)));
}

/** The secret in clear; a row without key id holds it in clear still (moved over by the migration, not sealed yet). */
export function openWebhookSecret(
  stored: Buffer,
  endpointId: string,
  slot: SecretSlot,
  masterKeyId: string | null,
  keyring: MasterKeyring,
): string {
  if (masterKeyId === null) return stored.toString('utf8');
  const key = keyring.get(masterKeyId);
  return gcmOpen(key.key, gcmUnpack(stored), secretContext(endpointId, slot, key.id)).toString('utf8');
}

/** One of an endpoint's stored secrets in clear (the caller has checked that the previous one is there). */
export function openStoredSecret(stored: StoredSecrets, slot: SecretSlot, keyring: MasterKeyring): string {
  const sealed = slot === 'current' ? stored.secret_ciphertext : stored.previous_secret_ciphertext;
  if (sealed === null) throw new Error(`endpoint ${stored.endpoint_id} has no ${slot} secret`);
  return openWebhookSecret(sealed, stored.endpoint_id, slot, stored.secret_key_id, keyring);
}
