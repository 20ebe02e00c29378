import { ProofBytes } from './entry-line-bytes';
import { checkEntryLine, type CheckedEntry } from './entry-line-check';
import { LeafRun } from './leaf-run';
import { leafOfHexInto } from './tree-hash-into';

/**
 * A batch of lines with what {@link checkEntryLine} answered for each, as a worker thread posts it back: the lines'
 * buffer and the results' buffer (both transferred, not copied, and both used again for later batches: memory the
 * process has not touched yet costs more to read than to check), and the strings in an array.
 */
export interface CheckedBatchMessage {
  /** The lines are `buffer[begin, end)`. */
  buffer: ArrayBuffer;
  begin: number;
  end: number;
  count: number;
  /**
   * {@link FIELDS} numbers per line (-1 for null), then 32 bytes per line, the Merkle leaf of a checked entry in a
   * checkpoint, then the subtrees the leaves complete ({@link LeafRun}), 32 bytes each, fewer than the lines.
   */
  results: ArrayBuffer;
  /** id and stream of each checked entry, in line order (from its line's TEXT_AT). */
  texts: string[];
}

const NEWLINE = 0x0a;
const FIELDS = 13;
const [START, END, TEXT_AT, CHECKPOINT, LEAF_INDEX, PROOF_AT, PROOF_LENGTH, SEQ] = [0, 1, 2, 3, 4, 5, 6, 7];
const [HASH_AT, PREV_HASH_AT, MERGES_AT, MERGES, SAME_TAIL] = [8, 9, 10, 11, 12];
const BYTES_PER_LINE = FIELDS * 8 + 32 + 32;

/** The sections of a results buffer for `count` lines: the numbers, then the hashes (leaves, then subtrees). */
function sections(results: ArrayBuffer, count: number): { numbers: Float64Array; hashes: Buffer } {
  return {
    numbers: new Float64Array(results, 0, count * FIELDS),
    hashes: Buffer.from(results, count * FIELDS * 8, count * 64),
  };
}

/**
 * Splits `buffer[begin, end)` into lines (as the verifier reads a file) and checks each: the worker's part. The
 * results go to `spare` when it is large enough (a results buffer given back).
 */
export function checkBatch(buffer: ArrayBuffer, begin: number, end: number, spare?: ArrayBuffer): CheckedBatchMessage {
  const bytes = Buffer.from(buffer, 0, end);
  const ends: number[] = [];
  for (let at = bytes.indexOf(NEWLINE, begin); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) ends.push(at);
  if (end > begin && bytes[end - 1] !== NEWLINE) ends.push(end);
  const needed = ends.length * BYTES_PER_LINE;
  const results = spare && spare.byteLength >= needed ? spare : new ArrayBuffer(Math.ceil(needed * 1.25));
  const { numbers, hashes } = sections(results, ends.length);
  const run = new LeafRun(hashes);
  let subtreesAt = ends.length * 32;
  const texts: string[] = [];
  let previous: CheckedEntry | null = null;
  for (let i = 0, start = begin; i < ends.length; start = ends[i] + 1, i += 1) {
    const at = i * FIELDS;
    numbers[at + START] = start;
    numbers[at + END] = ends[i];
    const entry = checkEntryLine(bytes, start, ends[i], false);
    numbers[at + TEXT_AT] = entry ? texts.length : -1;
    numbers[at + MERGES] = 0;
    if (!entry || entry.checkpoint === null) run.break();
    numbers[at + SAME_TAIL] = entry && previous ? sameTail(previous, entry) : -1;
    previous = entry;
    if (!entry) continue;
    if (entry.checkpoint !== null) {
      leafOfHexInto(bytes, entry.hashAt, hashes, i * 32);
      const merges = run.add(entry.checkpoint, entry.leafIndex ?? -1, i * 32, subtreesAt);
      numbers[at + MERGES_AT] = subtreesAt;
      numbers[at + MERGES] = merges;
      subtreesAt += 32 * merges;
    }
    numbers[at + CHECKPOINT] = entry.checkpoint ?? -1;
    numbers[at + LEAF_INDEX] = entry.leafIndex ?? -1;
    numbers[at + PROOF_AT] = entry.proof?.start ?? -1;
    numbers[at + PROOF_LENGTH] = entry.proof?.length ?? -1;
    numbers[at + SEQ] = entry.seq;
    numbers[at + HASH_AT] = entry.hashAt;
    numbers[at + PREV_HASH_AT] = entry.prevHashAt;
    texts.push(entry.id, entry.stream);
  }
  return { buffer, begin, end, count: ends.length, results, texts };
}

/**
 * The main thread's view of a {@link CheckedBatchMessage}: each line's bytes and checked entry, in order; valid
 * until its buffers are given back for another batch ({@link spare}, {@link spareResults}), which is not before the
 * next batch has been read (the proofs' bytes are kept till the next line).
 */
export class CheckedBatch {
  readonly bytes: Buffer;
  private readonly numbers: Float64Array;
  private readonly hashes: Buffer;

  constructor(private readonly message: CheckedBatchMessage) {
    this.bytes = Buffer.from(message.buffer, 0, message.end);
    ({ numbers: this.numbers, hashes: this.hashes } = sections(message.results, message.count));
  }

  get count(): number {
    return this.message.count;
  }

  start(line: number): number {
    return this.numbers[line * FIELDS + START];
  }

  end(line: number): number {
    return this.numbers[line * FIELDS + END];
  }

  /** The checked entry of `line`, or null. */
  entry(line: number): CheckedEntry | null {
    const { numbers, hashes } = this;
    const at = line * FIELDS;
    const text = numbers[at + TEXT_AT];
    if (text < 0) return null;
    const checkpoint = orNull(numbers[at + CHECKPOINT]);
    const proofLength = numbers[at + PROOF_LENGTH];
    const merges = numbers[at + MERGES];
    const mergesAt = numbers[at + MERGES_AT];
    return {
      checkpoint,
      leafIndex: orNull(numbers[at + LEAF_INDEX]),
      id: this.message.texts[text],
      stream: this.message.texts[text + 1],
      seq: numbers[at + SEQ],
      bytes: this.bytes,
      hashAt: numbers[at + HASH_AT],
      prevHashAt: numbers[at + PREV_HASH_AT],
      proof:
        proofLength < 0
          ? null
          : new ProofBytes(this.bytes, numbers[at + PROOF_AT], proofLength, numbers[at + SAME_TAIL], true),
      leaf: checkpoint === null ? null : hashes.subarray(line * 32, line * 32 + 32),
      merges: merges > 0 ? hashes.subarray(mergesAt, mergesAt + 32 * merges) : null,
    };
  }

  /** The lines' buffer, to read another batch into once this one is done with. */
  get spare(): ArrayBuffer {
    return this.message.buffer;
  }

  /** The results' buffer, for another batch's results once this one is done with. */
  get spareResults(): ArrayBuffer {
    return this.message.results;
  }
}

const orNull = (value: number): number | null => (value < 0 ? null : value);

/** {@link ProofBytes.sameTailAs} when `entry` is the leaf after `previous`'s, in the same checkpoint; else -1. */
function sameTail(previous: CheckedEntry, entry: CheckedEntry): number {
  const { checkpoint, leafIndex, proof } = entry;
  if (checkpoint === null || checkpoint !== previous.checkpoint || !leafIndex || !proof || !previous.proof) return -1;
  return previous.leafIndex === leafIndex - 1 ? proof.sameTailAs(previous.proof, leafIndex) : -1;
}
