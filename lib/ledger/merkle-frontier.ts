// The right edge of the tree while leaves are appended: the complete subtrees that make up the first
// `size` leaves (one per set bit of size). Appending a leaf merges equal neighbours; each merge completes
// a subtree whose hash never changes again, which is what ledger_node stores. Used by appends (from
// the stored state) and by the full verification (from nothing).
import { foldSubtrees, hashChildren } from './merkle-hash';
import { MIN_STORED_LEVEL } from './tree-math';

export interface CompletedNode {
  level: number;
  index: number;
  hash: Buffer;
}

export class MerkleFrontier {
  /** Complete subtrees, left to right, strictly decreasing levels. */
  private readonly stack: { level: number; hash: Buffer }[] = [];

  constructor(private count = 0) {}

  get size(): number {
    return this.count;
  }

  /**
   * The frontier of a tree of `size` leaves from its stored parts: the subtrees of the set bits of
   * size from MIN_STORED_LEVEL up (largest first), then the trailing size mod 2^MIN_STORED_LEVEL leaf hashes.
   */
  static restore(size: number, storedSubtrees: { level: number; hash: Buffer }[], trailingLeaves: Buffer[]): MerkleFrontier {
    const covered = size - trailingLeaves.length;
    const frontier = new MerkleFrontier(covered);
    const expected = setBitsFromTop(covered);
    if (trailingLeaves.length >= 2 ** MIN_STORED_LEVEL || expected.some((level) => level < MIN_STORED_LEVEL) || expected.join() !== storedSubtrees.map((s) => s.level).join()) {
      throw new Error(`ledger state of size ${size}: stored subtrees at levels [${storedSubtrees.map((s) => s.level).join(', ')}] and ${trailingLeaves.length} trailing leaves do not make up the tree`);
    }
    for (const s of storedSubtrees) frontier.stack.push({ level: s.level, hash: s.hash });
    for (const leaf of trailingLeaves) frontier.push(leaf, []);
    return frontier;
  }

  /** Appends a leaf; subtrees it completes from MIN_STORED_LEVEL up are pushed to `completed`. */
  push(leafHash: Buffer, completed: CompletedNode[]): void {
    const leafIndex = this.count++;
    let level = 0;
    let hash = leafHash;
    for (let top = this.stack[this.stack.length - 1]; top && top.level === level; top = this.stack[this.stack.length - 1]) {
      this.stack.pop();
      hash = hashChildren(top.hash, hash);
      level++;
      if (level >= MIN_STORED_LEVEL) completed.push({ level, index: Math.floor((leafIndex + 1) / 2 ** level) - 1, hash });
    }
    this.stack.push({ level, hash });
  }

  /** MTH of the leaves so far (RFC 9162 §2.1.1). */
  root(): Buffer {
    return foldSubtrees(this.stack.map((s) => s.hash));
  }
}

/** The levels of the set bits of n, highest first. */
function setBitsFromTop(n: number): number[] {
  const levels: number[] = [];
  for (let level = 0, rest = n; rest > 0; level++, rest = Math.floor(rest / 2)) if (rest % 2 === 1) levels.unshift(level);
  return levels;
}
