// Which subtrees an RFC 9162 computation needs, as leaf ranges: no hashing, no I/O. Sizes and indexes
// are JavaScript numbers (exact up to 2^53 leaves).

/** Leaves [start, end). */
export type LeafRange = readonly [start: number, end: number];

/** The complete subtree of 2^level leaves starting at leaf index·2^level. */
export interface Subtree {
  level: number;
  index: number;
}

const pow2 = (level: number) => 2 ** level;

/** The largest power of two smaller than n (n ≥ 2): RFC 9162's split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * [start, end) as complete subtrees, left to right. Every range RFC 9162 names (the whole tree, a proof
 * node) starts at a multiple of a power of two at least its length, so these are its subtrees in the
 * order in which MTH folds them: MTH = H(s1, H(s2, … H(s(k-1), sk))).
 */
export function subtreesOfRange(start: number, end: number): Subtree[] {
  const out: Subtree[] = [];
  let at = start;
  while (at < end) {
    let level = 0;
    while (at % pow2(level + 1) === 0 && at + pow2(level + 1) <= end) level++;
    out.push({ level, index: at / pow2(level) });
    at += pow2(level);
  }
  return out;
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]): the ranges whose hashes form the audit path, leaf first. */
export function inclusionPathRanges(leafIndex: number, treeSize: number): LeafRange[] {
  const out: LeafRange[] = [];
  const walk = (m: number, start: number, end: number) => {
    if (end - start <= 1) return;
    const k = splitPoint(end - start);
    if (m < k) {
      walk(m, start, start + k);
      out.push([start + k, end]);
    } else {
      walk(m - k, start + k, end);
      out.push([start, start + k]);
    }
  };
  walk(leafIndex, 0, treeSize);
  return out;
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true), 0 < m ≤ n: the ranges of the proof, in order. */
export function consistencyProofRanges(first: number, second: number): LeafRange[] {
  const out: LeafRange[] = [];
  const sub = (m: number, start: number, end: number, complete: boolean) => {
    if (m === end - start) {
      if (!complete) out.push([start, end]);
      return;
    }
    const k = splitPoint(end - start);
    if (m <= k) {
      sub(m, start, start + k, complete);
      out.push([start + k, end]);
    } else {
      sub(m - k, start + k, end, false);
      out.push([start, start + k]);
    }
  };
  sub(first, 0, second, true);
  return out;
}
