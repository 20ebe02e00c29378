import { EMPTY_TREE_ROOT, leafHash, nodeHash } from '../merkle/merkle-tree';
import type { ProofBytes } from './entry-line-bytes';

export interface Claimant {
  line: number;
  entryId: string;
}

interface Subtree {
  start: number;
  size: number;
  hash: Buffer;
  /** The hash in hex as ASCII bytes, made when a proof is compared with it. */
  hex?: Buffer;
}

/** What the proofs say a right-hand subtree hashes to: the first value with its first claimant, then any other. */
interface Claim {
  text: string;
  bytes: Buffer;
  claimant: Claimant;
  others: Map<string, Claimant> | null;
}

/**
 * Recomputes the root of one checkpoint whose every leaf is in the export, and checks every entry's inclusion proof
 * against the tree as it grows, without hashing each proof (which would cost log n hashes per entry): a proof is a
 * list of subtree hashes, so each element is compared with the subtree it names, at once for subtrees on the left
 * (already built) and when it is complete for those on the right.
 */
export class CompleteTreeCheck {
  private readonly stack: Subtree[] = [];
  private readonly claims = new Map<number, Claim>();
  /** The current leaf's audit path, reused from leaf to leaf. */
  private starts: number[] = [];
  private ends: number[] = [];
  /** The last leaf added from bytes: its index, path and proof. */
  private readonly previous: { index: number; length: number; starts: number[]; ends: number[]; proof: Buffer } = {
    index: -1,
    length: 0,
    starts: [] as number[],
    ends: [] as number[],
    proof: Buffer.alloc(0),
  };
  private count = 0;
  private wrong: Claimant | null = null;

  constructor(private readonly treeSize: number) {}

  get size(): number {
    return this.count;
  }

  /** Adds the next leaf; answers what is wrong with its proof, if anything (a right-hand error surfaces later). */
  add(entryHash: Buffer, proof: string[], claimant: Claimant): string | null {
    const index = this.count;
    const needed = auditPath(index, this.treeSize, this.starts, this.ends);
    if (proof.length !== needed)
      return `its proof has ${proof.length} hashes, a leaf ${index} of ${this.treeSize} needs ${needed}`;
    for (let i = 0; i < needed; i += 1) {
      const start = this.starts[i];
      if (start < index) {
        if (this.leftSubtreeHex(start)?.toString('latin1') !== proof[i])
          return `its proof's hash ${i + 1} is not the tree's`;
      } else {
        this.claim(rangeKey(start, this.ends[i]), proof[i], claimant);
      }
    }
    this.previous.index = -1;
    this.push({ start: index, size: 1, hash: leafHash(entryHash) });
    this.count += 1;
    return null;
  }

  /**
   * The same for a proof still in the line's bytes, when every hash in it agrees with what is known (the left
   * subtrees, earlier claims) or is a first claim in lowercase hex; otherwise adds nothing and answers false, and the
   * caller takes the parsed line through {@link add}, which names what is wrong.
   *
   * Consecutive leaves share the top of their audit paths (the same subtrees, on the same side): when the previous
   * leaf was added here, that shared part is compared with the previous proof's bytes in one comparison, and only
   * the rest hash by hash.
   */
  addAgreeing(entryHash: Buffer, proof: ProofBytes, claimant: Claimant): boolean {
    const index = this.count;
    const length = auditPath(index, this.treeSize, this.starts, this.ends);
    if (proof.length !== length) return false;
    const shared = this.sharedWithPrevious(index, length);
    const own =
      shared > 0 && proof.endsLike(this.previous.proof, this.previous.length, shared) ? length - shared : length;
    for (let i = 0; i < own; i += 1) {
      const start = this.starts[i];
      const known = start < index ? this.leftSubtreeHex(start) : this.claims.get(rangeKey(start, this.ends[i]))?.bytes;
      if (known ? !proof.is(i, known) : !proof.isHex(i)) return false;
    }
    for (let i = 0; i < own; i += 1) {
      const key = rangeKey(this.starts[i], this.ends[i]);
      if (this.starts[i] > index && !this.claims.has(key)) {
        const text = proof.text(i);
        this.claims.set(key, { text, bytes: Buffer.from(text, 'latin1'), claimant, others: null });
      }
    }
    this.remember(index, proof, length);
    this.push({ start: index, size: 1, hash: leafHash(entryHash) });
    this.count += 1;
    return true;
  }

  /** How many of the last hashes of leaf `index`'s path name the same subtrees as the previous leaf's. */
  private sharedWithPrevious(index: number, length: number): number {
    const previous = this.previous;
    if (previous.index !== index - 1) return 0;
    let shared = 0;
    while (
      shared < length &&
      shared < previous.length &&
      this.starts[length - 1 - shared] === previous.starts[previous.length - 1 - shared] &&
      this.ends[length - 1 - shared] === previous.ends[previous.length - 1 - shared]
    )
      shared += 1;
    return shared;
  }

  /** Keeps this leaf's path and proof bytes for the next leaf (the line's bytes may be gone by then). */
  private remember(index: number, proof: ProofBytes, length: number): void {
    const previous = this.previous;
    [this.starts, previous.starts] = [previous.starts, this.starts];
    [this.ends, previous.ends] = [previous.ends, this.ends];
    previous.proof = proof.copyTo(previous.proof);
    previous.length = length;
    previous.index = index;
  }

  /** The root, once every leaf is in; claims no subtree answered are the first wrong proof's. */
  finish(): { root: Buffer; wrongProof: Claimant | null } {
    let top = this.stack[this.stack.length - 1];
    for (let i = this.stack.length - 2; i >= 0; i -= 1) {
      const left = this.stack[i];
      top = { start: left.start, size: this.count - left.start, hash: nodeHash(left.hash, top.hash) };
      this.settle(top);
    }
    for (const claim of this.claims.values()) {
      this.noteWrong(claim.claimant);
      for (const claimant of claim.others?.values() ?? []) this.noteWrong(claimant);
    }
    this.claims.clear();
    return { root: top ? top.hash : EMPTY_TREE_ROOT, wrongProof: this.wrong };
  }

  private push(node: Subtree): void {
    this.settle(node);
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].size === node.size) {
      const left = this.stack.pop() as Subtree;
      node = { start: left.start, size: left.size * 2, hash: nodeHash(left.hash, node.hash) };
      this.settle(node);
    }
    this.stack.push(node);
  }

  private leftSubtreeHex(start: number): Buffer | undefined {
    for (let i = this.stack.length - 1; i >= 0; i -= 1) {
      const node = this.stack[i];
      if (node.start === start) return (node.hex ??= Buffer.from(node.hash.toString('hex'), 'latin1'));
    }
    return undefined;
  }

  private claim(key: number, text: string, claimant: Claimant): void {
    const claim = this.claims.get(key);
    if (!claim) this.claims.set(key, { text, bytes: Buffer.from(text), claimant, others: null });
    else if (claim.text !== text) {
      claim.others ??= new Map();
      if (!claim.others.has(text)) claim.others.set(text, claimant);
    }
  }

  private settle(node: Subtree): void {
    const key = rangeKey(node.start, node.start + node.size);
    const claim = this.claims.get(key);
    if (!claim) return;
    this.claims.delete(key);
    const actual = node.hash.toString('hex');
    if (claim.text !== actual) this.noteWrong(claim.claimant);
    for (const [hex, claimant] of claim.others ?? []) if (hex !== actual) this.noteWrong(claimant);
  }

  private noteWrong(claimant: Claimant): void {
    if (!this.wrong || claimant.line < this.wrong.line) this.wrong = claimant;
  }
}

/** Numbers make faster map keys than strings; trees stay far below 2^21 leaves. */
function rangeKey(start: number, end: number): number {
  return start * 0x100000000 + end;
}

/** The leaf ranges `[start, end)` of the subtrees in a leaf's audit path (RFC 6962 shape, leaf upwards), written
 * into `starts` and `ends`; answers how many there are. */
function auditPath(index: number, treeSize: number, starts: number[], ends: number[]): number {
  let length = 0;
  for (let node = index, width = treeSize, span = 1; width > 1; span *= 2) {
    const sibling = node ^ 1;
    if (sibling < width) {
      starts[length] = sibling * span;
      ends[length] = Math.min((sibling + 1) * span, treeSize);
      length += 1;
    }
    node = Math.floor(node / 2);
    width = Math.ceil(width / 2);
  }
  return length;
}
