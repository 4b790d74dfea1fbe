// MTH of leaf ranges (audit paths, consistency proofs, roots) of the tree of the first `treeSize`
// leaves, from its tiles: a complete subtree of height 8L + r is a 2^r-hash block of one level-L tile.
// Tiles are immutable once read — a full tile never changes, and a partial tile of a given width is
// the same for every tree that has it — so they are kept (with their inner nodes, computed once) in a
// process-wide LRU: a proof then costs the one tile that is not cached yet, usually its leaf's.
import type { Sql } from '../database/sql';
import { foldSubtrees, hashChildren } from './merkle-hash';
import { readTiles, type TileKey } from './read-tiles';
import { tileSpan } from './tile-frontier';
import { TILE_HEIGHT, TILE_WIDTH } from './tile-path';
import { subtreesOfRange, type LeafRange } from './tree-math';

/** A tile's hashes and the nodes above them, one buffer per level: node (r, j) = MTH of hashes [j·2^r, (j + 1)·2^r) at bytes 32j of levels[r]. Few large buffers, not hundreds of small ones, so the cache costs the collector little. */
interface TileTree {
  levels: Buffer[];
  bytes: number;
}

const CACHE_BYTES = 48 * 1024 * 1024;
const cache = new Map<string, TileTree>();
let cachedBytes = 0;

const keyOf = (t: TileKey) => `${t.level}/${t.index}/${t.width}`;

/** The tile holding the level-L hashes of a tree of `treeSize` leaves from hash index `first` on. */
export function tileAt(level: number, hashIndex: number, treeSize: number): TileKey {
  const index = Math.floor(hashIndex / TILE_WIDTH);
  return { level, index, width: Math.min(TILE_WIDTH, Math.floor(treeSize / tileSpan(level)) - index * TILE_WIDTH) };
}

/** The cached tree of a tile, or undefined. */
export function cachedTile(tile: TileKey): TileTree | undefined {
  const key = keyOf(tile);
  const found = cache.get(key);
  if (found) {
    cache.delete(key); // most recently used last
    cache.set(key, found);
  }
  return found;
}

/** Builds and caches the tree of a tile's hashes (width × 32 bytes). */
export function cacheTile(tile: TileKey, bytes: Buffer): TileTree {
  const levels: Buffer[] = [Buffer.from(bytes.subarray(0, 32 * tile.width))];
  for (let r = 1; r <= TILE_HEIGHT; r++) {
    const below = levels[r - 1]!;
    const count = Math.floor(below.length / 64);
    const row = Buffer.allocUnsafe(32 * count);
    for (let j = 0; j < count; j++) hashChildren(below.subarray(64 * j, 64 * j + 32), below.subarray(64 * j + 32, 64 * j + 64)).copy(row, 32 * j);
    levels.push(row);
  }
  const tree: TileTree = { levels, bytes: levels.reduce((n, l) => n + l.length, 0) };
  const key = keyOf(tile);
  if (!cache.has(key)) {
    cache.set(key, tree);
    cachedBytes += tree.bytes;
    for (const [oldest, old] of cache) {
      if (cachedBytes <= CACHE_BYTES) break;
      cache.delete(oldest);
      cachedBytes -= old.bytes;
    }
  }
  return tree;
}

/** Tiles the ranges need (every subtree of each range), without duplicates. */
export function tilesForRanges(treeSize: number, ranges: readonly LeafRange[]): TileKey[] {
  const tiles = new Map<string, TileKey>();
  for (const [start, end] of ranges) {
    for (const s of subtreesOfRange(start, end)) {
      const level = Math.floor(s.level / TILE_HEIGHT);
      const tile = tileAt(level, s.index * 2 ** (s.level % TILE_HEIGHT), treeSize);
      tiles.set(keyOf(tile), tile);
    }
  }
  return [...tiles.values()];
}

/** The ranges' MTH in the tree of `treeSize` leaves (each range within it). `prefetched`: tile bytes already read. */
export async function readTreeHashes(sql: Sql, treeSize: number, ranges: readonly LeafRange[], prefetched: Map<string, Buffer> = new Map()): Promise<Buffer[]> {
  const trees = new Map<string, TileTree>();
  const missing: TileKey[] = [];
  for (const tile of tilesForRanges(treeSize, ranges)) {
    const key = keyOf(tile);
    const bytes = prefetched.get(key);
    const tree = cachedTile(tile) ?? (bytes ? cacheTile(tile, bytes) : undefined);
    if (tree) trees.set(key, tree);
    else missing.push(tile);
  }
  const read = await readTiles(sql, missing);
  missing.forEach((tile, i) => trees.set(keyOf(tile), cacheTile(tile, read[i]!)));
  return ranges.map(([start, end]) =>
    foldSubtrees(
      subtreesOfRange(start, end).map((s) => {
        const level = Math.floor(s.level / TILE_HEIGHT);
        const r = s.level % TILE_HEIGHT;
        const first = s.index * 2 ** r;
        const tile = tileAt(level, first, treeSize);
        const at = 32 * ((first - tile.index * TILE_WIDTH) / 2 ** r);
        return trees.get(keyOf(tile))!.levels[r]!.subarray(at, at + 32);
      }),
    ),
  );
}

export { keyOf as tileKey };
