import { createHash, hash } from 'node:crypto';

/** RFC 6962 §2.1 (Certificate Transparency) Merkle tree hashing over SHA-256. */
const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

export const EMPTY_TREE_ROOT = createHash('sha256').digest();

/**
 * The bytes being hashed, reused from call to call (hashing is synchronous). The digest is taken as a latin1 string
 * (binary, i.e. latin1) and turned into a Buffer: on Node 24 that is cheaper than asking `hash()` for a Buffer
 * (test/bench/audit/README.md).
 */
let input = Buffer.allocUnsafe(128);

function sha256(length: number): Buffer {
  return Buffer.from(hash('sha256', input.subarray(0, length), 'binary'), 'binary');
}

function room(length: number): void {
  if (input.length < length) input = Buffer.allocUnsafe(length * 2);
}

/** `SHA-256(0x00 ‖ data)`. */
export function leafHash(data: Uint8Array): Buffer {
  room(1 + data.length);
  input[0] = LEAF_PREFIX;
  input.set(data, 1);
  return sha256(1 + data.length);
}

/** `SHA-256(0x01 ‖ left ‖ right)`. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  room(1 + left.length + right.length);
  input[0] = NODE_PREFIX;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return sha256(1 + left.length + right.length);
}

/**
 * The whole tree, level by level, to answer inclusion proofs. A node without a sibling is carried up unchanged,
 * which yields exactly RFC 6962's split at the largest power of two below the size.
 */
export class MerkleTree {
  private readonly levels: Buffer[][];

  constructor(leafHashes: Buffer[]) {
    this.levels = [leafHashes];
    for (let level = leafHashes; level.length > 1;) {
      const next: Buffer[] = [];
      for (let i = 0; i + 1 < level.length; i += 2) next.push(nodeHash(level[i], level[i + 1]));
      if (level.length % 2 === 1) next.push(level[level.length - 1]);
      this.levels.push(next);
      level = next;
    }
  }

  get size(): number {
    return this.levels[0].length;
  }

  leaf(index: number): Buffer {
    return this.levels[0][index];
  }

  get root(): Buffer {
    return this.size === 0 ? EMPTY_TREE_ROOT : this.levels[this.levels.length - 1][0];
  }

  /** The audit path of a leaf (RFC 6962 §2.1.1), from the leaf's sibling up to the root's child. */
  proof(index: number): Buffer[] {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) throw new RangeError(`no leaf ${index}`);
    const path: Buffer[] = [];
    for (let level = 0, i = index; level < this.levels.length - 1; level += 1, i >>= 1) {
      const sibling = i ^ 1;
      if (sibling < this.levels[level].length) path.push(this.levels[level][sibling]);
    }
    return path;
  }
}

/**
 * Root of a tree fed one leaf at a time, keeping only the perfect subtrees on the right edge (log n hashes of
 * memory): for the offline verifier, which streams exports of any size.
 */
export class StreamingMerkleRoot {
  private readonly stack: { hash: Buffer; size: number }[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(leaf: Buffer): void {
    let node = { hash: leaf, size: 1 };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].size === node.size) {
      const left = this.stack.pop() as { hash: Buffer; size: number };
      node = { hash: nodeHash(left.hash, node.hash), size: left.size * 2 };
    }
    this.stack.push(node);
    this.count += 1;
  }

  root(): Buffer {
    if (this.stack.length === 0) return EMPTY_TREE_ROOT;
    let hash = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i -= 1) hash = nodeHash(this.stack[i].hash, hash);
    return hash;
  }
}

/** RFC 9162 §2.1.3.2: does `proof` lead from this leaf at `index` to `root` in a tree of `treeSize` leaves? */
export function verifyInclusion(index: number, treeSize: number, leaf: Buffer, proof: Buffer[], root: Buffer): boolean {
  if (!Number.isInteger(index) || index < 0 || index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let hash = leaf;
  for (const sibling of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      hash = nodeHash(sibling, hash);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      hash = nodeHash(hash, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && hash.equals(root);
}
