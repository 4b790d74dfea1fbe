// Bad input to POST /api/scans, through the real server (issue 17): truncated or corrupt DICOS and
// TIFF, the wrong pixel depth, colour, an upload over the size limit (a small SCAN_MAX_BYTES, not 2 GB),
// a station name that is not the token's, unknown and revoked tokens, metadata that lists missing
// parts. Each answer is a 4xx naming the problem, and nothing is kept (no scan row, no blob).
import { readdir } from 'node:fs/promises';
import path from 'node:path';

import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';

import { getPool } from '../../lib/db';
import { blobRoot } from '../../lib/documents/blob-store';
import { resetEnvCache } from '../../lib/env';
import { encodeDicosImage } from '../../lib/scans/encode-dicos-image';
import { encodeGreyImage } from '../../lib/scans/encode-grey-image';
import { serveSignedIn } from '../graphql/http-server';
import { trackedShipment } from '../tracking/fixtures';
import { newStation, postScan, scanMetadata, syntheticImage } from '../support/scans';

const { server } = serveSignedIn({});

async function counts() {
  const scans = (await getPool().query('SELECT count(*)::int AS n FROM scan')).rows[0].n as number;
  const blobs = await readdir(blobRoot()).then(
    async (entries) => (await Promise.all(entries.filter((e) => e !== '.tmp').map((e) => readdir(path.join(blobRoot(), e)).catch(() => [])))).flat().length,
    () => 0,
  );
  return { scans, blobs };
}

async function refused(bytes: Buffer, expected: { status: number; message: RegExp }, metadata?: (station: string, container: string) => unknown) {
  const station = await newStation();
  const { containerNumber } = await trackedShipment();
  const before = await counts();
  const posted = await postScan(server.url, station.token, metadata ? metadata(station.code, containerNumber) : scanMetadata(station.code, containerNumber), { top: bytes });
  expect(posted.status, JSON.stringify(posted.json)).toBe(expected.status);
  expect(posted.json.error.message).toMatch(expected.message);
  expect(await counts()).toEqual(before);
}

afterEach(() => {
  delete process.env.SCAN_MAX_BYTES;
  resetEnvCache();
});

describe('images that cannot be read', () => {
  it('refuses a truncated DICOS file', async () => {
    const dicos = syntheticImage('dicos').bytes;
    await refused(dicos.subarray(0, dicos.length - 10_000), { status: 400, message: /Image part "top" cannot be read: .*(truncated|overrun)/ });
  });

  it('refuses a corrupt DICOS file (DICM marker, garbage after it)', async () => {
    const garbage = Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), Buffer.from('\x02\x00\x10\x00UI\xff\xffnot a dataset', 'latin1')]);
    await refused(garbage, { status: 400, message: /Image part "top" cannot be read: not a valid DICOS file/ });
  });

  it('refuses a truncated TIFF', async () => {
    const tiff = syntheticImage('tiff').bytes;
    await refused(tiff.subarray(0, Math.floor(tiff.length / 2)), { status: 400, message: /Image part "top" cannot be read/ });
  });

  it('refuses a truncated PNG', async () => {
    const png = syntheticImage('png').bytes;
    await refused(png.subarray(0, Math.floor(png.length * 0.7)), { status: 400, message: /Image part "top" cannot be read: the PNG data is truncated or corrupt/ });
  });

  it('refuses the wrong pixel depth (12-bit DICOS allocation) and colour (RGB PNG)', async () => {
    const dicos = encodeDicosImage({ width: 10, height: 10, bits: 16, pixels: new Uint16Array(100) });
    // BitsAllocated (0028,0100) → 12: the value sits after the tag, VR and length.
    const at = dicos.indexOf(Buffer.from([0x28, 0x00, 0x00, 0x01, 0x55, 0x53]));
    dicos.writeUInt16LE(12, at + 8);
    await refused(dicos, { status: 415, message: /wrong pixel depth \(BitsAllocated 12\)/ });
    const rgb = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#808080' } }).png().toBuffer();
    await refused(rgb, { status: 415, message: /3 channels; a scan image is greyscale/ });
  });

  it('refuses what is no image at all', async () => {
    await refused(Buffer.from('%PDF-1.7 not a scan'), { status: 415, message: /not PNG, TIFF or DICOS/ });
  });
});

describe('the upload and its metadata', () => {
  it('refuses an upload over SCAN_MAX_BYTES with 413 naming the limit, keeping nothing', async () => {
    process.env.SCAN_MAX_BYTES = '50000';
    resetEnvCache();
    const big = encodeGreyImage({ width: 400, height: 200, bits: 16, pixels: new Uint16Array(400 * 200).map((_, i) => (i * 7919) % 65536) }, 'tiff');
    expect(big.length).toBeGreaterThan(50_000);
    await refused(big, { status: 413, message: /exceeds the limit of 50000 bytes \(SCAN_MAX_BYTES\).*nothing was stored/ });
  });

  it('refuses metadata naming a station that is not the token’s', async () => {
    const other = await newStation();
    await refused(syntheticImage('png').bytes, { status: 403, message: new RegExp(`names station ${other.code}, but this token is station`) }, (_station, container) => scanMetadata(other.code, container));
  });

  it('refuses metadata without the scanner type, naming the field; and parts the metadata does not list', async () => {
    await refused(syntheticImage('png').bytes, { status: 400, message: /metadata needs correcting/ }, (station, container) => ({ ...scanMetadata(station, container), manufacturerModelName: undefined }));
    await refused(syntheticImage('png').bytes, { status: 400, message: /lists image part "side", which was not sent/ }, (station, container) =>
      scanMetadata(station, container, { images: [{ part: 'top', view: 'TOP' }, { part: 'side', view: 'SIDE' }] }),
    );
  });

  it('refuses an ATR region outside its image', async () => {
    await refused(syntheticImage('png').bytes, { status: 400, message: /ATR region \(WEAPON\) lies outside image "top"/ }, (station, container) =>
      scanMetadata(station, container, { atr: [{ part: 'top', label: 'WEAPON', confidence: 0.5, x: 590, y: 0, width: 30, height: 10 }] }),
    );
  });

  it('refuses unknown and revoked station tokens and ordinary API tokens with 401', async () => {
    const station = await newStation();
    const { containerNumber } = await trackedShipment();
    const image = { top: syntheticImage('png').bytes };
    expect((await postScan(server.url, 'cw_scan_unknown', scanMetadata(station.code, containerNumber), image)).status).toBe(401);
    expect((await postScan(server.url, 'cw_live_whatever', scanMetadata(station.code, containerNumber), image)).json.error.message).toContain("scanning station's token");
    await getPool().query('UPDATE scan_station SET revoked_at = now() WHERE id = $1', [station.id]);
    const revoked = await postScan(server.url, station.token, scanMetadata(station.code, containerNumber), image);
    expect([revoked.status, revoked.json.error.message]).toEqual([401, 'This scanning station was revoked.']);
  });
});
