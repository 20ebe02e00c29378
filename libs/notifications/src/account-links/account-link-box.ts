import { gcmOpen, gcmPack, gcmSeal, gcmUnpack, type MasterKey, type MasterKeyring } from '@liaison/platform';

/** Bound to its link and master key: a sealed token cannot be moved to another row or key id. */
const tokenContext = (linkId: string, masterKeyId: string) => `liaison/account-link/v1|${linkId}|${masterKeyId}`;

/** AES-256-GCM under the master key: nonce ‖ ciphertext ‖ tag. */
export function sealAccountLinkToken(token: string, linkId: string, key: MasterKey): Buffer {
  return gcmPack(gcmSeal(key.key, Buffer.from(token, 'utf8'), tokenContext(linkId, key.id)));
}

export function openAccountLinkToken(
  sealed: Buffer,
  linkId: string,
  masterKeyId: string,
  keyring: MasterKeyring,
): string {
  const key = keyring.get(masterKeyId);
  return gcmOpen(key.key, gcmUnpack(sealed), tokenContext(linkId, key.id)).toString('utf8');
}
