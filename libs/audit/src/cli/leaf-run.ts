import { nodeHashInto } from './tree-hash-into';

interface Subtree {
  start: number;
  size: number;
  /** Where its hash is in the run's buffer. */
  at: number;
}

/**
 * The Merkle subtrees made by consecutive leaves of one checkpoint, built as {@link CompleteTreeCheck} builds them
 * when it adds those leaves (a subtree is a left and a right sibling of equal size, the left one aligned on twice its
 * size), but only from the leaves of the run: a worker thread makes them ahead for the lines of its batch, and the
 * verifier takes them instead of hashing again when the same leaves reach it at the same places. The hashes, the
 * leaves' and the subtrees', are 32 bytes each in one buffer.
 */
export class LeafRun {
  private readonly stack: Subtree[] = [];
  private checkpoint = -1;
  private next = -1;

  constructor(private readonly hashes: Buffer) {}

  /**
   * Adds leaf `index` of `checkpoint`, whose hash is at `leafAt` (starting a new run unless it follows the last one
   * added), and writes the hashes of the subtrees it completes, lowest first, from `at` on; answers how many.
   */
  add(checkpoint: number, index: number, leafAt: number, at: number): number {
    if (checkpoint !== this.checkpoint || index !== this.next) this.break();
    this.checkpoint = checkpoint;
    this.next = index + 1;
    let node: Subtree = { start: index, size: 1, at: leafAt };
    let count = 0;
    for (let top = this.top(); top && isLeftSibling(top, node); top = this.top()) {
      this.stack.pop();
      const made = at + 32 * count;
      nodeHashInto(this.hashes, top.at, node.at, made);
      node = { start: top.start, size: top.size * 2, at: made };
      count += 1;
    }
    this.stack.push(node);
    return count;
  }

  /** A line that is not the next leaf of the run: the next one starts another. */
  break(): void {
    this.stack.length = 0;
    this.checkpoint = -1;
  }

  private top(): Subtree | undefined {
    return this.stack[this.stack.length - 1];
  }
}

function isLeftSibling(left: Subtree, right: Subtree): boolean {
  return left.size === right.size && left.start + left.size === right.start && left.start % (2 * left.size) === 0;
}
