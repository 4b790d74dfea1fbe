// The tree's right edge as C2SP tlog-tiles: for each tile level L, the hashes of the incomplete tile
// (subtrees of height 8L, fewer than 256). Appending a leaf fills the level-0 tile; a full tile is
// emitted with its root, which becomes the next hash of the tile one level up. Everything a root, an
// append or a verification needs, in memory; the database stores only the full tiles (partial tiles
// at level L ≥ 1 are the roots of full tiles at level L − 1, at level 0 the tail's leaf hashes).
import { foldSubtrees, hashChildren } from './merkle-hash';
import { TILE_HEIGHT, TILE_WIDTH } from './tile-path';

export interface FullTile {
  level: number;
  index: number;
  /** The 256 hashes. */
  hashes: Buffer[];
  /** Their MTH: the subtree of height 8(level + 1). */
  root: Buffer;
}

/** 256^level, exact for the sizes JavaScript numbers hold. */
export const tileSpan = (level: number) => TILE_WIDTH ** level;

/** Width of the level-L tile that holds the right edge of a tree of `size` leaves (0: none). */
export const partialWidth = (size: number, level: number) => Math.floor(size / tileSpan(level)) % TILE_WIDTH;

/** MTH of 2^k hashes (a complete subtree). */
export function perfectRoot(hashes: readonly Buffer[]): Buffer {
  let row = hashes.slice();
  while (row.length > 1) {
    const next: Buffer[] = new Array(row.length / 2);
    for (let i = 0; i < next.length; i++) next[i] = hashChildren(row[2 * i]!, row[2 * i + 1]!);
    row = next;
  }
  return row[0]!;
}

export class TileFrontier {
  private constructor(
    private count: number,
    private readonly partial: Buffer[][],
  ) {}

  static empty(): TileFrontier {
    return new TileFrontier(0, [[]]);
  }

  /** From the partial tiles of a tree of `size` leaves, level 0 first; throws when they do not make it up. */
  static fromPartialTiles(size: number, partial: Buffer[][]): TileFrontier {
    for (let level = 0; tileSpan(level) <= size || level < partial.length; level++) {
      const found = partial[level]?.length ?? 0;
      if (found !== partialWidth(size, level)) {
        throw new Error(`ledger state of size ${size}: the partial tile at level ${level} has ${found} hashes, not ${partialWidth(size, level)}`);
      }
    }
    return new TileFrontier(size, partial.length ? partial.map((p) => p.slice()) : [[]]);
  }

  get size(): number {
    return this.count;
  }

  /** The hashes of the incomplete tile at `level` (a copy). */
  partialTile(level: number): Buffer[] {
    return (this.partial[level] ?? []).slice();
  }

  /** Appends a leaf; the tiles it completes (lowest first) are pushed to `full`. */
  push(leafHash: Buffer, full: FullTile[]): void {
    this.count++;
    let hash = leafHash;
    for (let level = 0; ; level++) {
      const tile = (this.partial[level] ??= []);
      tile.push(hash);
      if (tile.length < TILE_WIDTH) return;
      hash = perfectRoot(tile);
      full.push({ level, index: this.count / tileSpan(level + 1) - 1, hashes: tile, root: hash });
      this.partial[level] = [];
    }
  }

  /** MTH of the leaves so far (RFC 9162 §2.1.1): the complete subtrees of the partial tiles, left to right. */
  root(): Buffer {
    const subtrees: Buffer[] = [];
    for (let level = this.partial.length - 1; level >= 0; level--) {
      const tile = this.partial[level]!;
      for (let at = 0, bit = 1 << (TILE_HEIGHT - 1); bit >= 1; bit >>= 1) {
        if (tile.length & bit) {
          subtrees.push(perfectRoot(tile.slice(at, at + bit)));
          at += bit;
        }
      }
    }
    return foldSubtrees(subtrees);
  }
}
