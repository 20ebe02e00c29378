import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** An Ed25519 private key from PEM, or from base64 of its PKCS#8 DER form (one line, handy in an env variable). */
export function parsePrivateKey(raw: string): KeyObject {
  const text = raw.trim();
  return text.includes('-----BEGIN')
    ? createPrivateKey(text)
    : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
}

/**
 * A public key from PEM (SPKI), base64 SPKI DER, or the JSON answered by `GET /v1/audit/public-key`.
 */
export function parsePublicKey(raw: string): KeyObject {
  const text = raw.trim();
  if (text.startsWith('{'))
    return parsePublicKey(String((JSON.parse(text) as { publicKeyPem?: unknown }).publicKeyPem));
  const key = text.includes('-----BEGIN')
    ? createPublicKey(text)
    : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the public key is not an Ed25519 key');
  return key;
}

/** SHA-256 of the SPKI DER encoding, hex: names the key that signed a checkpoint. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex');
}
