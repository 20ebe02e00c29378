/**
 * Comparisons of hex digits with the bytes they stand for, without making either side: a loop over 32 bytes costs
 * less than a hex string or buffer made per comparison.
 */
const DIGITS = Uint8Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));

/** Whether `bytes[at, at + 64)` is `hash` in lowercase hex. */
export function isHexAt(bytes: Uint8Array, at: number, hash: Uint8Array): boolean {
  for (let i = 0; i < 32; i += 1) {
    if (bytes[at + 2 * i] !== DIGITS[hash[i] >> 4] || bytes[at + 2 * i + 1] !== DIGITS[hash[i] & 15]) return false;
  }
  return true;
}

/** Whether `bytes[at, at + 64)` is the lowercase hex of `digest`, a hash as a latin1 string (32 characters). */
export function isHexOfDigestAt(bytes: Uint8Array, at: number, digest: string): boolean {
  if (digest.length !== 32) return false;
  for (let i = 0; i < 32; i += 1) {
    const byte = digest.charCodeAt(i);
    if (bytes[at + 2 * i] !== DIGITS[byte >> 4] || bytes[at + 2 * i + 1] !== DIGITS[byte & 15]) return false;
  }
  return true;
}

/** Whether `text` is `hash` in lowercase hex, i.e. `text === hash.toString('hex')`. */
export function isHexText(text: string, hash: Uint8Array): boolean {
  if (text.length !== 64 || hash.length !== 32) return false;
  for (let i = 0; i < 32; i += 1) {
    if (text.charCodeAt(2 * i) !== DIGITS[hash[i] >> 4] || text.charCodeAt(2 * i + 1) !== DIGITS[hash[i] & 15]) {
      return false;
    }
  }
  return true;
}

/** Whether `bytes[at, at + 64)` are `text` in UTF-8, i.e. `Buffer.from(text)` (only spelled out for ASCII). */
export function isTextAt(bytes: Uint8Array, at: number, text: string): boolean {
  if (text.length !== 64) return isEncodedAt(bytes, at, text);
  for (let i = 0; i < 64; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return isEncodedAt(bytes, at, text);
    if (bytes[at + i] !== code) return false;
  }
  return true;
}

function isEncodedAt(bytes: Uint8Array, at: number, text: string): boolean {
  const encoded = Buffer.from(text);
  return encoded.length === 64 && Buffer.compare(encoded, bytes.subarray(at, at + 64)) === 0;
}

/** Whether `bytes[at, at + 64)` are `other[0, 64)`. */
export function isSame64At(bytes: Uint8Array, at: number, other: Uint8Array): boolean {
  for (let i = 0; i < 64; i += 1) if (bytes[at + i] !== other[i]) return false;
  return true;
}
