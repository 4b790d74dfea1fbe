// The hashes of tlog-tiles, full or partial, in one query: a full tile is a ledger_tile row (or a prefix
// of one, for a partial tile of an earlier size); a partial tile at level L ≥ 1 is the roots of the full
// tiles at level L − 1 it covers; at level 0 the tail's leaf hashes. One snapshot, so the tail and the
// tiles agree. Missing hashes are an INTERNAL error (a damaged ledger), never a silent short answer.
import { AppError } from '../errors';
import type { Sql } from '../database/sql';

export interface TileKey {
  level: number;
  index: number;
  /** 1–256 hashes. */
  width: number;
}

/** The width × 32 bytes of each tile, in the order asked. */
export async function readTiles(sql: Sql, tiles: readonly TileKey[]): Promise<Buffer[]> {
  if (!tiles.length) return [];
  const rows = await sql<{ n: string; hashes: Buffer | Uint8Array | null }>(
    `SELECT k.n::text AS n, coalesce(
       (SELECT substring(t.hashes FROM 1 FOR k.width * 32) FROM ledger_tile t WHERE t.level = k.level AND t.idx = k.idx),
       CASE WHEN k.level = 0
         THEN (SELECT string_agg(leaf_hash, ''::bytea ORDER BY leaf_index) FROM ledger_tail WHERE leaf_index >= k.idx * 256 AND leaf_index < k.idx * 256 + k.width)
         ELSE (SELECT string_agg(root, ''::bytea ORDER BY idx) FROM ledger_tile WHERE level = k.level - 1 AND idx >= k.idx * 256 AND idx < k.idx * 256 + k.width)
       END) AS hashes
       FROM unnest($1::int[], $2::bigint[], $3::int[]) WITH ORDINALITY AS k(level, idx, width, n)`,
    [tiles.map((t) => t.level), tiles.map((t) => t.index), tiles.map((t) => t.width)],
  );
  const out: Buffer[] = new Array(tiles.length);
  for (const row of rows) out[Number(row.n) - 1] = row.hashes ? Buffer.from(row.hashes.buffer, row.hashes.byteOffset, row.hashes.length) : Buffer.alloc(0);
  tiles.forEach((t, i) => {
    if (out[i]?.length !== 32 * t.width) {
      throw new AppError('INTERNAL_SERVER_ERROR', `The ledger is missing hashes of tile ${t.level}/${t.index} (width ${t.width}): run npm run ledger:verify.`);
    }
  });
  return out;
}
