import { gcmOpen, gcmPack, gcmSeal, gcmUnpack, type MasterKey } from '@liaison/platform';

export const DATA_KEY_BYTES = 32;

/** What a data key belongs to: a person (its identity) or a request (its content, notes, history, attachments). */
export type DataKeyOwner = 'person' | 'request';

/** The wrapped key is bound to its owner and master key: it cannot be moved to another row or key id. */
const wrapContext = (owner: DataKeyOwner, ownerId: string, masterKeyId: string) =>
  `liaison/${owner}-data-key/v1|${ownerId}|${masterKeyId}`;

/** AES-256-GCM key wrap: nonce ‖ encrypted data key ‖ tag (60 bytes). */
export function wrapDataKey(dataKey: Buffer, masterKey: MasterKey, ownerId: string, owner: DataKeyOwner = 'person') {
  return gcmPack(gcmSeal(masterKey.key, dataKey, wrapContext(owner, ownerId, masterKey.id)));
}

export function unwrapDataKey(
  wrapped: Buffer,
  masterKey: MasterKey,
  ownerId: string,
  owner: DataKeyOwner = 'person',
): Buffer {
  const dataKey = gcmOpen(masterKey.key, gcmUnpack(wrapped), wrapContext(owner, ownerId, masterKey.id));
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error('malformed data key');
  return dataKey;
}
