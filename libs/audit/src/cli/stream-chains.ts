import { GENESIS_HASH } from '../audit-hash';
import { isSame64At, isTextAt } from './hex-compare';

/** An entry's link in its stream's chain: its previous hash and its hash (hex), where it is. */
export interface ChainLink {
  prevHash: string;
  hash: string;
  line: number;
  id: string;
}

/** Why a chain does not hold, and where. */
export interface ChainBreak {
  line: number;
  reason: string;
  entryId: string;
  stream: string;
  seq: number;
}

interface StreamState {
  next: number;
  /** The hash of entry `next - 1` in hex, as ASCII bytes (compared with a line's bytes as they are). */
  last: Buffer;
  waiting: Map<number, ChainLink>;
}

const GENESIS = Buffer.from(GENESIS_HASH, 'latin1');

/**
 * Every stream's hash chain, entry after entry: each entry's previous hash is its predecessor's hash. Entries may come
 * out of sequence order across checkpoints, and wait for their predecessor.
 */
export class StreamChains {
  private readonly streams = new Map<string, StreamState>();

  get size(): number {
    return this.streams.size;
  }

  /**
   * Links entry `seq` of `stream` whose previous hash and hash are the 64 hex digits at `prevHashAt` and `hashAt` of
   * `bytes` (checked as such); answers why it does not hold, or null.
   */
  linkBytes(
    stream: string,
    seq: number,
    bytes: Buffer,
    prevHashAt: number,
    hashAt: number,
    line: number,
    id: string,
  ): ChainBreak | null {
    const state = this.state(stream);
    if (seq !== state.next || state.waiting.size > 0) {
      const text = (at: number) => bytes.toString('latin1', at, at + 64);
      return this.link(stream, seq, { prevHash: text(prevHashAt), hash: text(hashAt), line, id });
    }
    // the usual case, in order, without a string or the map
    if (!isSame64At(bytes, prevHashAt, state.last)) return unlinked(line, id, stream, seq);
    for (let i = 0; i < 64; i += 1) state.last[i] = bytes[hashAt + i];
    state.next += 1;
    return null;
  }

  /** Links an entry; answers why its chain does not hold, or null. */
  link(stream: string, seq: number, entry: ChainLink): ChainBreak | null {
    const state = this.state(stream);
    if (seq !== state.next || state.waiting.size > 0) {
      if (!Number.isInteger(seq) || seq < state.next || state.waiting.has(seq)) {
        return {
          line: entry.line,
          reason: `a second entry ${seq} of stream ${stream}`,
          entryId: entry.id,
          stream,
          seq,
        };
      }
      state.waiting.set(seq, entry);
    }
    for (
      let next = seq === state.next ? entry : state.waiting.get(state.next);
      next;
      next = state.waiting.get(state.next)
    ) {
      if (!follows(next.prevHash, state.last)) return unlinked(next.line, next.id, stream, state.next);
      state.waiting.delete(state.next);
      state.last.write(next.hash, 'latin1');
      state.next += 1;
    }
    return null;
  }

  /**
   * Starts a stream's chain at entry `seq`, which links to `prevHash` (the entries before it are withheld from the
   * reader): false when the stream has already begun.
   */
  startAt(stream: string, seq: number, prevHash: string): boolean {
    if (this.streams.has(stream)) return false;
    this.streams.set(stream, { next: seq, last: Buffer.from(prevHash, 'latin1'), waiting: new Map() });
    return true;
  }

  /** The first entry (by line) still waiting for one that never came (dropped), if any. */
  firstWaiting(): ChainBreak | null {
    let first: ChainBreak | null = null;
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
    return first;
  }

  private state(stream: string): StreamState {
    let state = this.streams.get(stream);
    if (!state) this.streams.set(stream, (state = { next: 1, last: Buffer.from(GENESIS), waiting: new Map() }));
    return state;
  }
}

/** `prevHash === last` as strings: the last hash is 64 hex digits, the previous hash whatever the line says. */
function follows(prevHash: unknown, last: Buffer): boolean {
  return typeof prevHash === 'string' && isTextAt(last, 0, prevHash);
}

function unlinked(line: number, entryId: string, stream: string, seq: number): ChainBreak {
  return { line, reason: 'the entry does not link to the previous entry of its stream', entryId, stream, seq };
}
