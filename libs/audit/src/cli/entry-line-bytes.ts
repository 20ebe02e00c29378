import { isHexAt, isTextAt } from './hex-compare';

/**
 * An entry line read straight from its bytes, when it has exactly the layout the exporter writes
 * (`JSON.stringify` of type, checkpoint, leafIndex, hash, prevHash, proof, then `,"entry":` and the canonical entry):
 *
 *   {"type":"entry","checkpoint":3,"leafIndex":17,"hash":"<64 hex>","prevHash":"<64 hex>","proof":["<64 hex>",…],"entry":{…}}
 *
 * Anything else (other spacing, escapes, another key order, a malformed value) is not read here: the verifier then
 * parses the line with `JSON.parse`, which names what is wrong. Reading the bytes spares the parse of the proof
 * (two thirds of a line) and the decoding of the line into a string.
 */
export interface EntryLineLayout {
  checkpoint: number | null;
  leafIndex: number | null;
  /** Offsets of the 64 hex digits of `hash` and `prevHash`. */
  hashAt: number;
  prevHashAt: number;
  proof: ProofBytes | null;
  /** The `entry` member's bytes: `[entryAt, entryEnd)`, followed by the line's closing brace. */
  entryAt: number;
  entryEnd: number;
}

const ascii = (text: string) => Buffer.from(text, 'latin1');
const TYPE = ascii('{"type":"entry","checkpoint":');
const LEAF_INDEX = ascii(',"leafIndex":');
const HASH = ascii(',"hash":"');
const PREV_HASH = ascii('","prevHash":"');
const PROOF = ascii('","proof":');
const ENTRY = ascii(',"entry":');
const NULL = ascii('null');
const QUOTE = 0x22;
const COMMA = 0x2c;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

const IS_LOWER_HEX = new Uint8Array(256);
for (const digit of '0123456789abcdef') IS_LOWER_HEX[digit.charCodeAt(0)] = 1;

/** Whether `bytes[at, at + 64)` are 64 lowercase hex digits. */
export function isHex64(bytes: Buffer, at: number, end = bytes.length): boolean {
  if (at < 0 || at + 64 > end) return false;
  for (let i = at; i < at + 64; i += 1) if (IS_LOWER_HEX[bytes[i]] === 0) return false;
  return true;
}

/**
 * The proof's hashes in the line's bytes: `"` + 64 bytes + `"` and a separator each, the first quote at `start`.
 * Only the layout is checked here; each hash is compared with what the tree knows, or checked as hex
 * ({@link isHex}) before it is believed.
 */
export class ProofBytes {
  static readonly STRIDE = 67;

  /**
   * `sameTail`: how many of its last hashes are known to be byte for byte those of the line before, if that line is
   * the previous leaf ({@link sameTailAs}; -1: not known). `kept`: whether the bytes stay as they are until the next
   * line has been read (else they are copied to be compared with the next line's).
   */
  constructor(
    readonly bytes: Buffer,
    readonly start: number,
    readonly length: number,
    readonly sameTail = -1,
    readonly kept = false,
  ) {}

  /** Whether hash `i` is `hash` (32 bytes) in lowercase hex. */
  isHexOf(i: number, hash: Uint8Array): boolean {
    return isHexAt(this.bytes, this.start + i * ProofBytes.STRIDE + 1, hash);
  }

  /** Whether hash `i` is exactly `text`. */
  isText(i: number, text: string): boolean {
    return isTextAt(this.bytes, this.start + i * ProofBytes.STRIDE + 1, text);
  }

  isHex(i: number): boolean {
    return isHex64(this.bytes, this.start + i * ProofBytes.STRIDE + 1);
  }

  /**
   * Whether the last `count` hashes are byte for byte those of `previous`, a proof of `previousLength` hashes at
   * `previousStart`.
   */
  endsLike(previous: Buffer, previousStart: number, previousLength: number, count: number): boolean {
    const size = count * ProofBytes.STRIDE - 1;
    const at = this.start + (this.length - count) * ProofBytes.STRIDE;
    const from = previousStart + (previousLength - count) * ProofBytes.STRIDE;
    return this.bytes.compare(previous, from, from + size, at, at + size) === 0;
  }

  /**
   * How many last hashes this proof of leaf `index` (index > 0) shares byte for byte with `previous`, leaf
   * `index - 1`'s: the audit paths of consecutive leaves name the same subtrees above the highest bit where their
   * indexes differ, that is all but the lowest `level + 1` hashes (a few more at the tree's right edge, which only the
   * tree's size tells: the verifier compares those itself). -1 when they differ, or when there are none.
   */
  sameTailAs(previous: ProofBytes, index: number): number {
    const level = 31 - Math.clz32(index ^ (index - 1));
    const count = this.length - (level + 1);
    if (count <= 0 || count > previous.length) return -1;
    return this.endsLike(previous.bytes, previous.start, previous.length, count) ? count : -1;
  }

  /** Copies the proof's bytes to `target` (or to a larger buffer, answered). */
  copyTo(target: Buffer): Buffer {
    const size = this.length * ProofBytes.STRIDE;
    const into = target.length >= size ? target : Buffer.allocUnsafe(size * 2);
    this.bytes.copy(into, 0, this.start, this.start + size);
    return into;
  }

  text(i: number): string {
    const at = this.start + i * ProofBytes.STRIDE + 1;
    return this.bytes.toString('latin1', at, at + 64);
  }
}

/** The layout of the line `bytes[start, end)`, or null when it is not exactly the exporter's. */
export function readEntryLayout(bytes: Buffer, start: number, end: number): EntryLineLayout | null {
  const checkpoint = readCount(bytes, expect(bytes, start, end, TYPE), end);
  if (!checkpoint) return null;
  const leafIndex = readCount(bytes, expect(bytes, checkpoint.end, end, LEAF_INDEX), end);
  if (!leafIndex) return null;
  const hashAt = expect(bytes, leafIndex.end, end, HASH);
  if (!isHex64(bytes, hashAt, end)) return null;
  const prevHashAt = expect(bytes, hashAt + 64, end, PREV_HASH);
  if (!isHex64(bytes, prevHashAt, end)) return null;
  const proof = readProof(bytes, expect(bytes, prevHashAt + 64, end, PROOF), end);
  if (!proof) return null;
  const entryAt = expect(bytes, proof.end, end, ENTRY);
  if (entryAt < 0 || end - 1 <= entryAt || bytes[end - 1] !== CLOSE_BRACE) return null;
  return {
    checkpoint: checkpoint.value,
    leafIndex: leafIndex.value,
    hashAt,
    prevHashAt,
    proof: proof.value,
    entryAt,
    entryEnd: end - 1,
  };
}

/** Where `literal` ends if it is at `at`, else -1. */
function expect(bytes: Buffer, at: number, end: number, literal: Buffer): number {
  if (at < 0 || at + literal.length > end) return -1;
  for (let i = 0; i < literal.length; i += 1) if (bytes[at + i] !== literal[i]) return -1; // shorter than a native call
  return at + literal.length;
}

/** `null`, or a non-negative integer as JSON.stringify writes it (no sign, no leading zero, no fraction). */
function readCount(bytes: Buffer, at: number, end: number): { value: number | null; end: number } | null {
  if (at < 0) return null;
  const afterNull = expect(bytes, at, end, NULL);
  if (afterNull >= 0) return { value: null, end: afterNull };
  let value = 0;
  let i = at;
  for (; i < end && bytes[i] >= 0x30 && bytes[i] <= 0x39 && i - at < 15; i += 1) {
    value = value * 10 + (bytes[i] - 0x30);
  }
  if (i === at || (bytes[at] === 0x30 && i > at + 1)) return null;
  return { value, end: i };
}

/** `null`, or `[` then quoted 64-byte strings separated by commas, then `]`. */
function readProof(bytes: Buffer, at: number, end: number): { value: ProofBytes | null; end: number } | null {
  if (at < 0) return null;
  const afterNull = expect(bytes, at, end, NULL);
  if (afterNull >= 0) return { value: null, end: afterNull };
  if (at + 2 > end || bytes[at] !== 0x5b) return null;
  if (bytes[at + 1] === CLOSE_BRACKET) return { value: new ProofBytes(bytes, at + 1, 0), end: at + 2 };
  let count = 0;
  for (let i = at + 1; i + ProofBytes.STRIDE <= end; i += ProofBytes.STRIDE) {
    if (bytes[i] !== QUOTE || bytes[i + 65] !== QUOTE) return null;
    count += 1;
    const separator = bytes[i + 66];
    if (separator === CLOSE_BRACKET) return { value: new ProofBytes(bytes, at + 1, count), end: i + 67 };
    if (separator !== COMMA) return null;
  }
  return null;
}
