// RFC 9162 §2.1.3 inclusion proof (audit path) of one leaf in the tree of the first treeSize leaves,
// past checkpoint sizes included, from the tiles (read-tree-hashes.ts): the leaf's level-0 tile, one tile
// per level above it and the partial tiles of the right edge — O(log n) hashes in at most a few rows,
// most of them cached.
import { AppError } from '../errors';
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import { SHA256_HEX } from './entry-format';
import { cachedTile, readTreeHashes, tileAt, tileKey } from './read-tree-hashes';
import { TILE_WIDTH } from './tile-path';
import { inclusionPathRanges } from './tree-math';
import type { InclusionProofInput } from './verify-proof';

export type InclusionProof = InclusionProofInput;

/**
 * The leaf by index or by leaf hash (SHA-256(0x00 || entry), hex; the first leaf with that hash).
 * treeSize defaults to the latest checkpoint's size when it includes the leaf, else the current size.
 */
export async function getInclusionProof(options: { leafIndex?: number; leafHash?: string; treeSize?: number }): Promise<InclusionProof> {
  const byIndex = options.leafIndex !== undefined;
  if (byIndex === (options.leafHash !== undefined)) throw new AppError('BAD_USER_INPUT', 'Give either leafIndex or leafHash.');
  if (byIndex && !isIndex(options.leafIndex)) throw badInput('leafIndex', 'Must be a leaf index (an integer from 0).');
  const leafHash = options.leafHash?.toLowerCase();
  if (!byIndex && !SHA256_HEX.test(leafHash ?? '')) throw badInput('leafHash', 'Must be a SHA-256 as 64 hexadecimal digits.');
  if (options.treeSize !== undefined && !(isIndex(options.treeSize) && options.treeSize > 0)) throw badInput('treeSize', 'Must be a tree size (an integer from 1).');

  const pool = getPool();
  let leafIndex = options.leafIndex;
  if (!byIndex) {
    // RFC 9162's get-proof-by-hash: a scan of the level-0 tiles (no index on leaf hashes: products find
    // leaves by item, getLedgerEntry), earliest first, aligned matches only.
    const [found] = await sqlOfClient(pool)<{ m: string }>(
      `SELECT m::text AS m FROM (
         (SELECT t.idx * 256 + (p.at - 1) / 32 AS m FROM ledger_tile t CROSS JOIN LATERAL (SELECT position(decode($1, 'hex') IN t.hashes) AS at) AS p
           WHERE t.level = 0 AND p.at > 0 AND (p.at - 1) % 32 = 0 ORDER BY t.idx LIMIT 1)
         UNION ALL
         (SELECT leaf_index FROM ledger_tail WHERE leaf_hash = decode($1, 'hex') ORDER BY leaf_index LIMIT 1)
       ) AS f ORDER BY m LIMIT 1`,
      [leafHash],
    );
    if (!found) throw new AppError('NOT_FOUND', `No ledger leaf has the hash ${leafHash}.`);
    leafIndex = Number(found.m);
  }
  const m = leafIndex!;
  // The leaf's level-0 tile comes with the sizes when it is full and not cached: most proofs are then one
  // round trip (the tiles above it are few and stay cached). A named statement: parsed and planned once
  // per pooled connection.
  const leafTile = tileAt(0, m, Number.MAX_SAFE_INTEGER);
  const fetchLeafTile = !cachedTile(leafTile);
  const { rows } = await pool.query<{ size: string; checkpoint: string | null; tile: Buffer | null }>({
    name: 'ledger-inclusion-proof-sizes',
    text: `SELECT ledger_tree_size()::text AS size, (SELECT max(tree_size) FROM ledger_checkpoint)::text AS checkpoint,
                  CASE WHEN $2::bool THEN (SELECT hashes FROM ledger_tile WHERE level = 0 AND idx = $1::bigint) END AS tile`,
    values: [leafTile.index, fetchLeafTile],
  });
  const size = Number(rows[0]!.size);
  if (m >= size) throw new AppError('NOT_FOUND', `The ledger has no leaf ${m}.`);
  const checkpointSize = Number(rows[0]!.checkpoint ?? 0);
  const treeSize = options.treeSize ?? (checkpointSize > m ? checkpointSize : size);
  if (treeSize > size) throw badInput('treeSize', `The ledger has ${size} leaves, not ${treeSize}.`);
  if (m >= treeSize) throw badInput('treeSize', `Leaf ${m} is not in the tree of the first ${treeSize} leaves.`);

  // A full tile read with the sizes serves every tree that has the whole tile.
  const prefetched = new Map<string, Buffer>();
  if (rows[0]!.tile && Math.floor(treeSize / TILE_WIDTH) > leafTile.index) prefetched.set(tileKey(leafTile), rows[0]!.tile);
  const hashes = await readTreeHashes(sqlOfClient(pool), treeSize, [[m, m + 1], ...inclusionPathRanges(m, treeSize), [0, treeSize]], prefetched);
  const rootHash = hashes.pop()!.toString('hex');
  const leaf = hashes.shift()!.toString('hex');
  return { leafIndex: m, leafHash: leaf, treeSize, rootHash, auditPath: hashes.map((h) => h.toString('hex')) };
}

const isIndex = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

function badInput(field: string, message: string): AppError {
  return new AppError('BAD_USER_INPUT', message, { fieldErrors: [{ path: [field], code: 'INVALID', message }] });
}
