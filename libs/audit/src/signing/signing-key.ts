import { createHash, type KeyObject } from 'node:crypto';
import { parsePublicKey as parseKeyText } from '@liaison/platform';

export { parsePrivateKey } from '@liaison/platform';

/**
 * A public key from PEM (SPKI), base64 SPKI DER, or the JSON answered by `GET /v1/audit/public-key`.
 */
export function parsePublicKey(raw: string): KeyObject {
  const text = raw.trim();
  if (text.startsWith('{'))
    return parsePublicKey(String((JSON.parse(text) as { publicKeyPem?: unknown }).publicKeyPem));
  return parseKeyText(text);
}

/** SHA-256 of the SPKI DER encoding, hex: names the key that signed a checkpoint. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex');
}
