// The bytes of a C2SP tlog-tiles resource, from the stored tiles (read-tiles.ts): a level-L tile is W
// hashes of subtrees of height 8L, an entry bundle W entries each after its big-endian uint16 length
// (from the compact bundle, or the tail for the bundle being filled). Served only within the latest
// signed checkpoint, so every partial tile a checkpoint implies exists (for past checkpoints too: a
// narrower partial tile is a prefix of a wider one) and nothing unsigned is.
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import { AppError } from '../errors';
import { readLatestCheckpoint } from './checkpoint-rows';
import { decodeEntryBundle } from './entry-bundle';
import { readTiles } from './read-tiles';
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
  if (tile.level !== 'entries') return (await readTiles(sql, [{ level: tile.level, index: tile.index, width: tile.width }]))[0]!;
  const [row] = await sql<{ items: Buffer | null; entries: Buffer | null; tail: Buffer | null }>(
    `SELECT b.items, b.entries,
            (SELECT string_agg(int2send(octet_length(entry)::int2) || entry, ''::bytea ORDER BY leaf_index) FROM ledger_tail
              WHERE b.idx IS NULL AND leaf_index >= $2::bigint AND leaf_index < $3::bigint) AS tail
       FROM (SELECT 1) AS one LEFT JOIN ledger_bundle b ON b.idx = $1::bigint`,
    [tile.index, first, end],
  );
  if (row?.items && row.entries) {
    const texts = decodeEntryBundle(row.items, row.entries, tile.width);
    return Buffer.concat(texts.flatMap((t) => [Buffer.from([t.length >> 8, t.length & 0xff]), Buffer.from(t, 'latin1')]));
  }
  const bytes = row?.tail ?? Buffer.alloc(0);
  let count = 0;
  for (let at = 0; at < bytes.length; at += 2 + bytes.readUInt16BE(at)) count++;
  if (count !== tile.width) throw new AppError('INTERNAL_SERVER_ERROR', `The ledger is missing entries of bundle ${tile.index}: run npm run ledger:verify.`);
  return bytes;
}
