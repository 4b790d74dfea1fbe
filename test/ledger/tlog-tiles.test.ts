// The log as C2SP tlog-tiles under /ledger/: a client that knows only the spec (and the published key)
// reads the checkpoint, fetches tiles and entry bundles, and reproduces the checkpoint's root and an
// inclusion proof from them alone. 70,000 leaves: full and partial tiles on levels 0, 1 and 2.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getInclusionProof } from '../../lib/ledger/get-inclusion-proof';
import { getLedgerPublicInfo } from '../../lib/ledger/get-ledger-public-info';
import { issueCheckpoint } from '../../lib/ledger/issue-checkpoint';
import { formatTileIndex, formatTilePath, parseTilePath } from '../../lib/ledger/tile-path';
import { verifyCheckpointSignature } from '../../lib/ledger/verify-proof';
import { handleLedgerRoute } from '../../server/ledger-routes';
import { append, item, setTemporaryDataDir } from './helpers';

setTemporaryDataDir();
const N = 70_000;
let server: http.Server;
let base: string;

beforeAll(async () => {
  for (let at = 0; at < N; at += 10_000) await append(Array.from({ length: 10_000 }, (_, i) => item(at + i)));
  await issueCheckpoint();
  server = http.createServer((req, res) => {
    handleLedgerRoute(req, res, 'test', (req.url ?? '/').split('?')[0]!).then((handled) => {
      if (!handled) res.writeHead(404).end();
    }, (error) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ledger/`;
}, 120_000);
afterAll(() => new Promise((resolve) => server.close(resolve)));

const sha = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const nodeHash = (l: Buffer, r: Buffer) => sha(Buffer.from([1]), l, r);

/** A tlog-tiles client: only HTTP GETs of the spec's paths, and RFC 6962 hashing. */
class TileReader {
  tiles = new Map<string, Buffer>();
  constructor(private readonly size: number) {}

  async tile(level: number, index: number): Promise<Buffer> {
    const full = (index + 1) * 256 * 256 ** level <= this.size;
    const width = full ? 256 : Math.floor(this.size / 256 ** level) - index * 256;
    const url = `${base}${formatTilePath({ level, index, width })}`;
    let bytes = this.tiles.get(url);
    if (!bytes) {
      const res = await fetch(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.length).toBe(32 * width);
      this.tiles.set(url, bytes);
    }
    return bytes;
  }

  /** MTH of the complete subtree of 2^height leaves starting at leaf index·2^height. */
  async subtree(height: number, index: number): Promise<Buffer> {
    const level = Math.floor(height / 8);
    const rest = height - 8 * level;
    const first = index * 2 ** rest; // position among the level's hashes
    const tile = await this.tile(level, Math.floor(first / 256));
    let hashes = Array.from({ length: 2 ** rest }, (_, i) => tile.subarray(32 * ((first % 256) + i), 32 * ((first % 256) + i + 1)));
    while (hashes.length > 1) hashes = Array.from({ length: hashes.length / 2 }, (_, i) => nodeHash(hashes[2 * i]!, hashes[2 * i + 1]!));
    return hashes[0]!;
  }

  /** MTH(D[start:end]) for the ranges RFC 6962 uses: complete subtrees, folded from the right. */
  async range(start: number, end: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    for (let at = start; at < end; ) {
      let h = 0;
      while (at % 2 ** (h + 1) === 0 && at + 2 ** (h + 1) <= end) h++;
      parts.push(await this.subtree(h, at / 2 ** h));
      at += 2 ** h;
    }
    return parts.reduceRight((acc, p) => nodeHash(p, acc));
  }

  /** RFC 6962 PATH(m, D[start:end]), from the leaf up. */
  async path(m: number, start: number, end: number): Promise<Buffer[]> {
    if (end - start <= 1) return [];
    let k = 1;
    while (k * 2 < end - start) k *= 2;
    return m < k ? [...(await this.path(m, start, start + k)), await this.range(start + k, end)] : [...(await this.path(m - k, start + k, end)), await this.range(start, start + k)];
  }
}

describe('tlog-tiles', () => {
  it('encodes tile paths as the spec does, and refuses any other spelling', () => {
    expect(formatTileIndex(1234067)).toBe('x001/x234/067');
    expect(formatTileIndex(67)).toBe('067');
    expect(formatTilePath({ level: 2, index: 1234067, width: 17 })).toBe('tile/2/x001/x234/067.p/17');
    expect(parseTilePath('tile/2/x001/x234/067.p/17')).toEqual({ level: 2, index: 1234067, width: 17 });
    expect(parseTilePath('tile/entries/000')).toEqual({ level: 'entries', index: 0, width: 256 });
    for (const bad of ['tile/0/67', 'tile/0/x000/067', 'tile/00/000', 'tile/64/000', 'tile/0/000.p/256', 'tile/0/000.p/0', 'tile/0/000.p/07', 'tile/0/x1/000', 'tile/0/000/']) expect(parseTilePath(bad), bad).toBeNull();
  });

  it('reproduces the signed checkpoint root and an inclusion proof from tiles alone', async () => {
    const res = await fetch(`${base}checkpoint`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const note = await res.text();
    const [origin, sizeLine, rootLine, timestamp] = note.split('\n');
    const size = Number(sizeLine);
    expect(size).toBe(N);
    const sigLine = note.split('\n\n')[1]!.trim();
    const blob = Buffer.from(sigLine.split(' ').pop()!, 'base64');
    const info = await getLedgerPublicInfo();
    const rootHash = Buffer.from(rootLine!, 'base64').toString('hex');
    expect(await verifyCheckpointSignature({ origin: origin!, treeSize: size, rootHash, timestamp: timestamp!, keyId: blob.subarray(0, 4).toString('hex'), signature: blob.subarray(4).toString('base64'), note }, info.publicKey)).toBe(true);

    const reader = new TileReader(size);
    expect((await reader.range(0, size)).toString('hex')).toBe(rootHash);
    // Level 0: 273 full tiles and one of width 112; level 1: one full, one of width 17; level 2: width 1.
    expect([...reader.tiles.keys()].map((u) => u.slice(base.length)).filter((p) => p.includes('.p/')).sort()).toEqual(['tile/0/273.p/112', 'tile/1/001.p/17', 'tile/2/000.p/1']);

    for (const m of [0, 255, 256, 65_535, 65_536, 69_999, 12_345]) {
      const path = await reader.path(m, 0, size);
      const proof = await getInclusionProof({ leafIndex: m, treeSize: size });
      expect(path.map((h) => h.toString('hex'))).toEqual(proof.auditPath);
    }
  }, 60_000);

  it('serves entry bundles whose entries hash to the level-0 tile, gzipped when asked', async () => {
    const res = await fetch(`${base}tile/entries/273.p/112`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const bundle = Buffer.from(await res.arrayBuffer()); // fetch decompresses
    const entries: Buffer[] = [];
    for (let at = 0; at < bundle.length; ) {
      const length = bundle.readUInt16BE(at);
      entries.push(bundle.subarray(at + 2, at + 2 + length));
      at += 2 + length;
    }
    expect(entries).toHaveLength(112);
    const tile = Buffer.from(await (await fetch(`${base}tile/0/273.p/112`)).arrayBuffer());
    const leaves = entries.map((e) => sha(Buffer.from([0]), e));
    expect(Buffer.concat(leaves).equals(tile)).toBe(true);
    expect(JSON.parse(entries[0]!.toString())).toMatchObject({ kind: 'document', ref: `ref-${273 * 256}` });
  });

  it('serves nothing the latest checkpoint does not cover, and no malformed path', async () => {
    expect((await fetch(`${base}tile/0/273`)).status).toBe(404); // full tile: not yet
    expect((await fetch(`${base}tile/0/273.p/113`)).status).toBe(404);
    expect((await fetch(`${base}tile/entries/274.p/1`)).status).toBe(404);
    expect((await fetch(`${base}tile/0/67`)).status).toBe(404);
    expect((await fetch(`${base}tile/0/000`)).headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}checkpoint`)).headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${base}tile/0/000`, { method: 'POST' })).status).toBe(405);
  });
});
