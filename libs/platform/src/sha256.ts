import { createHash, type BinaryLike } from 'node:crypto';

/** SHA-256 as lower-case hex: how the platform records a value it must be able to recognise but not keep. */
export function sha256Hex(data: BinaryLike): string {
  return createHash('sha256').update(data).digest('hex');
}
