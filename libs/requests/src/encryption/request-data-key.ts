import { randomBytes } from 'node:crypto';
import { gcmOpen, gcmPack, gcmSeal, gcmUnpack, type MasterKey, type MasterKeyring } from '@liaison/platform';
import type { WrappedKey } from '../persons/encryption/identity-envelope';
import { DATA_KEY_BYTES, unwrapDataKey, wrapDataKey } from './data-key-wrap';
import { paddedJson } from './padded-json';

/** A request's data key as stored in `request_key`: wrapped by the master key `masterKeyId`. */
export interface WrappedRequestKey {
  wrappedDataKey: Uint8Array;
  masterKeyId: string;
}

/** Thrown when a request's data key or one of its sealed values does not open (wrong key, a changed byte). */
export class RequestDecryptionError extends Error {
  constructor(readonly requestId: string) {
    super(`personal data of request ${requestId} could not be decrypted`);
  }
}

/**
 * What a sealed value is, bound into its authentication: the request, the kind of value and its row, so that a
 * ciphertext cannot be moved to another note, history entry or request.
 */
export type SealedSlot = 'content' | `note:${string}` | `history:${string}` | `attachment-name:${string}`;

const fieldContext = (requestId: string, slot: SealedSlot) => `liaison/request-field/v1|${requestId}|${slot}`;

/** A fresh data key for a request, and its wrapped form for `request_key`. The caller zeroes the key when done. */
export function newRequestKey(requestId: string, masterKey: MasterKey): { dataKey: Buffer; wrapped: WrappedKey } {
  const dataKey = randomBytes(DATA_KEY_BYTES);
  return {
    dataKey,
    wrapped: { wrappedDataKey: wrapDataKey(dataKey, masterKey, requestId, 'request'), masterKeyId: masterKey.id },
  };
}

export function openRequestKey(requestId: string, wrapped: WrappedRequestKey, keyring: MasterKeyring): Buffer {
  const masterKey = keyring.get(wrapped.masterKeyId);
  try {
    return unwrapDataKey(asBuffer(wrapped.wrappedDataKey), masterKey, requestId, 'request');
  } catch {
    throw new RequestDecryptionError(requestId);
  }
}

/** JSON, padded to 256 bytes, under the request's key: nonce ‖ ciphertext ‖ tag. */
export function sealValue(dataKey: Buffer, requestId: string, slot: SealedSlot, value: unknown): Buffer {
  return gcmPack(gcmSeal(dataKey, paddedJson(value), fieldContext(requestId, slot)));
}

export function openValue<T>(dataKey: Buffer, requestId: string, slot: SealedSlot, sealed: Uint8Array): T {
  try {
    const opened = gcmOpen(dataKey, gcmUnpack(asBuffer(sealed)), fieldContext(requestId, slot));
    return JSON.parse(opened.toString('utf8')) as T;
  } catch {
    throw new RequestDecryptionError(requestId);
  }
}

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
