// What the viewer loads of a scan image: its thumbnail, its DZI descriptor at a preset, or one tile.
// The bytes are in the blob store (made by processScanImages); the descriptor is built from the row.
// A tile at the free window (preset "window", with a centre and width in sample values) or in a
// pseudo-colour map is rendered from a stored tile when asked for (render-scan-tile.ts); `body` is then
// a function, so a caller that already holds the ETag (If-None-Match) need not render it.
import type { Readable } from 'node:stream';

import type { Actor } from '../auth/actor';
import { getBlobStore } from '../documents/get-blob-store';
import { getPool } from '../db';
import { AppError } from '../errors';
import { isScanColourMap, type ScanColourMap } from './apply-scan-window';
import { parseScanWindow } from './parse-scan-window';
import { renderScanTile } from './render-scan-tile';
import { assertScanReader } from './scan-access';
import { isScanPreset, RAW_TILES } from './scan-presets';

/** The free window's tile set: rendered from the raw tiles at the asked centre and width. */
export const FREE_WINDOW = 'window';

/** A tile; `centre`/`width` (the free window, as typed: checked here) and `map` (default grey) are the query's. */
export type ScanImageAsset =
  | { kind: 'thumbnail' }
  | { kind: 'dzi'; preset: string }
  | { kind: 'tile'; preset: string; level: number; col: number; row: number; centre?: string | null; width?: string | null; map?: string | null };

const fieldProblem = (field: string, message: string) => new AppError('BAD_USER_INPUT', message, { field, fieldErrors: [{ path: [field], code: 'INVALID', message }] });

export async function getScanImageAsset(options: { actor: Actor | null; imageId: string; asset: ScanImageAsset }): Promise<{ contentType: string; body: Readable | string | (() => Promise<Buffer>); etag: string }> {
  assertScanReader(options.actor);
  const { asset } = options;
  const notFound = new AppError('NOT_FOUND', 'No such scan image, preset or tile (tiles appear once the scan is processed).');
  if (!/^[0-9a-f-]{36}$/i.test(options.imageId)) throw notFound;
  const free = asset.kind === 'tile' && asset.preset === FREE_WINDOW;
  if (asset.kind !== 'thumbnail' && !free && !isScanPreset(asset.preset)) throw notFound;
  const map = asset.kind === 'tile' ? (asset.map ?? 'grey') : 'grey';
  if (!isScanColourMap(map)) throw fieldProblem('map', `No colour map ${map}: grey, inverted, hot or viridis.`);
  const { rows } = await getPool().query<{ width: number; height: number; bits: 8 | 16; thumbnail_sha256: string | null; tile_size: number | null; tile_overlap: number | null }>(
    `SELECT width, height, bits, thumbnail_sha256, tile_size, tile_overlap FROM scan_image WHERE id = $1::uuid`,
    [options.imageId],
  );
  const image = rows[0];
  if (!image) throw notFound;
  if (asset.kind === 'thumbnail') {
    if (!image.thumbnail_sha256) throw notFound;
    return { contentType: 'image/png', body: await getBlobStore().get(image.thumbnail_sha256), etag: image.thumbnail_sha256 };
  }
  if (asset.kind === 'dzi') {
    if (!image.tile_size) throw notFound;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Image xmlns="http://schemas.microsoft.com/deepzoom/2008" Format="jpeg" Overlap="${image.tile_overlap}" TileSize="${image.tile_size}"><Size Width="${image.width}" Height="${image.height}"/></Image>\n`;
    return { contentType: 'application/xml', body: xml, etag: `${options.imageId}-${asset.preset}-${image.tile_size}` };
  }
  const tile = await getPool().query<{ sha256: string }>(`SELECT sha256 FROM scan_tile WHERE image_id = $1::uuid AND preset = $2 AND level = $3 AND col = $4 AND "row" = $5`, [
    options.imageId,
    free ? RAW_TILES : asset.preset,
    asset.level,
    asset.col,
    asset.row,
  ]);
  const sha256 = tile.rows[0]?.sha256;
  if (!sha256) throw notFound;
  const window = free ? parseScanWindow(asset.centre, asset.width, image.bits) : null;
  if (!window && map === 'grey') return { contentType: 'image/jpeg', body: await getBlobStore().get(sha256), etag: sha256 };
  return {
    contentType: 'image/jpeg',
    body: async () => renderScanTile({ source: await getBlobStore().get(sha256), window, map: map as ScanColourMap }),
    etag: `${sha256}-${window ? `${window.centre}-${window.width}` : 'preset'}-${map}`,
  };
}
