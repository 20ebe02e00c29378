import { EMPTY_TREE_ROOT, leafHash, nodeHash } from '../merkle/merkle-tree';
import type { ProofBytes } from './entry-line-bytes';
import { isHexText } from './hex-compare';

export interface Claimant {
  line: number;
  entryId: string;
}

interface Subtree {
  start: number;
  size: number;
  hash: Buffer;
}

/** What the proofs say a right-hand subtree hashes to: the first value with its first claimant, then any other. */
interface Claim {
  text: string;
  claimant: Claimant;
  others: Map<string, Claimant> | null;
}

/** Enough for a tree's height, whatever the order leaves come in. */
const MAX_SPARES = 64;

/**
 * Recomputes the root of one checkpoint whose every leaf is in the export, and checks every entry's inclusion proof
 * against the tree as it grows, without hashing each proof (which would cost log n hashes per entry): a proof is a
 * list of subtree hashes, so each element is compared with the subtree it names, at once for subtrees on the left
 * (already built) and when it is complete for those on the right.
 */
export class CompleteTreeCheck {
  private readonly stack: Subtree[] = [];
  /** Buffers of the hashes of subtrees merged since, to copy lent hashes into. */
  private readonly spares: Buffer[] = [];
  private readonly claims = new Map<number, Claim>();
  /** The current leaf's audit path, reused from leaf to leaf. */
  private starts: number[] = [];
  private ends: number[] = [];
  /** The last leaf added from bytes: its index, path and proof (the line's bytes, or a copy of them). */
  private readonly previous = {
    index: -1,
    length: 0,
    starts: [] as number[],
    ends: [] as number[],
    proof: Buffer.alloc(0) as Buffer,
    proofAt: 0,
    copy: Buffer.alloc(0) as Buffer,
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
        const left = this.leftSubtree(start);
        if (!left || !isHexText(proof[i], left.hash)) return `its proof's hash ${i + 1} is not the tree's`;
      } else {
        this.claim(this.rangeKey(start, this.ends[i]), proof[i], claimant);
      }
    }
    this.previous.index = -1;
    this.push({ start: index, size: 1, hash: leafHash(entryHash) });
    this.count += 1;
    return null;
  }

  /**
   * The same for a leaf (`leafHash` of the entry hash) and a proof still in the line's bytes, when every hash in it
   * agrees with what is known (the left subtrees, earlier claims) or is a first claim in lowercase hex; otherwise adds
   * nothing and answers false, and the caller takes the parsed line through {@link add}, which names what is wrong.
   *
   * Consecutive leaves share the top of their audit paths (the same subtrees, on the same side): when the previous
   * leaf was added here, that shared part is compared with the previous proof's bytes in one comparison, and only
   * the rest hash by hash.
   */
  addAgreeing(leaf: Buffer, proof: ProofBytes, claimant: Claimant, merges: Buffer | null = null): boolean {
    const index = this.count;
    const length = auditPath(index, this.treeSize, this.starts, this.ends);
    if (proof.length !== length) return false;
    const shared = this.sharedWithPrevious(index, length);
    const own = shared > 0 && this.endsLikePrevious(proof, shared) ? length - shared : length;
    for (let i = 0; i < own; i += 1) {
      const start = this.starts[i];
      if (start < index) {
        const left = this.leftSubtree(start);
        if (left ? !proof.isHexOf(i, left.hash) : !proof.isHex(i)) return false;
      } else {
        const claim = this.claims.get(this.rangeKey(start, this.ends[i]));
        if (claim ? !proof.isText(i, claim.text) : !proof.isHex(i)) return false;
      }
    }
    for (let i = 0; i < own; i += 1) {
      const key = this.rangeKey(this.starts[i], this.ends[i]);
      if (this.starts[i] > index && !this.claims.has(key)) {
        this.claims.set(key, { text: proof.text(i), claimant, others: null });
      }
    }
    this.remember(index, proof, length);
    this.push({ start: index, size: 1, hash: leaf }, merges);
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

  /** Whether the last `shared` hashes of the proof are the previous leaf's (known ahead, or compared here). */
  private endsLikePrevious(proof: ProofBytes, shared: number): boolean {
    const { proof: bytes, proofAt, length } = this.previous;
    return proof.sameTail >= shared || proof.endsLike(bytes, proofAt, length, shared);
  }

  /** Keeps this leaf's path and proof bytes for the next leaf (copied unless the line's bytes are kept till then). */
  private remember(index: number, proof: ProofBytes, length: number): void {
    const previous = this.previous;
    [this.starts, previous.starts] = [previous.starts, this.starts];
    [this.ends, previous.ends] = [previous.ends, this.ends];
    if (proof.kept) {
      previous.proof = proof.bytes;
      previous.proofAt = proof.start;
    } else {
      previous.copy = proof.copyTo(previous.copy);
      previous.proof = previous.copy;
      previous.proofAt = 0;
    }
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

  /**
   * `merges`: the hashes of the first subtrees this leaf completes, made ahead from the same leaves (`LeafRun`, in a
   * worker thread). The leaves of a line either go into the tree at their leaf index or verification stops, so when
   * a leaf arrives here at its index, those before it in its run are in place below it, and the subtrees are these.
   * The leaf's and the merges' memory may be reused once this returns: the stack keeps copies.
   */
  private push(node: Subtree, merges: Buffer | null = null): void {
    this.settle(node);
    let lent = true;
    for (let made = 0; this.stack.length > 0 && this.stack[this.stack.length - 1].size === node.size; made += 1) {
      const left = this.stack.pop() as Subtree;
      lent = merges !== null && 32 * made < merges.length;
      const hash = lent ? (merges as Buffer).subarray(32 * made, 32 * made + 32) : nodeHash(left.hash, node.hash);
      if (this.spares.length < MAX_SPARES) this.spares.push(left.hash);
      node = { start: left.start, size: left.size * 2, hash };
      this.settle(node);
    }
    if (lent) node.hash = this.copied(node.hash);
    this.stack.push(node);
  }

  /** A copy of a 32-byte hash, in a buffer of a subtree merged since (the stack's hashes are its own). */
  private copied(hash: Buffer): Buffer {
    const copy = this.spares.pop() ?? Buffer.allocUnsafe(32);
    for (let i = 0; i < 32; i += 1) copy[i] = hash[i];
    return copy;
  }

  private leftSubtree(start: number): Subtree | undefined {
    for (let i = this.stack.length - 1; i >= 0; i -= 1) if (this.stack[i].start === start) return this.stack[i];
    return undefined;
  }

  private claim(key: number, text: string, claimant: Claimant): void {
    const claim = this.claims.get(key);
    if (!claim) this.claims.set(key, { text, claimant, others: null });
    else if (claim.text !== text) {
      claim.others ??= new Map();
      if (!claim.others.has(text)) claim.others.set(text, claimant);
    }
  }

  private settle(node: Subtree): void {
    const key = this.rangeKey(node.start, node.start + node.size);
    const claim = this.claims.get(key);
    if (!claim) return;
    this.claims.delete(key);
    if (!isHexText(claim.text, node.hash)) this.noteWrong(claim.claimant);
    for (const [hex, claimant] of claim.others ?? []) if (!isHexText(hex, node.hash)) this.noteWrong(claimant);
  }

  /**
   * A subtree `[start, end)` as a small integer map key: a subtree ends at the tree's end or is a complete one of a
   * power-of-two size, so its start and its level (31 for one that ends at the tree's end) name it.
   */
  private rangeKey(start: number, end: number): number {
    return start * 32 + (end === this.treeSize ? 31 : 31 - Math.clz32(end - start));
  }

  private noteWrong(claimant: Claimant): void {
    if (!this.wrong || claimant.line < this.wrong.line) this.wrong = claimant;
  }
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
