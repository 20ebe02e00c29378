import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** A private key from PEM, or from base64 of its PKCS#8 DER form (one line, handy in an env variable). */
export function parsePrivateKey(raw: string): KeyObject {
  const text = raw.trim();
  return text.includes('-----BEGIN')
    ? createPrivateKey(text)
    : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
}

/** An Ed25519 public key from PEM (SPKI) or base64 SPKI DER; throws when it is not one. */
export function parsePublicKey(raw: string): KeyObject {
  const text = raw.trim();
  const key = text.includes('-----BEGIN')
    ? createPublicKey(text)
    : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the public key is not an Ed25519 key');
  return key;
}
