import { EMPTY_TREE_ROOT, leafHash, nodeHash } from '../merkle/merkle-tree';

export interface Claimant {
  line: number;
  entryId: string;
}

interface Subtree {
  start: number;
  size: number;
  hash: Buffer;
  hex?: string;
}

/**
 * Recomputes the root of one checkpoint whose every leaf is in the export, and checks every entry's inclusion proof
 * against the tree as it grows, without hashing each proof (which would cost log n hashes per entry): a proof is a
 * list of subtree hashes, so each element is compared with the subtree it names, at once for subtrees on the left
 * (already built) and when it is complete for those on the right.
 */
export class CompleteTreeCheck {
  private readonly stack: Subtree[] = [];
  private readonly claims = new Map<number, Map<string, Claimant>>();
  private count = 0;
  private wrong: Claimant | null = null;

  constructor(private readonly treeSize: number) {}

  get size(): number {
    return this.count;
  }

  /** Adds the next leaf; answers what is wrong with its proof, if anything (a right-hand error surfaces later). */
  add(entryHash: Buffer, proof: string[], claimant: Claimant): string | null {
    const index = this.count;
    const path = auditPathRanges(index, this.treeSize);
    if (proof.length !== path.length)
      return `its proof has ${proof.length} hashes, a leaf ${index} of ${this.treeSize} needs ${path.length}`;
    for (let i = 0; i < path.length; i += 1) {
      const [start, end] = path[i];
      if (start < index) {
        if (this.leftSubtreeHex(start) !== proof[i]) return `its proof's hash ${i + 1} is not the tree's`;
      } else {
        this.claim(rangeKey(start, end), proof[i], claimant);
      }
    }
    this.push({ start: index, size: 1, hash: leafHash(entryHash) });
    this.count += 1;
    return null;
  }

  /** The root, once every leaf is in; claims no subtree answered are the first wrong proof's. */
  finish(): { root: Buffer; wrongProof: Claimant | null } {
    let top = this.stack[this.stack.length - 1];
    for (let i = this.stack.length - 2; i >= 0; i -= 1) {
      const left = this.stack[i];
      top = { start: left.start, size: this.count - left.start, hash: nodeHash(left.hash, top.hash) };
      this.settle(top);
    }
    const leftovers = [...this.claims.values()].flatMap((values) => [...values.values()]);
    this.claims.clear();
    for (const claimant of leftovers) this.noteWrong(claimant);
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

  private leftSubtreeHex(start: number): string | undefined {
    for (let i = this.stack.length - 1; i >= 0; i -= 1) {
      const node = this.stack[i];
      if (node.start === start) return (node.hex ??= node.hash.toString('hex'));
    }
    return undefined;
  }

  private claim(key: number, hex: string, claimant: Claimant): void {
    let values = this.claims.get(key);
    if (!values) this.claims.set(key, (values = new Map()));
    if (!values.has(hex)) values.set(hex, claimant);
  }

  private settle(node: Subtree): void {
    const key = rangeKey(node.start, node.start + node.size);
    const values = this.claims.get(key);
    if (!values) return;
    this.claims.delete(key);
    const actual = node.hash.toString('hex');
    for (const [hex, claimant] of values) if (hex !== actual) this.noteWrong(claimant);
  }

  private noteWrong(claimant: Claimant): void {
    if (!this.wrong || claimant.line < this.wrong.line) this.wrong = claimant;
  }
}

/** Numbers make faster map keys than strings; trees stay far below 2^21 leaves. */
function rangeKey(start: number, end: number): number {
  return start * 0x100000000 + end;
}

/** The leaf ranges `[start, end)` of the subtrees in a leaf's audit path, RFC 6962 shape, leaf upwards. */
export function auditPathRanges(index: number, treeSize: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let level = 0, node = index, width = treeSize, span = 1; width > 1; level += 1) {
    const sibling = node ^ 1;
    if (sibling < width) ranges.push([sibling * span, Math.min((sibling + 1) * span, treeSize)]);
    node = Math.floor(node / 2);
    width = Math.ceil(width / 2);
    span *= 2;
  }
  return ranges;
}
