import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import { leafHash } from '../merkle/merkle-tree';
import { isHexOfDigestAt } from './hex-compare';
import { scanEntryKey, type EntryKey } from './entry-key-scan';
import { readEntryLayout, type EntryLineLayout, type ProofBytes } from './entry-line-bytes';

/**
 * What an entry line in the exporter's exact layout says, once checked on its own: its entry member is a JSON object
 * with an id, a stream and a sequence, and its hash is SHA-256 of `prevHash ‖ the entry's bytes`. What the line
 * depends on only, so it can be worked out away from the verifier (in a worker thread); the verifier then places it in
 * its checkpoint's tree and its stream's chain.
 */
export interface CheckedEntry {
  checkpoint: number | null;
  leafIndex: number | null;
  /** The line's bytes, with its hash and previous hash as 64 hex digits at `hashAt` and `prevHashAt`. */
  bytes: Buffer;
  hashAt: number;
  prevHashAt: number;
  proof: ProofBytes | null;
  /** The Merkle leaf, `SHA-256(0x00 ‖ hash)`, when the entry is in a checkpoint (its memory may be reused later). */
  leaf: Buffer | null;
  /**
   * The subtrees this leaf completes with the leaves of the lines before it, lowest first, 32 bytes each, when they
   * were built with it ({@link LeafRun}): valid only if those lines' leaves are where their leaf indexes say.
   */
  merges: Buffer | null;
  id: string;
  stream: string;
  seq: number;
}

/** `prevHash ‖ entry bytes` of the line being hashed, reused from line to line. */
let hashInput = Buffer.allocUnsafe(4096);
const hashBytes = Buffer.allocUnsafe(32);
const HEX_VALUE = new Uint8Array(256);
for (let i = 0; i < 16; i += 1) HEX_VALUE['0123456789abcdef'.charCodeAt(i)] = i;

/**
 * The line `bytes[start, end)` checked from its bytes (its Merkle leaf too unless `withLeaf` is false), or null when it is not an entry line in the exporter's layout
 * or does not agree with its own hash (the verifier's parsed path then decides and names what is wrong).
 */
export function checkEntryLine(bytes: Buffer, start: number, end: number, withLeaf = true): CheckedEntry | null {
  const layout = readEntryLayout(bytes, start, end);
  const fields = layout && entryKeyOf(bytes, layout);
  if (!layout || !fields) return null;
  if (!isHexOfDigestAt(bytes, layout.hashAt, entryDigest(bytes, layout))) return null;
  return {
    checkpoint: layout.checkpoint,
    leafIndex: layout.leafIndex,
    bytes,
    hashAt: layout.hashAt,
    prevHashAt: layout.prevHashAt,
    proof: layout.proof,
    leaf: layout.checkpoint === null || !withLeaf ? null : leafOfHex(bytes, layout.hashAt),
    id: fields.id,
    stream: fields.stream,
    seq: fields.seq,
    merges: null,
  };
}

/** SHA-256 of `prevHash ‖ entry bytes` (as the parsed path computes it from the text), as a latin1 string. */
function entryDigest(bytes: Buffer, layout: EntryLineLayout): string {
  const length = 64 + layout.entryEnd - layout.entryAt;
  if (length > hashInput.length) hashInput = Buffer.allocUnsafe(length * 2);
  bytes.copy(hashInput, 0, layout.prevHashAt, layout.prevHashAt + 64);
  bytes.copy(hashInput, 64, layout.entryAt, layout.entryEnd);
  return hash('sha256', hashInput.subarray(0, length), 'binary');
}

/** The leaf of the 64 lowercase hex digits at `at` (checked as such by the layout). */
function leafOfHex(bytes: Buffer, at: number): Buffer {
  for (let i = 0; i < 32; i += 1) {
    hashBytes[i] = (HEX_VALUE[bytes[at + 2 * i]] << 4) | HEX_VALUE[bytes[at + 2 * i + 1]];
  }
  return leafHash(hashBytes);
}

/** The id, stream and sequence of a well-formed entry member (valid UTF-8, a JSON object with those types), else null. */
function entryKeyOf(bytes: Buffer, layout: EntryLineLayout): EntryKey | null {
  const member = bytes.subarray(layout.entryAt, layout.entryEnd);
  if (!isUtf8(member)) return null;
  return scanEntryKey(bytes, layout.entryAt, layout.entryEnd) ?? parseEntryKey(member);
}

function parseEntryKey(member: Buffer): EntryKey | null {
  let fields: Partial<EntryKey> | null;
  try {
    fields = JSON.parse(member.toString('utf8')) as Partial<EntryKey> | null;
  } catch {
    return null;
  }
  if (typeof fields?.id !== 'string' || typeof fields.stream !== 'string' || !Number.isInteger(fields.seq)) return null;
  return fields as EntryKey;
}
