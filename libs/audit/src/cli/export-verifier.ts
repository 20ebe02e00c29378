import { isUtf8 } from 'node:buffer';
import { hash, type KeyObject } from 'node:crypto';
import { GENESIS_HASH } from '../audit-hash';
import { checkSignedCheckpoint } from '../checkpoints/checkpoint-statement';
import { EXPORT_FORMAT, type ExportCheckpoint, type ExportEntry } from '../export/export-format';
import { leafHash, verifyInclusion } from '../merkle/merkle-tree';
import { keyIdOf } from '../signing/signing-key';
import { readEntryLayout, type EntryLineLayout } from './entry-line-bytes';
import { CompleteTreeCheck, type Claimant } from './proof-claims';

export interface VerificationFailure {
  /** 1-based line of the export. */
  line: number;
  reason: string;
  entryId?: string;
  stream?: string;
  seq?: number;
  checkpoint?: number;
}

export interface VerificationReport {
  ok: boolean;
  entries: number;
  checkpoints: number;
  /** Entries after the last checkpoint: checked by their chains only. */
  uncheckpointed: number;
  streams: number;
  failure: VerificationFailure | null;
}

interface OpenCheckpoint {
  line: number;
  checkpoint: ExportCheckpoint;
  complete: CompleteTreeCheck | null;
  lastLeaf: number;
  leaves: number;
}

interface Waiting {
  prevHash: string;
  hash: string;
  line: number;
  id: string;
}

/** What the chain and the failures need of an entry's fields. */
interface EntryKey {
  id: string;
  stream: string;
  seq: number;
}

interface StreamState {
  next: number;
  lastHash: string;
  waiting: Map<number, Waiting>;
}

const HEX64 = /^[0-9a-f]{64}$/;
const ENTRY_KEY_COUNT = 7; // type, checkpoint, leafIndex, hash, prevHash, proof, entry: each then checked
const CHECKPOINT_KEYS = 'type,format,seq,xidFrom,xidTo,treeSize,rootHash,previousHash,createdAt,keyId,hash,signature';
const ENTRY_MARK = ',"entry":';

class Failed extends Error {
  constructor(readonly failure: VerificationFailure) {
    super(failure.reason);
  }
}

/**
 * Verifies an export line by line, in one pass and bounded memory: each entry's hash from its own bytes, each
 * stream's chain (in any order across checkpoints), each checkpoint's signature, link, size and Merkle root, and
 * each inclusion proof. Stops at the first failure and names it.
 */
export class ExportVerifier {
  private readonly keyId: string;
  private lineNumber = 0;
  private scope: 'all' | 'partial' | null = null;
  private open: OpenCheckpoint | null = null;
  private last: ExportCheckpoint | null = null;
  private tail = false;
  private tailPosition: { stream: string; seq: number } | null = null;
  private ended = false;
  private entries = 0;
  private checkpoints = 0;
  private uncheckpointed = 0;
  private readonly streams = new Map<string, StreamState>();
  private failure: VerificationFailure | null = null;
  /** `prevHash ‖ entry bytes` of the line being hashed, reused from line to line. */
  private hashInput = Buffer.allocUnsafe(4096);

  /**
   * `parsedOnly`: every line through `JSON.parse`, never from its bytes (the reference the byte path is tested
   * against; slower).
   */
  constructor(
    private readonly publicKey: KeyObject,
    private readonly options: { parsedOnly?: boolean } = {},
  ) {
    this.keyId = keyIdOf(publicKey);
  }

  /** Feeds the next line; false once verification has failed (the rest need not be read). */
  push(text: string): boolean {
    const bytes = Buffer.from(text);
    return this.pushBytes(bytes, 0, bytes.length, text);
  }

  /**
   * Feeds the next line as the bytes `[start, end)` of `bytes` (UTF-8, without its newline). An entry line in the
   * exporter's exact layout is checked from its bytes; any other line, or one whose check does not pass there, is
   * decoded and parsed, and the parsed path decides and names what is wrong.
   */
  pushBytes(bytes: Buffer, start: number, end: number, text?: string): boolean {
    if (this.failure) return false;
    this.lineNumber += 1;
    try {
      if (this.ended || this.options.parsedOnly || !this.readEntryBytes(bytes, start, end)) {
        this.read(text ?? bytes.toString('utf8', start, end));
      }
    } catch (error) {
      if (!(error instanceof Failed)) throw error;
      this.failure = error.failure;
    }
    return this.failure === null;
  }

  finish(): VerificationReport {
    if (!this.failure) {
      try {
        if (!this.ended) this.fail(this.lineNumber + 1, 'the export is cut off: it has no end line');
        this.checkStreamsComplete();
      } catch (error) {
        if (!(error instanceof Failed)) throw error;
        this.failure = error.failure;
      }
    }
    return {
      ok: this.failure === null,
      entries: this.entries,
      checkpoints: this.checkpoints,
      uncheckpointed: this.uncheckpointed,
      streams: this.streams.size,
      failure: this.failure,
    };
  }

  private read(text: string): void {
    if (this.ended) this.fail(this.lineNumber, 'a line follows the end line');
    if (text.charCodeAt(0) === 123 && text.startsWith('{"type":"entry"')) return this.readEntry(text);
    const line = this.parse(text) as { type?: unknown };
    if (this.scope === null && line.type !== 'header')
      this.fail(this.lineNumber, 'the export does not start with a header');
    if (line.type === 'header') return this.readHeader(line as { format?: unknown; scope?: unknown });
    if (line.type === 'checkpoint') return this.readCheckpoint(line as ExportCheckpoint);
    if (line.type === 'end') return this.readEnd(line as { entries?: unknown; checkpoints?: unknown });
    this.fail(this.lineNumber, `unknown line type ${JSON.stringify(line.type)}`);
  }

  private readHeader(header: { format?: unknown; scope?: unknown }): void {
    if (this.scope !== null) this.fail(this.lineNumber, 'a second header');
    if (header.format !== EXPORT_FORMAT) this.fail(this.lineNumber, `not a ${EXPORT_FORMAT} export`);
    if (header.scope !== 'all' && header.scope !== 'partial')
      this.fail(this.lineNumber, 'the header has no valid scope');
    this.scope = header.scope;
  }

  private readCheckpoint(checkpoint: ExportCheckpoint): void {
    const where = { checkpoint: Number(checkpoint.seq) };
    if (this.tail) this.fail(this.lineNumber, 'a checkpoint after entries no checkpoint covers', where);
    this.closeCheckpoint();
    const expectedSeq = (this.last?.seq ?? 0) + 1;
    if (checkpoint.seq !== expectedSeq) this.fail(this.lineNumber, `checkpoint ${expectedSeq} is missing`, where);
    if (checkpoint.previousHash !== (this.last?.hash ?? GENESIS_HASH)) {
      this.fail(this.lineNumber, 'the checkpoint does not link to the previous one', where);
    }
    if (this.last && checkpoint.xidFrom !== this.last.xidTo) {
      this.fail(this.lineNumber, 'the checkpoint does not start where the previous one ended', where);
    }
    if (!Number.isInteger(checkpoint.treeSize) || checkpoint.treeSize < 1 || !HEX64.test(String(checkpoint.rootHash))) {
      this.fail(this.lineNumber, 'the checkpoint has no valid size or root', where);
    }
    if (Object.keys(checkpoint).join(',') !== CHECKPOINT_KEYS)
      this.fail(this.lineNumber, 'malformed checkpoint line', where);
    if (checkpoint.keyId !== this.keyId) this.fail(this.lineNumber, 'the checkpoint was signed by another key', where);
    const wrong = checkSignedCheckpoint(checkpoint, this.publicKey);
    if (wrong) this.fail(this.lineNumber, `the checkpoint's ${wrong} does not match its content`, where);
    this.checkpoints += 1;
    this.open = {
      line: this.lineNumber,
      checkpoint,
      complete: this.scope === 'all' ? new CompleteTreeCheck(checkpoint.treeSize) : null,
      lastLeaf: -1,
      leaves: 0,
    };
  }

  /**
   * An entry line in the exporter's layout, checked from its bytes: the hash over `prevHash ‖ entry bytes`, the
   * leaf in a checkpoint whose every leaf is in the export (or the tail), the chain. Answers false, having changed
   * nothing, whenever the parsed path must decide (another layout, a hash or proof that does not agree, a partial
   * export's inclusion proof): a line is never accepted here that {@link readEntry} would refuse.
   */
  private readEntryBytes(bytes: Buffer, start: number, end: number): boolean {
    const layout = readEntryLayout(bytes, start, end);
    const fields = layout && entryKeyOf(bytes, layout);
    if (!layout || !fields) return false;
    const hashHex = bytes.toString('latin1', layout.hashAt, layout.hashAt + 64);
    if (this.entryHash(bytes, layout) !== hashHex) return false;
    const where = { entryId: fields.id, stream: fields.stream, seq: fields.seq };
    if (layout.checkpoint === null) {
      if (layout.leafIndex !== null || layout.proof !== null) return false;
      this.entries += 1;
      this.placeInTail(fields, where);
    } else {
      const open = this.open;
      const complete = open?.complete;
      if (!complete || layout.checkpoint !== open.checkpoint.seq || layout.leafIndex !== complete.size) return false;
      const claimant = { line: this.lineNumber, entryId: fields.id };
      if (!layout.proof || !complete.addAgreeing(Buffer.from(hashHex, 'hex'), layout.proof, claimant)) return false;
      open.leaves += 1;
      this.entries += 1;
    }
    const prevHash = bytes.toString('latin1', layout.prevHashAt, layout.prevHashAt + 64);
    this.chain(fields.stream, fields.seq, { prevHash, hash: hashHex, line: this.lineNumber, id: fields.id });
    return true;
  }

  /** SHA-256 of `prevHash ‖ entry bytes` in hex, as {@link readEntry} computes it from the text. */
  private entryHash(bytes: Buffer, layout: EntryLineLayout): string {
    const length = 64 + layout.entryEnd - layout.entryAt;
    if (length > this.hashInput.length) this.hashInput = Buffer.allocUnsafe(length * 2);
    bytes.copy(this.hashInput, 0, layout.prevHashAt, layout.prevHashAt + 64);
    bytes.copy(this.hashInput, 64, layout.entryAt, layout.entryEnd);
    return hash('sha256', this.hashInput.subarray(0, length), 'hex');
  }

  private readEntry(text: string): void {
    const line = this.parse(text) as ExportEntry;
    const raw = canonicalEntryBytes(text);
    const fields = line.entry;
    const where = { entryId: String(fields?.id), stream: String(fields?.stream), seq: Number(fields?.seq) };
    if (raw === null || typeof fields !== 'object' || fields === null || keyCount(line) !== ENTRY_KEY_COUNT) {
      this.fail(this.lineNumber, 'malformed entry line', where);
    }
    // A hash that matches is well-formed; a malformed previous hash then fails its chain link.
    const computed = hash('sha256', `${String(line.prevHash)}${raw as string}`);
    if (computed !== line.hash) this.fail(this.lineNumber, 'the entry does not match its hash (altered)', where);
    this.entries += 1;
    this.placeInTree(line, where);
    this.chain(fields.stream, fields.seq, {
      prevHash: line.prevHash,
      hash: line.hash,
      line: this.lineNumber,
      id: fields.id,
    });
  }

  private placeInTree(line: ExportEntry, where: Omit<VerificationFailure, 'line' | 'reason'>): void {
    if (line.checkpoint === null) {
      if (line.leafIndex !== null || line.proof !== null) this.fail(this.lineNumber, 'malformed entry line', where);
      return this.placeInTail(line.entry, where);
    }
    const open = this.open;
    if (!open || line.checkpoint !== open.checkpoint.seq) {
      this.fail(this.lineNumber, 'the entry is not under its checkpoint (moved or reordered)', where);
    }
    const { checkpoint } = open as OpenCheckpoint;
    const index = line.leafIndex;
    const entryHash = Buffer.from(line.hash, 'hex');
    if (!Array.isArray(line.proof) || !line.proof.every((hash) => typeof hash === 'string')) {
      this.fail(this.lineNumber, 'the entry has no proof', where);
    }
    const proof = line.proof as string[];
    if (open?.complete) {
      if (index !== open.complete.size) {
        this.fail(
          this.lineNumber,
          `expected leaf ${open.complete.size} of checkpoint ${checkpoint.seq} here, found ${index} (reordered or missing)`,
          where,
        );
      }
      const claimant: Claimant = { line: this.lineNumber, entryId: where.entryId as string };
      const wrong = open.complete.add(entryHash, proof, claimant);
      if (wrong) this.fail(this.lineNumber, `the entry's inclusion proof is wrong: ${wrong}`, where);
    } else {
      if (typeof index !== 'number' || index <= (open as OpenCheckpoint).lastLeaf || index >= checkpoint.treeSize) {
        this.fail(this.lineNumber, 'the entry is out of leaf order (reordered)', where);
      }
      const path = proof.map((hash) => Buffer.from(hash, 'hex'));
      const root = Buffer.from(checkpoint.rootHash, 'hex');
      if (!verifyInclusion(index as number, checkpoint.treeSize, leafHash(entryHash), path, root)) {
        this.fail(
          this.lineNumber,
          `the entry's inclusion proof does not lead to checkpoint ${checkpoint.seq}'s root`,
          where,
        );
      }
      (open as OpenCheckpoint).lastLeaf = index as number;
    }
    (open as OpenCheckpoint).leaves += 1;
  }

  private placeInTail(entry: EntryKey, where: Omit<VerificationFailure, 'line' | 'reason'>): void {
    this.closeCheckpoint();
    this.checkTailOrder(entry, where);
    this.tail = true;
    this.uncheckpointed += 1;
  }

  /** No checkpoint orders the entries after the last one: the export lists them by stream, then sequence. */
  private checkTailOrder(entry: EntryKey, where: Omit<VerificationFailure, 'line' | 'reason'>): void {
    const previous = this.tailPosition;
    if (
      previous &&
      (entry.stream < previous.stream || (entry.stream === previous.stream && entry.seq <= previous.seq))
    ) {
      this.fail(this.lineNumber, 'the entries after the last checkpoint are out of order (reordered)', where);
    }
    this.tailPosition = { stream: entry.stream, seq: entry.seq };
  }

  /** Links an entry into its stream's chain; entries may come out of sequence order across checkpoints. */
  private chain(stream: string, seq: number, entry: Waiting): void {
    let state = this.streams.get(stream);
    if (!state) this.streams.set(stream, (state = { next: 1, lastHash: GENESIS_HASH, waiting: new Map() }));
    if (seq === state.next && state.waiting.size === 0) {
      // the usual case, in order: the loop below without the map
      if (entry.prevHash !== state.lastHash) {
        this.fail(entry.line, 'the entry does not link to the previous entry of its stream', {
          entryId: entry.id,
          stream,
          seq,
        });
      }
      state.lastHash = entry.hash;
      state.next += 1;
      return;
    }
    if (!Number.isInteger(seq) || seq < state.next || state.waiting.has(seq)) {
      this.fail(entry.line, `a second entry ${seq} of stream ${stream}`, { entryId: entry.id, stream, seq });
    }
    state.waiting.set(seq, entry);
    for (let next = state.waiting.get(state.next); next; next = state.waiting.get(state.next)) {
      if (next.prevHash !== state.lastHash) {
        this.fail(next.line, 'the entry does not link to the previous entry of its stream', {
          entryId: next.id,
          stream,
          seq: state.next,
        });
      }
      state.waiting.delete(state.next);
      state.lastHash = next.hash;
      state.next += 1;
    }
  }

  private closeCheckpoint(): void {
    const open = this.open;
    if (!open) return;
    this.open = null;
    this.last = open.checkpoint;
    const where = { checkpoint: open.checkpoint.seq };
    if (!open.complete) return;
    if (open.leaves !== open.checkpoint.treeSize) {
      this.fail(
        open.line,
        `checkpoint ${open.checkpoint.seq} covers ${open.checkpoint.treeSize} entries, the export has ${open.leaves} (dropped or added)`,
        where,
      );
    }
    const { root, wrongProof } = open.complete.finish();
    if (root.toString('hex') !== open.checkpoint.rootHash) {
      this.fail(open.line, `the entries of checkpoint ${open.checkpoint.seq} do not make its signed root`, where);
    }
    if (wrongProof) {
      this.fail(wrongProof.line, "the entry's inclusion proof is wrong", { ...where, entryId: wrongProof.entryId });
    }
  }

  private readEnd(end: { entries?: unknown; checkpoints?: unknown }): void {
    this.closeCheckpoint();
    if (end.entries !== this.entries || end.checkpoints !== this.checkpoints) {
      this.fail(
        this.lineNumber,
        `the end line counts ${String(end.entries)} entries and ${String(end.checkpoints)} checkpoints, the export has ${this.entries} and ${this.checkpoints}`,
      );
    }
    this.ended = true;
  }

  /** A stream still waiting for an entry lost it (dropped), unless the export was cut. */
  private checkStreamsComplete(): void {
    let first: VerificationFailure | null = null;
    for (const [stream, state] of this.streams) {
      for (const [seq, waiting] of state.waiting) {
        if (!first || waiting.line < first.line) {
          first = {
            line: waiting.line,
            reason: `entry ${state.next} of stream ${stream} is missing before this one (dropped)`,
            entryId: waiting.id,
            stream,
            seq,
          };
        }
      }
    }
    if (first) throw new Failed(first);
  }

  private parse(text: string): unknown {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
    } catch {
      // reported below
    }
    return this.fail(this.lineNumber, 'not a JSON object');
  }

  private fail(line: number, reason: string, where: Omit<VerificationFailure, 'line' | 'reason'> = {}): never {
    throw new Failed({ line, reason, ...where });
  }
}

function keyCount(object: object): number {
  let count = 0;
  for (const key in object) if (Object.hasOwn(object, key)) count += 1;
  return count;
}

/** The id, stream and sequence of a well-formed entry member (valid UTF-8, a JSON object with those types), else null. */
function entryKeyOf(bytes: Buffer, layout: EntryLineLayout): EntryKey | null {
  const member = bytes.subarray(layout.entryAt, layout.entryEnd);
  if (!isUtf8(member)) return null;
  let fields: Partial<EntryKey> | null;
  try {
    fields = JSON.parse(member.toString('utf8')) as Partial<EntryKey> | null;
  } catch {
    return null;
  }
  if (typeof fields?.id !== 'string' || typeof fields.stream !== 'string' || !Number.isInteger(fields.seq)) return null;
  return fields as EntryKey;
}

/** The bytes of the `entry` member, which the exporter writes last and canonical. */
function canonicalEntryBytes(text: string): string | null {
  const at = text.indexOf(ENTRY_MARK);
  if (at < 0 || !text.endsWith('}')) return null;
  return text.slice(at + ENTRY_MARK.length, -1);
}
