import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** An AES-256-GCM result: a fresh 96-bit nonce, the ciphertext and the 128-bit tag. */
export interface GcmSealed {
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Encrypts under a 32-byte key; `aad` binds the result to its context (who it belongs to, under which key). */
export function gcmSeal(key: Buffer, plaintext: Buffer, aad: string): GcmSealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

/** Decrypts and authenticates; a wrong key, a changed byte or another context throws. */
export function gcmOpen(key: Buffer, sealed: GcmSealed, aad: string): Buffer {
  if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES) throw new Error('malformed AES-GCM envelope');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}

/** nonce ‖ ciphertext ‖ tag in one buffer (wrapped data keys). */
export function gcmPack(sealed: GcmSealed): Buffer {
  return Buffer.concat([sealed.iv, sealed.ciphertext, sealed.tag]);
}

export function gcmUnpack(packed: Buffer): GcmSealed {
  if (packed.length <= IV_BYTES + TAG_BYTES) throw new Error('malformed AES-GCM envelope');
  return {
    iv: packed.subarray(0, IV_BYTES),
    ciphertext: packed.subarray(IV_BYTES, packed.length - TAG_BYTES),
    tag: packed.subarray(packed.length - TAG_BYTES),
  };
}
