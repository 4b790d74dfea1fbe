// MTH of leaf ranges (audit paths, consistency proofs, roots) from the stored subtree hashes: one
// query for all of them, O(log n) rows. Subtrees below MIN_STORED_LEVEL are computed from their leaves.
import { AppError } from '../errors';
import type { Sql } from '../database/sql';
import { foldSubtrees, hashChildren } from './merkle-hash';
import { MIN_STORED_LEVEL, subtreesOfRange, type LeafRange, type Subtree } from './tree-math';

/** Stored hashes by "level:index" (level 0: leaf hashes). */
export type StoredHashes = Map<string, Buffer>;

export const hashKey = (level: number, index: number) => `${level}:${index}`;

export async function readRangeHashes(sql: Sql, ranges: readonly LeafRange[]): Promise<Buffer[]> {
  const stored = new Map<string, Subtree>();
  const leaves = new Set<number>();
  for (const subtree of ranges.flatMap(([start, end]) => subtreesOfRange(start, end))) {
    if (subtree.level >= MIN_STORED_LEVEL) stored.set(hashKey(subtree.level, subtree.index), subtree);
    else for (let i = subtree.index * 2 ** subtree.level; i < (subtree.index + 1) * 2 ** subtree.level; i++) leaves.add(i);
  }
  const nodes = [...stored.values()];
  const rows = await sql<{ level: number; idx: string; hash: string }>(
    `SELECT n.level::int AS level, n.idx::text AS idx, encode(n.hash, 'hex') AS hash
       FROM unnest($1::int[], $2::bigint[]) AS k(level, idx)
       JOIN ledger_node n ON n.level = k.level AND n.idx = k.idx
     UNION ALL
     SELECT 0, e.leaf_index::text, encode(e.leaf_hash, 'hex') FROM ledger_entry e WHERE e.leaf_index = ANY($3::bigint[])`,
    [nodes.map((n) => n.level), nodes.map((n) => n.index), [...leaves]],
  );
  return rangeHashesFrom(new Map(rows.map((r) => [hashKey(Number(r.level), Number(r.idx)), Buffer.from(r.hash, 'hex')])), ranges);
}

/** The ranges' MTH from hashes already read (a superset of what they need will do). */
export function rangeHashesFrom(found: StoredHashes, ranges: readonly LeafRange[]): Buffer[] {
  const hashOf = (level: number, index: number): Buffer => {
    const stored = found.get(hashKey(level, index));
    if (stored) return stored;
    if (level === 0 || level >= MIN_STORED_LEVEL) {
      throw new AppError('INTERNAL_SERVER_ERROR', `The ledger is missing ${level === 0 ? `leaf ${index}` : `the subtree hash at level ${level}, index ${index}`}: run npm run ledger:verify.`);
    }
    return hashChildren(hashOf(level - 1, 2 * index), hashOf(level - 1, 2 * index + 1));
  };
  return ranges.map(([start, end]) => foldSubtrees(subtreesOfRange(start, end).map((s) => hashOf(s.level, s.index))));
}
