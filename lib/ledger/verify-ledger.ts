// Recomputes the whole log from its entries — streaming, a few bundles in memory — and compares every
// stored leaf hash, full tile (its hashes and root) and checkpoint (root and signature, with the
// configured or a given public key) with what the entries imply. Stops at the first divergence in log
// order: a leaf, then the tiles that leaf completes (lowest first), then a checkpoint of the size it reaches.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';

import { getPool } from '../db';
import { AppError } from '../errors';
import { sqlOfClient, type Sql } from '../database/sql';
import { formatCheckpointBody, keyIdPreimage } from './checkpoint-format';
import { CHECKPOINT_COLUMNS, toSignedCheckpoint, type CheckpointRow } from './checkpoint-rows';
import { parseLedgerEntry } from './entry-format';
import { loadLedgerSigningKey } from './load-signing-key';
import { BUNDLE_SIZE, decodeEntryBundle } from './entry-bundle';
import { hashLeaf } from './merkle-hash';
import { TileFrontier, tileSpan, type FullTile } from './tile-frontier';
import { TILE_HEIGHT, TILE_WIDTH } from './tile-path';

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
  const frontier = TileFrontier.empty();
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

  /** Folds one leaf in: its hash against the stored one, the tiles it completes, a checkpoint of the size it reaches. */
  const leaf = async (leafIndex: number, entry: string, storedHash: Buffer | undefined, storedItem: Buffer | undefined, stored: Map<string, StoredTile>): Promise<LedgerDivergence | null> => {
    const fields = parseLedgerEntry(entry);
    if (!fields) return { what: 'leaf', leafIndex, expected: 'a canonical entry', found: entry, message: `Leaf ${leafIndex}: the entry is not a canonical ledger entry.` };
    const hash = hashLeaf(entry);
    if (!storedHash || !hash.equals(storedHash)) {
      return { what: 'leaf', leafIndex, expected: hash.toString('hex'), found: storedHash?.toString('hex') ?? null, message: `Leaf ${leafIndex}: the stored leaf hash is not SHA-256(0x00 || entry): the entry or its hash was changed.` };
    }
    if (storedItem && fields.sha256 !== storedItem.toString('hex')) {
      return { what: 'leaf', leafIndex, expected: fields.sha256, found: storedItem.toString('hex'), message: `Leaf ${leafIndex}: item_sha256 differs from the entry's sha256.` };
    }
    const full: FullTile[] = [];
    frontier.push(hash, full);
    for (const tile of full) {
      const problem = checkTile(tile, stored.get(`${tile.level}/${tile.index}`));
      if (problem) return problem;
      tally.nodes++;
    }
    const checkpoint = checkpointAt.get(frontier.size);
    if (checkpoint) {
      const { raw, object } = await trustedKey();
      const problem = checkCheckpoint(checkpoint, frontier.root().toString('hex'), object, raw);
      if (problem) return problem;
      tally.checkpoints++;
    }
    return null;
  };
  let checkpointAt = new Map<number, CheckpointRow>();
  const checkpointsIn = async (start: number, end: number) => {
    const rows = await sql<CheckpointRow>(`SELECT ${CHECKPOINT_COLUMNS} FROM ledger_checkpoint WHERE tree_size > $1::bigint AND tree_size <= $2::bigint`, [start, end]);
    checkpointAt = new Map(rows.map((c) => [Number(c.tree_size), c]));
  };

  // The full bundles, a few at a time, with their level-0 tiles.
  const bundlesPerRead = Math.max(1, Math.floor(batchSize / BUNDLE_SIZE));
  for (;;) {
    const start = frontier.size;
    const rows = await sql<{ idx: string; items: Buffer; entries: Buffer; hashes: Buffer | null }>(
      `SELECT b.idx::text AS idx, b.items, b.entries, t.hashes FROM ledger_bundle b LEFT JOIN ledger_tile t ON t.level = 0 AND t.idx = b.idx
        WHERE b.idx >= $1::bigint ORDER BY b.idx LIMIT $2`,
      [start / BUNDLE_SIZE, bundlesPerRead],
    );
    if (!rows.length) break;
    const end = start + rows.length * BUNDLE_SIZE;
    const stored = await storedTilesEnding(sql, start, end);
    await checkpointsIn(start, end);
    for (const row of rows) {
      const first = frontier.size;
      if (Number(row.idx) * BUNDLE_SIZE !== first) {
        return result({ what: 'leaf', leafIndex: first, expected: `leaf ${first}`, found: `leaf ${Number(row.idx) * BUNDLE_SIZE}`, message: `Leaf ${first} is missing: the next stored leaf is ${Number(row.idx) * BUNDLE_SIZE}.` });
      }
      let texts: string[];
      try {
        texts = decodeEntryBundle(row.items, row.entries);
      } catch (error) {
        return result({ what: 'leaf', leafIndex: first, expected: 'a well-formed entry bundle', found: null, message: `Bundle ${row.idx} (leaves ${first}..${first + 255}) cannot be read: ${(error as Error).message}.` });
      }
      for (let k = 0; k < texts.length; k++) {
        const problem = await leaf(first + k, texts[k]!, row.hashes?.subarray(32 * k, 32 * k + 32), undefined, stored);
        if (problem) return result(problem);
      }
    }
    options.onProgress?.(frontier.size);
  }

  // The tail: the leaves after the last full bundle.
  const n0 = frontier.size;
  const tail = await sql<{ leaf_index: string; entry: Buffer; leaf_hash: Buffer; item_sha256: Buffer }>(
    'SELECT leaf_index::text AS leaf_index, entry, leaf_hash, item_sha256 FROM ledger_tail ORDER BY ledger_tail.leaf_index',
  );
  await checkpointsIn(n0, n0 + tail.length);
  for (const row of tail) {
    const leafIndex = frontier.size;
    if (Number(row.leaf_index) !== leafIndex) {
      const message = Number(row.leaf_index) < leafIndex
        ? `Leaf ${row.leaf_index} is stored twice: in its bundle and in the tail.`
        : `Leaf ${leafIndex} is missing: the next stored leaf is ${row.leaf_index}.`;
      return result({ what: 'leaf', leafIndex, expected: `leaf ${leafIndex}`, found: `leaf ${row.leaf_index}`, message });
    }
    const problem = await leaf(leafIndex, row.entry.toString('latin1'), row.leaf_hash, row.item_sha256, new Map());
    if (problem) return result(problem);
  }

  const n = frontier.size;
  const [extraTile] = await sql<{ level: number; idx: string }>(
    `SELECT level::int AS level, idx::text AS idx FROM ledger_tile WHERE (idx + 1) * power(256::numeric, level + 1) > $1::bigint ORDER BY ledger_tile.idx, ledger_tile.level LIMIT 1`,
    [n],
  );
  if (extraTile) {
    return result({ what: 'node', level: TILE_HEIGHT * (extraTile.level + 1), index: Number(extraTile.idx), expected: null, found: 'a stored tile', message: `Tile ${extraTile.level}/${extraTile.idx} is stored, but the ${n} leaves do not fill it: leaves were removed, or the row was added.` });
  }
  const [extraCheckpoint] = await sql<{ tree_size: string }>('SELECT tree_size::text AS tree_size FROM ledger_checkpoint WHERE tree_size > $1::bigint ORDER BY ledger_checkpoint.tree_size LIMIT 1', [n]);
  if (extraCheckpoint) {
    return result({ what: 'checkpoint', treeSize: Number(extraCheckpoint.tree_size), expected: `at most ${n} leaves`, found: `a checkpoint of ${extraCheckpoint.tree_size} leaves`, message: `Checkpoint of size ${extraCheckpoint.tree_size} is beyond the ${n} stored leaves: leaves were removed.` });
  }
  return result();
}

interface StoredTile {
  hashes: Buffer;
  root: Buffer;
}

/** Stored tiles completed by the leaves [start, end), by "level/index". */
async function storedTilesEnding(sql: Sql, start: number, end: number): Promise<Map<string, StoredTile>> {
  const levels: number[] = [];
  const lows: number[] = [];
  const highs: number[] = [];
  for (let level = 0; tileSpan(level + 1) <= end; level++) {
    const span = tileSpan(level + 1);
    // Tiles whose last leaf is in [start, end): (index + 1) · span in (start, end].
    const low = Math.floor(start / span);
    const high = Math.floor(end / span) - 1;
    if (low <= high) {
      levels.push(level);
      lows.push(low);
      highs.push(high);
    }
  }
  if (!levels.length) return new Map();
  const rows = await sql<{ level: number; idx: string; hashes: Buffer; root: Buffer }>(
    `SELECT t.level::int AS level, t.idx::text AS idx, t.hashes, t.root
       FROM unnest($1::int[], $2::bigint[], $3::bigint[]) AS r(level, low, high)
       JOIN ledger_tile t ON t.level = r.level AND t.idx BETWEEN r.low AND r.high`,
    [levels, lows, highs],
  );
  return new Map(rows.map((r) => [`${r.level}/${r.idx}`, { hashes: r.hashes, root: r.root }]));
}

/** A full tile as the leaves imply it against the stored one: the first differing hash, else the root. */
function checkTile(tile: FullTile, stored: StoredTile | undefined): LedgerDivergence | null {
  const height = TILE_HEIGHT * tile.level;
  const covers = (level: number, index: number): [number, number] => [index * 2 ** level, (index + 1) * 2 ** level];
  const root = covers(height + TILE_HEIGHT, tile.index);
  if (!stored) {
    return { what: 'node', level: height + TILE_HEIGHT, index: tile.index, leaves: root, expected: tile.root.toString('hex'), found: null, message: `Tile ${tile.level}/${tile.index} (leaves ${root[0]}..${root[1] - 1}) is missing.` };
  }
  // Level-0 hashes were compared leaf by leaf; above, each hash is a subtree of height 8·level.
  for (let k = 0; tile.level > 0 && k < TILE_WIDTH; k++) {
    if (!tile.hashes[k]!.equals(stored.hashes.subarray(32 * k, 32 * k + 32))) {
      const leaves = covers(height, tile.index * TILE_WIDTH + k);
      return {
        what: 'node', level: height, index: tile.index * TILE_WIDTH + k, leaves, expected: tile.hashes[k]!.toString('hex'), found: stored.hashes.subarray(32 * k, 32 * k + 32).toString('hex'),
        message: `Subtree hash level ${height} index ${tile.index * TILE_WIDTH + k} (tile ${tile.level}/${tile.index}) differs from its leaves ${leaves[0]}..${leaves[1] - 1}: one of those leaves was changed after the tile was stored, or the tile was.`,
      };
    }
  }
  if (!tile.root.equals(stored.root)) {
    return {
      what: 'node', level: height + TILE_HEIGHT, index: tile.index, leaves: root, expected: tile.root.toString('hex'), found: stored.root.toString('hex'),
      message: `The root of tile ${tile.level}/${tile.index} (subtree hash level ${height + TILE_HEIGHT} index ${tile.index}) differs from its leaves ${root[0]}..${root[1] - 1}: the tile's root was changed.`,
    };
  }
  return null;
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
