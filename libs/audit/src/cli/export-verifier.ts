import { hash, type KeyObject } from 'node:crypto';
import { GENESIS_HASH } from '../audit-hash';
import { checkSignedCheckpoint } from '../checkpoints/checkpoint-statement';
import { EXPORT_FORMAT, type ExportCheckpoint, type ExportEntry, type ExportWithheld } from '../export/export-format';
import { leafHash, verifyInclusion } from '../merkle/merkle-tree';
import { keyIdOf } from '../signing/signing-key';
import type { EntryKey } from './entry-key-scan';
import { checkEntryLine, type CheckedEntry } from './entry-line-check';
import { CompleteTreeCheck, type Claimant } from './proof-claims';
import { StreamChains } from './stream-chains';
import type { WitnessReport } from './witness-check';

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
  /** Seq of the last checkpoint read (null: none). */
  lastCheckpoint: number | null;
  streams: number;
  /** Streams that begin after entries withheld from the reader (another agency's internal phase). */
  withheldStreams: number;
  failure: VerificationFailure | null;
  /** With a witness: how the export's checkpoints compare with it. */
  witness?: WitnessReport;
}

/** A checkpoint of the export as read: what a witness is compared with. */
export interface CheckpointRead {
  line: number;
  seq: number;
  rootHash: string;
  hash: string;
}

interface OpenCheckpoint {
  line: number;
  checkpoint: ExportCheckpoint;
  complete: CompleteTreeCheck | null;
  lastLeaf: number;
  leaves: number;
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
  private withheldStreams = 0;
  private readonly chains = new StreamChains();
  /** Every checkpoint read, in order (a few per day of trail: small next to the entries). */
  readonly checkpointsRead: CheckpointRead[] = [];
  private failure: VerificationFailure | null = null;

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
    return this.feed(undefined, bytes, start, end, text);
  }

  /**
   * The same with what {@link checkEntryLine} answered for the line, elsewhere (a worker thread): null when it is not
   * an entry line that agrees with its own hash.
   */
  pushChecked(entry: CheckedEntry | null, bytes: Buffer, start: number, end: number): boolean {
    return this.feed(entry, bytes, start, end);
  }

  /** `checked`: the line's {@link checkEntryLine}, or undefined to work it out here. */
  private feed(
    checked: CheckedEntry | null | undefined,
    bytes: Buffer,
    start: number,
    end: number,
    text?: string,
  ): boolean {
    if (this.failure) return false;
    this.lineNumber += 1;
    try {
      const fromBytes = !this.ended && !this.options.parsedOnly;
      const entry = fromBytes && checked === undefined ? checkEntryLine(bytes, start, end) : checked;
      if (!fromBytes || !entry || !this.placeChecked(entry)) this.read(text ?? bytes.toString('utf8', start, end));
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
        // a stream still waiting for an entry lost it (dropped)
        this.check(this.chains.firstWaiting());
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
      lastCheckpoint: this.open?.checkpoint.seq ?? this.last?.seq ?? null,
      streams: this.chains.size,
      withheldStreams: this.withheldStreams,
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
    if (line.type === 'withheld') return this.readWithheld(line as ExportWithheld);
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

  /** A partial export's stream that begins after entries withheld from its reader, before any checkpoint or entry. */
  private readWithheld(line: ExportWithheld): void {
    if (this.scope !== 'partial') this.fail(this.lineNumber, 'a withheld line in an export of the whole trail');
    if (this.open || this.last || this.tail || this.entries > 0) {
      this.fail(this.lineNumber, 'a withheld line after checkpoints or entries');
    }
    const { stream, fromSeq, prevHash } = line;
    if (typeof stream !== 'string' || !Number.isInteger(fromSeq) || fromSeq < 2 || !HEX64.test(String(prevHash))) {
      this.fail(this.lineNumber, 'malformed withheld line');
    }
    if (!this.chains.startAt(stream, fromSeq, prevHash))
      this.fail(this.lineNumber, `stream ${stream} is withheld twice`);
    this.withheldStreams += 1;
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
    this.checkpointsRead.push({
      line: this.lineNumber,
      seq: checkpoint.seq,
      rootHash: checkpoint.rootHash,
      hash: checkpoint.hash,
    });
    this.open = {
      line: this.lineNumber,
      checkpoint,
      complete: this.scope === 'all' ? new CompleteTreeCheck(checkpoint.treeSize) : null,
      lastLeaf: -1,
      leaves: 0,
    };
  }

  /**
   * An entry line checked on its own ({@link checkEntryLine}): its leaf in a checkpoint whose every leaf is in the
   * export (or the tail), its chain. Answers false, having changed nothing, whenever the parsed path must decide (a
   * proof that does not agree, a partial export's inclusion proof): a line is never accepted here that
   * {@link readEntry} would refuse.
   */
  private placeChecked(entry: CheckedEntry): boolean {
    if (entry.checkpoint === null) {
      if (entry.leafIndex !== null || entry.proof !== null) return false;
      this.entries += 1;
      this.placeInTail(entry, { entryId: entry.id, stream: entry.stream, seq: entry.seq });
    } else {
      const open = this.open;
      const complete = open?.complete;
      if (!complete || entry.checkpoint !== open.checkpoint.seq || entry.leafIndex !== complete.size) return false;
      const claimant = { line: this.lineNumber, entryId: entry.id };
      if (!entry.proof || !entry.leaf || !complete.addAgreeing(entry.leaf, entry.proof, claimant, entry.merges)) {
        return false;
      }
      open.leaves += 1;
      this.entries += 1;
    }
    const { bytes, prevHashAt, hashAt } = entry;
    this.check(this.chains.linkBytes(entry.stream, entry.seq, bytes, prevHashAt, hashAt, this.lineNumber, entry.id));
    return true;
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
    const link = { prevHash: line.prevHash, hash: line.hash, line: this.lineNumber, id: fields.id };
    this.check(this.chains.link(fields.stream, fields.seq, link));
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

  private parse(text: string): unknown {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
    } catch {
      // reported below
    }
    return this.fail(this.lineNumber, 'not a JSON object');
  }

  private check(failure: VerificationFailure | null): void {
    if (failure) throw new Failed(failure);
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

/** The bytes of the `entry` member, which the exporter writes last and canonical. */
function canonicalEntryBytes(text: string): string | null {
  const at = text.indexOf(ENTRY_MARK);
  if (at < 0 || !text.endsWith('}')) return null;
  return text.slice(at + ENTRY_MARK.length, -1);
}
