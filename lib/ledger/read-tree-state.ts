// The current tree, restored from the database in one statement (so from one snapshot): its size (the
// committed leaves always form a prefix, see append-ledger-entries.ts), the partial tiles of its right
// edge — the tail's leaf hashes at level 0, the roots of full tiles one level down above — and the
// tail's entries (the bundle being filled). At most 255 rows per level.
import type { Sql } from '../database/sql';
import { TileFrontier } from './tile-frontier';

export interface TreeState {
  frontier: TileFrontier;
  /** Entry texts of the leaves after the last full bundle (the tail), in leaf order. */
  tail: string[];
  /** pg_current_xact_id_if_assigned(): lets a writer check that it still runs in its own transaction. */
  xid: string | null;
}

export async function readTreeState(sql: Sql): Promise<TreeState> {
  const rows = await sql<{ size: string; level: number | null; hash: string | null; entry: string | null; xid: string | null }>(
    `WITH s AS (SELECT ledger_tree_size() AS size)
     SELECT s.size::text AS size, p.level, encode(p.hash, 'hex') AS hash, p.entry, pg_current_xact_id_if_assigned()::text AS xid
       FROM s LEFT JOIN LATERAL (
              SELECT 0 AS level, t.leaf_index AS pos, t.leaf_hash AS hash, convert_from(t.entry, 'UTF8') AS entry
                FROM ledger_tail t WHERE t.leaf_index >= s.size - s.size % 256
              UNION ALL
              SELECT k.level, tl.idx, tl.root, NULL
                FROM generate_series(1, 7) AS k(level)
                JOIN ledger_tile tl ON tl.level = k.level - 1 AND tl.idx >= (s.size >> (8 * (k.level + 1))) << 8 AND tl.idx < s.size >> (8 * k.level)
            ) p ON true
      ORDER BY p.level, p.pos`,
  );
  const size = Number(rows[0]!.size);
  const partial: Buffer[][] = [[]];
  const tail: string[] = [];
  for (const row of rows) {
    if (row.hash === null) continue;
    (partial[row.level!] ??= []).push(Buffer.from(row.hash, 'hex'));
    if (row.level === 0) tail.push(row.entry!);
  }
  for (let level = 0; level < partial.length; level++) partial[level] ??= [];
  return { frontier: TileFrontier.fromPartialTiles(size, partial), tail, xid: rows[0]!.xid };
}
