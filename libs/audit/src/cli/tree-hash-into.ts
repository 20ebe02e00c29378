import { hash } from 'node:crypto';

/**
 * RFC 6962 leaf and node hashes (as merkle-tree.ts makes them), written straight into a buffer: a worker makes about
 * two per entry, and a new buffer per hash would cost as much as the hash.
 */
const input = Buffer.allocUnsafe(65);
const leafInput = input.subarray(0, 33);
const HEX_VALUE = new Uint8Array(256);
for (let i = 0; i < 16; i += 1) HEX_VALUE['0123456789abcdef'.charCodeAt(i)] = i;

/** `SHA-256(0x00 ‖ the 32 bytes of the 64 lowercase hex digits at bytes[at])`, to `target` at `targetAt`. */
export function leafOfHexInto(bytes: Uint8Array, at: number, target: Buffer, targetAt: number): void {
  input[0] = 0x00;
  for (let i = 0; i < 32; i += 1) input[1 + i] = (HEX_VALUE[bytes[at + 2 * i]] << 4) | HEX_VALUE[bytes[at + 2 * i + 1]];
  target.write(hash('sha256', leafInput, 'binary'), targetAt, 32, 'latin1');
}

/** `SHA-256(0x01 ‖ left ‖ right)` of the 32 bytes at `leftAt` and at `rightAt` of `bytes`, to `bytes` at `targetAt`. */
export function nodeHashInto(bytes: Buffer, leftAt: number, rightAt: number, targetAt: number): void {
  input[0] = 0x01;
  for (let i = 0; i < 32; i += 1) {
    input[1 + i] = bytes[leftAt + i];
    input[33 + i] = bytes[rightAt + i];
  }
  bytes.write(hash('sha256', input, 'binary'), targetAt, 32, 'latin1');
}
