// The current tree, restored from the database in one statement (so from one snapshot): its size (the
// committed entries always form a prefix, see append-ledger-entries.ts), the stored subtrees of its
// frontier and its trailing leaves. O(log n) rows.
import type { Sql } from '../database/sql';
import { MerkleFrontier } from './merkle-frontier';
import { MIN_STORED_LEVEL } from './tree-math';

export interface TreeState {
  frontier: MerkleFrontier;
  /** pg_current_xact_id_if_assigned(): lets a writer check that it still runs in its own transaction. */
  xid: string | null;
}

export async function readTreeState(sql: Sql): Promise<TreeState> {
  const rows = await sql<{ size: string; level: number | null; hash: string | null; xid: string | null }>(
    `WITH s AS (SELECT coalesce(max(leaf_index) + 1, 0)::bigint AS size FROM ledger_entry)
     SELECT s.size::text AS size, p.level, encode(p.hash, 'hex') AS hash, pg_current_xact_id_if_assigned()::text AS xid
       FROM s LEFT JOIN LATERAL (
              SELECT n.level::int AS level, n.hash, n.idx AS pos
                FROM generate_series($1::int, 62) AS k(level)
                JOIN ledger_node n ON n.level = k.level AND n.idx = (s.size >> k.level) - 1
               WHERE ((s.size >> k.level) & 1::bigint) = 1
              UNION ALL
              SELECT 0, e.leaf_hash, e.leaf_index FROM ledger_entry e WHERE e.leaf_index >= s.size - s.size % $2::bigint
            ) p ON true
      ORDER BY p.level DESC, p.pos`,
    [MIN_STORED_LEVEL, 2 ** MIN_STORED_LEVEL],
  );
  const size = Number(rows[0]!.size);
  const parts = rows.filter((r) => r.hash !== null).map((r) => ({ level: Number(r.level), hash: Buffer.from(r.hash!, 'hex') }));
  const frontier = MerkleFrontier.restore(
    size,
    parts.filter((p) => p.level > 0),
    parts.filter((p) => p.level === 0).map((p) => p.hash),
  );
  return { frontier, xid: rows[0]!.xid };
}
