import { gcmOpen, gcmPack, gcmSeal, gcmUnpack, type MasterKey } from '@liaison/platform';

export const DATA_KEY_BYTES = 32;

/** The wrapped key is bound to its person and master key: it cannot be moved to another row or key id. */
const wrapContext = (personId: string, masterKeyId: string) => `liaison/person-data-key/v1|${personId}|${masterKeyId}`;

/** AES-256-GCM key wrap: nonce ‖ encrypted data key ‖ tag (60 bytes). */
export function wrapDataKey(dataKey: Buffer, masterKey: MasterKey, personId: string): Buffer {
  return gcmPack(gcmSeal(masterKey.key, dataKey, wrapContext(personId, masterKey.id)));
}

export function unwrapDataKey(wrapped: Buffer, masterKey: MasterKey, personId: string): Buffer {
  const dataKey = gcmOpen(masterKey.key, gcmUnpack(wrapped), wrapContext(personId, masterKey.id));
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error('malformed data key');
  return dataKey;
}
