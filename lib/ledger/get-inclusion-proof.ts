// RFC 9162 §2.1.3 inclusion proof (audit path) of one leaf in the tree of the first treeSize leaves,
// past checkpoint sizes included. One query (one round trip): the leaf, the sizes, and every stored
// hash the path and the root can need — the siblings of the leaf's ancestors, the subtrees of the
// tree's right edge (which make up every incomplete range of the path), and the leaves of the two
// 16-leaf chunks below MIN_STORED_LEVEL (the leaf's and the last one).
import { AppError } from '../errors';
import { getPool } from '../db';
import { SHA256_HEX } from './entry-format';
import { hashKey, rangeHashesFrom } from './read-range-hashes';
import { inclusionPathRanges, MIN_STORED_LEVEL } from './tree-math';
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

  // A named statement: each pooled connection parses and plans it once (this path serves the public
  // verification page; its parsing and planning cost more than its execution).
  const { rows } = await getPool().query<{ kind: 'meta' | 'node' | 'leaf'; level: number | null; idx: string | null; hash: string | null; size: string | null; checkpoint: string | null }>({
    name: byIndex ? 'ledger-inclusion-proof-by-index' : 'ledger-inclusion-proof-by-hash',
    text: `WITH leaf AS (
       SELECT leaf_index AS m, leaf_hash FROM ledger_entry
        WHERE ${byIndex ? 'leaf_index = $1::bigint' : "leaf_hash = decode($1, 'hex')"}
        ORDER BY ledger_entry.leaf_index LIMIT 1
     ), sizes AS (
       SELECT (SELECT coalesce(max(leaf_index) + 1, 0) FROM ledger_entry) AS size,
              (SELECT coalesce(max(tree_size), 0) FROM ledger_checkpoint) AS checkpoint
     ), tree AS (
       SELECT leaf.m, least(coalesce($2::bigint, CASE WHEN sizes.checkpoint > leaf.m THEN sizes.checkpoint ELSE sizes.size END), sizes.size) AS n
         FROM leaf, sizes
     ), levels AS (
       SELECT tree.m, tree.n, k.level FROM tree, generate_series($3::int, 62) AS k(level) WHERE (1::bigint << k.level) <= tree.n
     ), wanted AS (
       SELECT level, (m >> level) # 1 AS idx FROM levels WHERE (((m >> level) # 1) + 1) << level <= n
       UNION
       SELECT level, (n >> level) - 1 FROM levels WHERE ((n >> level) & 1) = 1
     )
     SELECT 'meta' AS kind, NULL::int AS level, leaf.m::text AS idx, encode(leaf.leaf_hash, 'hex') AS hash, sizes.size::text AS size, sizes.checkpoint::text AS checkpoint
       FROM sizes LEFT JOIN leaf ON true
     UNION ALL
     SELECT 'node', nd.level::int, nd.idx::text, encode(nd.hash, 'hex'), NULL, NULL
       FROM wanted JOIN ledger_node nd ON nd.level = wanted.level AND nd.idx = wanted.idx
     UNION ALL
     SELECT 'leaf', 0, e.leaf_index::text, encode(e.leaf_hash, 'hex'), NULL, NULL
       FROM tree JOIN ledger_entry e ON e.leaf_index >= (tree.m >> $3::int) << $3::int AND e.leaf_index < least(((tree.m >> $3::int) + 1) << $3::int, tree.n)
     UNION ALL
     SELECT 'leaf', 0, e.leaf_index::text, encode(e.leaf_hash, 'hex'), NULL, NULL
       FROM tree JOIN ledger_entry e ON e.leaf_index >= tree.n - tree.n % $4::bigint AND e.leaf_index < tree.n`,
    values: [byIndex ? options.leafIndex : leafHash, options.treeSize ?? null, MIN_STORED_LEVEL, 2 ** MIN_STORED_LEVEL],
  });
  const meta = rows.find((r) => r.kind === 'meta')!;
  if (meta.idx === null) {
    throw new AppError('NOT_FOUND', byIndex ? `The ledger has no leaf ${options.leafIndex}.` : `No ledger leaf has the hash ${leafHash}.`);
  }
  const leafIndex = Number(meta.idx);
  const size = Number(meta.size);
  const checkpointSize = Number(meta.checkpoint);
  const treeSize = options.treeSize ?? (checkpointSize > leafIndex ? checkpointSize : size);
  if (treeSize > size) throw badInput('treeSize', `The ledger has ${size} leaves, not ${treeSize}.`);
  if (leafIndex >= treeSize) throw badInput('treeSize', `Leaf ${leafIndex} is not in the tree of the first ${treeSize} leaves.`);

  const found = new Map(rows.filter((r) => r.kind !== 'meta').map((r) => [hashKey(Number(r.level), Number(r.idx)), Buffer.from(r.hash!, 'hex')]));
  const hashes = rangeHashesFrom(found, [...inclusionPathRanges(leafIndex, treeSize), [0, treeSize]]);
  const rootHash = hashes.pop()!.toString('hex');
  return { leafIndex, leafHash: meta.hash!, treeSize, rootHash, auditPath: hashes.map((h) => h.toString('hex')) };
}

const isIndex = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

function badInput(field: string, message: string): AppError {
  return new AppError('BAD_USER_INPUT', message, { fieldErrors: [{ path: [field], code: 'INVALID', message }] });
}
