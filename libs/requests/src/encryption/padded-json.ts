/** Lengths are rounded up to this, so that a ciphertext does not tell a short text from a long one. */
const PADDING_BLOCK = 256;

/** A value as UTF-8 JSON padded with trailing spaces (JSON.parse ignores them) to a multiple of the block. */
export function paddedJson(value: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(value), 'utf8');
  const length = Math.ceil((json.length + 1) / PADDING_BLOCK) * PADDING_BLOCK;
  return Buffer.concat([json, Buffer.alloc(length - json.length, 0x20)]);
}
