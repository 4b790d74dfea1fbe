// What the viewer loads of a scan image: its thumbnail, its DZI descriptor at a preset, or one tile.
// The bytes are in the blob store (made by processScanImages); the descriptor is built from the row.
import type { Readable } from 'node:stream';

import type { Actor } from '../auth/actor';
import { getBlobStore } from '../documents/get-blob-store';
import { getPool } from '../db';
import { AppError } from '../errors';
import { assertScanReader } from './scan-access';
import { isScanPreset } from './scan-presets';

export type ScanImageAsset = { kind: 'thumbnail' } | { kind: 'dzi'; preset: string } | { kind: 'tile'; preset: string; level: number; col: number; row: number };

export async function getScanImageAsset(options: { actor: Actor | null; imageId: string; asset: ScanImageAsset }): Promise<{ contentType: string; body: Readable | string; etag: string }> {
  assertScanReader(options.actor);
  const { asset } = options;
  const notFound = new AppError('NOT_FOUND', 'No such scan image, preset or tile (tiles appear once the scan is processed).');
  if (!/^[0-9a-f-]{36}$/i.test(options.imageId)) throw notFound;
  if (asset.kind !== 'thumbnail' && !isScanPreset(asset.preset)) throw notFound;
  const { rows } = await getPool().query<{ width: number; height: number; thumbnail_sha256: string | null; tile_size: number | null; tile_overlap: number | null }>(
    `SELECT width, height, thumbnail_sha256, tile_size, tile_overlap FROM scan_image WHERE id = $1::uuid`,
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
    asset.preset,
    asset.level,
    asset.col,
    asset.row,
  ]);
  const sha256 = tile.rows[0]?.sha256;
  if (!sha256) throw notFound;
  return { contentType: 'image/jpeg', body: await getBlobStore().get(sha256), etag: sha256 };
}
