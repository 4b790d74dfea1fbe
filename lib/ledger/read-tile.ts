// The bytes of a C2SP tlog-tiles resource, from the stored tree: a level-0 tile is W leaf hashes
// (ledger_entry), a level-L tile the W subtree hashes of height 8L (ledger_node, which stores every
// complete subtree from level 4 up), an entry bundle W entries each after its big-endian uint16 length.
// Served only within the latest signed checkpoint, so every partial tile a checkpoint implies exists
// (for past checkpoints too: a narrower partial tile is a prefix of a wider one) and nothing unsigned is.
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import { AppError } from '../errors';
import { readLatestCheckpoint } from './checkpoint-rows';
import { TILE_HEIGHT, TILE_WIDTH, type TileAddress } from './tile-path';

/** NOT_FOUND when the latest checkpoint does not reach the whole tile. */
export async function readTile(tile: TileAddress): Promise<Buffer> {
  const sql = sqlOfClient(getPool());
  const checkpoint = await readLatestCheckpoint(sql);
  const levelSize = tile.level === 'entries' ? 1 : 2 ** (TILE_HEIGHT * tile.level);
  const first = tile.index * TILE_WIDTH;
  const end = first + tile.width;
  if (!checkpoint || end * levelSize > checkpoint.treeSize) {
    throw new AppError('NOT_FOUND', `The latest checkpoint (${checkpoint?.treeSize ?? 0} leaves) does not cover this tile.`);
  }
  const [row] = await sql<{ bytes: Buffer | null }>(
    tile.level === 'entries'
      ? `SELECT string_agg(int2send(octet_length(entry)::int2) || entry, ''::bytea ORDER BY leaf_index) AS bytes FROM ledger_entry WHERE leaf_index >= $1::bigint AND leaf_index < $2::bigint`
      : tile.level === 0
        ? `SELECT string_agg(leaf_hash, ''::bytea ORDER BY leaf_index) AS bytes FROM ledger_entry WHERE leaf_index >= $1::bigint AND leaf_index < $2::bigint`
        : `SELECT string_agg(hash, ''::bytea ORDER BY idx) AS bytes FROM ledger_node WHERE level = $3 AND idx >= $1::bigint AND idx < $2::bigint`,
    tile.level === 'entries' || tile.level === 0 ? [first, end] : [first, end, TILE_HEIGHT * tile.level],
  );
  const bytes = row?.bytes ?? Buffer.alloc(0);
  if (tile.level !== 'entries' && bytes.length !== 32 * tile.width) {
    throw new AppError('INTERNAL_SERVER_ERROR', `The ledger is missing hashes of tile ${tile.level}/${tile.index}: run npm run ledger:verify.`);
  }
  return bytes;
}
