// Recomputes the whole log from its entries — streaming, one batch of leaves in memory — and compares
// every stored leaf hash, subtree hash and checkpoint (root and signature, with the configured or a given public key)
// with what the entries imply. Stops at the first divergence in log order: a leaf, then the subtrees
// that leaf completes (lowest first), then a checkpoint of the size it reaches.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';

import { getPool } from '../db';
import { AppError } from '../errors';
import { sqlOfClient, type Sql } from '../database/sql';
import { formatCheckpointBody, keyIdPreimage } from './checkpoint-format';
import { CHECKPOINT_COLUMNS, toSignedCheckpoint, type CheckpointRow } from './checkpoint-rows';
import { parseLedgerEntry } from './entry-format';
import { loadLedgerSigningKey } from './load-signing-key';
import { MerkleFrontier, type CompletedNode } from './merkle-frontier';
import { hashLeaf } from './merkle-hash';
import { MIN_STORED_LEVEL } from './tree-math';

export interface LedgerDivergence {
  what: 'leaf' | 'node' | 'checkpoint';
  /** The leaf (what = leaf). */
  leafIndex?: number;
  /** The subtree (what = node): its level and index, and the leaves it covers [start, end). */
  level?: number;
  index?: number;
  leaves?: [number, number];
  /** The checkpoint (what = checkpoint). */
  treeSize?: number;
  /** What the entries imply, and what the database holds (null: missing or not applicable). */
  expected: string | null;
  found: string | null;
  message: string;
}

export interface LedgerVerification {
  ok: boolean;
  /** Leaves read (up to the divergence, if any). */
  leaves: number;
  nodes: number;
  checkpoints: number;
  /** Root of all the leaves read, hex. */
  rootHash: string;
  /** Entries committed but not yet integrated (not part of the tree, so not checked here), when any. */
  pending?: number;
  divergence?: LedgerDivergence;
}

/**
 * Checkpoint signatures are checked with `publicKey` (raw 32 bytes, e.g. from the published
 * /.well-known/clearway-ledger.json) when given, else with the configured signing key's (never generated here).
 */
export async function verifyLedger(options: { batchSize?: number; publicKey?: Uint8Array; onProgress?: (leaves: number) => void } = {}): Promise<LedgerVerification> {
  const batchSize = options.batchSize ?? 10_000;
  const sql = sqlOfClient(getPool());
  let key: { raw: Buffer; object: KeyObject } | undefined;
  const trustedKey = async () => {
    if (!key) {
      const raw = options.publicKey
        ? Buffer.from(options.publicKey)
        : (
            await loadLedgerSigningKey({ create: false }).catch((error: unknown) => {
              throw new AppError('BAD_USER_INPUT', `No public key was given and no signing key is configured here (${error instanceof Error ? error.message : String(error)}): pass the log's published key (--public-key, from /.well-known/clearway-ledger.json).`);
            })
          ).publicKeyRaw;
      key = { raw, object: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' }) };
    }
    return key;
  };
  const frontier = new MerkleFrontier();
  const tally = { nodes: 0, checkpoints: 0 };
  const [{ pending }] = (await sql<{ pending: number }>('SELECT count(*)::int AS pending FROM ledger_pending')) as [{ pending: number }];
  const result = (divergence?: LedgerDivergence): LedgerVerification => ({
    ok: !divergence,
    ...(pending ? { pending } : {}),
    leaves: frontier.size,
    ...tally,
    rootHash: frontier.root().toString('hex'),
    ...(divergence ? { divergence } : {}),
  });

  for (;;) {
    const start = frontier.size;
    const rows = await sql<{ leaf_index: string; entry: string; leaf_hash: string; item_sha256: string }>(
      `SELECT leaf_index::text AS leaf_index, encode(entry, 'hex') AS entry, encode(leaf_hash, 'hex') AS leaf_hash, encode(item_sha256, 'hex') AS item_sha256
         FROM ledger_entry WHERE leaf_index >= $1::bigint ORDER BY ledger_entry.leaf_index LIMIT $2`,
      [start, batchSize],
    );
    if (!rows.length) break;
    const end = start + rows.length;
    const nodes = await storedNodesEnding(sql, start, end);
    const checkpoints = await sql<CheckpointRow>(`SELECT ${CHECKPOINT_COLUMNS} FROM ledger_checkpoint WHERE tree_size > $1::bigint AND tree_size <= $2::bigint`, [start, end]);
    const checkpointAt = new Map(checkpoints.map((c) => [Number(c.tree_size), c]));

    for (const row of rows) {
      const leafIndex = frontier.size;
      if (Number(row.leaf_index) !== leafIndex) {
        return result({ what: 'leaf', leafIndex, expected: `leaf ${leafIndex}`, found: `leaf ${row.leaf_index}`, message: `Leaf ${leafIndex} is missing: the next stored leaf is ${row.leaf_index}.` });
      }
      const entry = Buffer.from(row.entry, 'hex');
      const fields = parseLedgerEntry(entry);
      if (!fields) return result({ what: 'leaf', leafIndex, expected: 'a canonical entry', found: entry.toString('utf8'), message: `Leaf ${leafIndex}: the entry is not a canonical ledger entry.` });
      const leaf = hashLeaf(entry);
      if (leaf.toString('hex') !== row.leaf_hash) {
        return result({ what: 'leaf', leafIndex, expected: leaf.toString('hex'), found: row.leaf_hash, message: `Leaf ${leafIndex}: the stored leaf hash is not SHA-256(0x00 || entry): the entry or its hash was changed.` });
      }
      if (fields.sha256 !== row.item_sha256) {
        return result({ what: 'leaf', leafIndex, expected: fields.sha256, found: row.item_sha256, message: `Leaf ${leafIndex}: item_sha256 differs from the entry's sha256.` });
      }
      const completed: CompletedNode[] = [];
      frontier.push(leaf, completed);
      for (const node of completed) {
        const found = nodes.get(`${node.level}:${node.index}`) ?? null;
        const expected = node.hash.toString('hex');
        if (found !== expected) {
          const leaves: [number, number] = [node.index * 2 ** node.level, (node.index + 1) * 2 ** node.level];
          return result({
            what: 'node', level: node.level, index: node.index, leaves, expected, found,
            message: found === null
              ? `Subtree hash level ${node.level} index ${node.index} (leaves ${leaves[0]}..${leaves[1] - 1}) is missing.`
              : `Subtree hash level ${node.level} index ${node.index} differs from its leaves ${leaves[0]}..${leaves[1] - 1}: one of those leaves (entry and leaf hash) was changed after the subtree was stored, or the subtree hash was.`,
          });
        }
        tally.nodes++;
      }
      const checkpoint = checkpointAt.get(frontier.size);
      if (checkpoint) {
        const { raw, object } = await trustedKey();
        const problem = checkCheckpoint(checkpoint, frontier.root().toString('hex'), object, raw);
        if (problem) return result(problem);
        tally.checkpoints++;
      }
    }
    options.onProgress?.(frontier.size);
  }

  const n = frontier.size;
  const [extraNode] = await sql<{ level: number; idx: string }>(
    `SELECT level::int AS level, idx::text AS idx FROM ledger_node WHERE level < $1 OR (idx + 1) * power(2::numeric, level) > $2::bigint ORDER BY ledger_node.idx, ledger_node.level LIMIT 1`,
    [MIN_STORED_LEVEL, n],
  );
  if (extraNode) {
    return result({ what: 'node', level: extraNode.level, index: Number(extraNode.idx), expected: null, found: 'a stored subtree hash', message: `Subtree hash level ${extraNode.level} index ${extraNode.idx} is stored, but the ${n} leaves do not complete it: leaves were removed, or the row was added.` });
  }
  const [extraCheckpoint] = await sql<{ tree_size: string }>('SELECT tree_size::text AS tree_size FROM ledger_checkpoint WHERE tree_size > $1::bigint ORDER BY ledger_checkpoint.tree_size LIMIT 1', [n]);
  if (extraCheckpoint) {
    return result({ what: 'checkpoint', treeSize: Number(extraCheckpoint.tree_size), expected: `at most ${n} leaves`, found: `a checkpoint of ${extraCheckpoint.tree_size} leaves`, message: `Checkpoint of size ${extraCheckpoint.tree_size} is beyond the ${n} stored leaves: leaves were removed.` });
  }
  return result();
}

/** Stored subtree hashes completed by the leaves [start, end), by "level:index". */
async function storedNodesEnding(sql: Sql, start: number, end: number): Promise<Map<string, string>> {
  const levels: number[] = [];
  const lows: number[] = [];
  const highs: number[] = [];
  for (let level = MIN_STORED_LEVEL; 2 ** level <= end; level++) {
    const size = 2 ** level;
    // Subtrees whose last leaf is in [start, end): (index + 1) · size in (start, end].
    const low = Math.floor(start / size);
    const high = Math.floor(end / size) - 1;
    if (low <= high) {
      levels.push(level);
      lows.push(low);
      highs.push(high);
    }
  }
  if (!levels.length) return new Map();
  const rows = await sql<{ level: number; idx: string; hash: string }>(
    `SELECT n.level::int AS level, n.idx::text AS idx, encode(n.hash, 'hex') AS hash
       FROM unnest($1::int[], $2::bigint[], $3::bigint[]) AS r(level, low, high)
       JOIN ledger_node n ON n.level = r.level AND n.idx BETWEEN r.low AND r.high`,
    [levels, lows, highs],
  );
  return new Map(rows.map((r) => [`${r.level}:${r.idx}`, r.hash]));
}

function checkCheckpoint(row: CheckpointRow, expectedRoot: string, publicKey: KeyObject, publicKeyRaw: Buffer): LedgerDivergence | null {
  const checkpoint = toSignedCheckpoint(row);
  const { treeSize } = checkpoint;
  if (checkpoint.rootHash !== expectedRoot) {
    return { what: 'checkpoint', treeSize, expected: expectedRoot, found: checkpoint.rootHash, message: `Checkpoint of size ${treeSize}: its root differs from the root of the first ${treeSize} leaves.` };
  }
  const keyId = createHash('sha256').update(keyIdPreimage(checkpoint.origin, publicKeyRaw)).digest().subarray(0, 4).toString('hex');
  if (checkpoint.keyId !== keyId) {
    return { what: 'checkpoint', treeSize, expected: keyId, found: checkpoint.keyId, message: `Checkpoint of size ${treeSize} names key ${checkpoint.keyId}, not the trusted key ${keyId}.` };
  }
  const body = Buffer.from(formatCheckpointBody(checkpoint), 'utf8');
  if (!verify(null, body, publicKey, Buffer.from(checkpoint.signature, 'base64'))) {
    return { what: 'checkpoint', treeSize, expected: 'a valid Ed25519 signature', found: checkpoint.signature, message: `Checkpoint of size ${treeSize}: the signature does not verify with the trusted key.` };
  }
  return null;
}
