import { createHash } from 'node:crypto';

/** A master key and its id: what `person.master_key_id` names, so that rotation knows what to re-wrap. */
export interface MasterKey {
  id: string;
  key: Buffer;
}

export const MASTER_KEY_BYTES = 32;

/**
 * The first 64 bits of a domain-separated SHA-256 of the key: stable across restarts and replicas, nothing to
 * configure, and it reveals nothing about a random 256-bit key.
 */
export function masterKeyId(key: Buffer): string {
  return createHash('sha256').update('liaison/master-key-id/v1\0').update(key).digest('hex').slice(0, 16);
}

export function toMasterKey(key: Buffer): MasterKey {
  if (key.length !== MASTER_KEY_BYTES) throw new Error(`a master key is ${MASTER_KEY_BYTES} bytes`);
  return { id: masterKeyId(key), key };
}
