import { randomBytes } from 'node:crypto';
import { gcmOpen, gcmSeal, type MasterKey, type MasterKeyring } from '@liaison/platform';
import { paddedJson } from '../../encryption/padded-json';
import type { PersonIdentity } from '../person-identity';
import { DATA_KEY_BYTES, unwrapDataKey, wrapDataKey, type DataKeyOwner } from '../../encryption/data-key-wrap';

/**
 * A person's identity at rest: the identity (JSON, padded) under a per-person AES-256-GCM data key, and that data
 * key wrapped by the master key `masterKeyId`. Destroying `wrappedDataKey` makes the ciphertext unreadable.
 */
export interface IdentityEnvelope {
  ciphertext: Buffer;
  iv: Buffer;
  tag: Buffer;
  wrappedDataKey: Buffer;
  masterKeyId: string;
}

export type WrappedKey = Pick<IdentityEnvelope, 'wrappedDataKey' | 'masterKeyId'>;

/** Thrown when an envelope does not open: wrong key, a changed byte, or an envelope moved to another person. */
export class IdentityDecryptionError extends Error {
  constructor(readonly personId: string) {
    super(`the identity of person ${personId} could not be decrypted`);
  }
}

const identityContext = (personId: string) => `liaison/person-identity/v1|${personId}`;

/** Encrypts an identity under a fresh data key wrapped by `masterKey`. */
export function sealIdentity(personId: string, identity: PersonIdentity, masterKey: MasterKey): IdentityEnvelope {
  const dataKey = randomBytes(DATA_KEY_BYTES);
  try {
    const sealed = gcmSeal(dataKey, paddedJson(identity), identityContext(personId));
    return { ...sealed, wrappedDataKey: wrapDataKey(dataKey, masterKey, personId), masterKeyId: masterKey.id };
  } finally {
    dataKey.fill(0);
  }
}

export function openIdentity(personId: string, envelope: IdentityEnvelope, keyring: MasterKeyring): PersonIdentity {
  const masterKey = keyring.get(envelope.masterKeyId);
  let dataKey: Buffer | undefined;
  try {
    dataKey = unwrapDataKey(envelope.wrappedDataKey, masterKey, personId);
    const plaintext = gcmOpen(dataKey, envelope, identityContext(personId));
    return JSON.parse(plaintext.toString('utf8')) as PersonIdentity;
  } catch {
    throw new IdentityDecryptionError(personId);
  } finally {
    dataKey?.fill(0);
  }
}

/**
 * Rotation: the same data key, unwrapped with its old master key and wrapped again by `to`. The data is untouched.
 * Persons' and requests' data keys are re-wrapped alike (`owner`).
 */
export function rewrapDataKey(
  ownerId: string,
  wrapped: WrappedKey,
  keyring: MasterKeyring,
  to: MasterKey,
  owner: DataKeyOwner = 'person',
): WrappedKey {
  const from = keyring.get(wrapped.masterKeyId);
  let dataKey: Buffer | undefined;
  try {
    dataKey = unwrapDataKey(wrapped.wrappedDataKey, from, ownerId, owner);
    return { wrappedDataKey: wrapDataKey(dataKey, to, ownerId, owner), masterKeyId: to.id };
  } catch {
    throw new IdentityDecryptionError(ownerId);
  } finally {
    dataKey?.fill(0);
  }
}
