// RFC 9162 hashing and proofs, without the database: the Certificate Transparency reference vectors,
// then every inclusion and consistency proof of every tree of 1 to 70 leaves, computed as the server
// does (tree-math + node:crypto) and checked against the naive definitions and the WebCrypto verifier.
import { describe, expect, it } from 'vitest';

import { EMPTY_TREE_HASH, foldSubtrees, hashChildren } from '../../lib/ledger/merkle-hash';
import { TileFrontier, type FullTile } from '../../lib/ledger/tile-frontier';
import { consistencyProofRanges, inclusionPathRanges, subtreesOfRange } from '../../lib/ledger/tree-math';
import { hashLeafBytes, verifyConsistency, verifyInclusion } from '../../lib/ledger/verify-proof';
import { hex, leafOf, naiveConsistency, naivePath, naiveRoot } from './helpers';

const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) => leafOf(Buffer.from(h, 'hex')));
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const CT_INCLUSION = [
  { index: 0, size: 8, path: ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
  { index: 5, size: 8, path: ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
  { index: 2, size: 3, path: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
];
const CT_CONSISTENCY = [
  { first: 1, second: 8, proof: ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
  { first: 6, second: 8, proof: ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
  { first: 2, second: 5, proof: ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'] },
];

/** What readRangeHashes computes from stored subtrees, here from the leaves in memory. */
function rangeHash(leaves: Buffer[], start: number, end: number): Buffer {
  const subtree = (level: number, index: number): Buffer =>
    level === 0 ? leaves[index]! : hashChildren(subtree(level - 1, 2 * index), subtree(level - 1, 2 * index + 1));
  return foldSubtrees(subtreesOfRange(start, end).map((s) => subtree(s.level, s.index)));
}

const LEAVES = Array.from({ length: 70 }, (_, i) => leafOf(`leaf ${i}`));

describe('RFC 9162 hashing', () => {
  it('gives the Certificate Transparency reference roots for 0 to 8 leaves', async () => {
    expect(EMPTY_TREE_HASH.toString('hex')).toBe(CT_ROOTS[0]);
    expect(Buffer.from(await hashLeafBytes(new Uint8Array())).toString('hex')).toBe(CT_ROOTS[1]);
    const frontier = TileFrontier.empty();
    for (let n = 0; n <= 8; n++) {
      expect(naiveRoot(CT_LEAVES.slice(0, n)).toString('hex'), `naive, size ${n}`).toBe(CT_ROOTS[n]);
      expect(frontier.root().toString('hex'), `frontier, size ${n}`).toBe(CT_ROOTS[n]);
      if (n < 8) frontier.push(CT_LEAVES[n]!, []);
    }
  });

  it('computes the reference inclusion and consistency proofs, and verifies them in WebCrypto', async () => {
    for (const v of CT_INCLUSION) {
      const path = inclusionPathRanges(v.index, v.size).map(([a, b]) => rangeHash(CT_LEAVES, a, b));
      expect(hex(path)).toEqual(v.path);
      const proof = { leafHash: CT_LEAVES[v.index]!.toString('hex'), leafIndex: v.index, treeSize: v.size, auditPath: v.path, rootHash: CT_ROOTS[v.size]! };
      expect(await verifyInclusion(proof)).toBe(true);
    }
    for (const v of CT_CONSISTENCY) {
      expect(hex(consistencyProofRanges(v.first, v.second).map(([a, b]) => rangeHash(CT_LEAVES, a, b)))).toEqual(v.proof);
      expect(await verifyConsistency({ firstSize: v.first, secondSize: v.second, firstRootHash: CT_ROOTS[v.first]!, secondRootHash: CT_ROOTS[v.second]!, proof: v.proof })).toBe(true);
    }
    expect(await verifyConsistency({ firstSize: 1, secondSize: 1, firstRootHash: CT_ROOTS[1]!, secondRootHash: CT_ROOTS[1]!, proof: [] })).toBe(true);
  });

  it('builds the same roots as the naive MTH for 1 to 70 and around 256 leaves, and completes each tile exactly once', () => {
    const many = Array.from({ length: 600 }, (_, i) => leafOf(`leaf ${i}`));
    const frontier = TileFrontier.empty();
    const full: FullTile[] = [];
    for (let n = 1; n <= 600; n++) {
      frontier.push(many[n - 1]!, full);
      if (n <= 70 || (n >= 250 && n <= 260) || n === 512 || n === 600) {
        expect(frontier.root().toString('hex'), `size ${n}`).toBe(naiveRoot(many.slice(0, n)).toString('hex'));
        expect(rangeHash(many, 0, n).toString('hex')).toBe(naiveRoot(many.slice(0, n)).toString('hex'));
      }
    }
    expect(full.map((t) => `${t.level}/${t.index}`)).toEqual(['0/0', '0/1']);
    full.forEach((t) => {
      expect(Buffer.concat(t.hashes).equals(Buffer.concat(many.slice(256 * t.index, 256 * t.index + 256)))).toBe(true);
      expect(t.root.equals(naiveRoot(many.slice(256 * t.index, 256 * t.index + 256)))).toBe(true);
    });
  });

  it('restores a frontier from its partial tiles, and refuses tiles that do not make up the tree', () => {
    const many = Array.from({ length: 600 }, (_, i) => leafOf(`leaf ${i}`));
    const full = TileFrontier.empty();
    const tiles: FullTile[] = [];
    for (const leaf of many) full.push(leaf, tiles);
    // 600 = 2 · 256 + 88: level 1 holds the two full tiles' roots, level 0 the last 88 leaves.
    const restored = TileFrontier.fromPartialTiles(600, [many.slice(512), tiles.map((t) => t.root)]);
    expect(restored.root().equals(full.root())).toBe(true);
    expect(() => TileFrontier.fromPartialTiles(600, [many.slice(513), tiles.map((t) => t.root)])).toThrow(/has 87 hashes, not 88/);
  });
});

describe('every proof of every tree of 1 to 70 leaves', () => {
  it('inclusion: equals PATH(m, D[n]) and verifies; a changed path, index or leaf does not', async () => {
    for (let n = 1; n <= 70; n++) {
      const root = naiveRoot(LEAVES.slice(0, n)).toString('hex');
      for (let m = 0; m < n; m++) {
        const auditPath = hex(inclusionPathRanges(m, n).map(([a, b]) => rangeHash(LEAVES, a, b)));
        expect(auditPath).toEqual(hex(naivePath(m, LEAVES.slice(0, n))));
        const proof = { leafHash: LEAVES[m]!.toString('hex'), leafIndex: m, treeSize: n, auditPath, rootHash: root };
        expect(await verifyInclusion(proof), `leaf ${m} of ${n}`).toBe(true);
        if (m === n - 1 || m % 7 === 0) {
          expect(await verifyInclusion({ ...proof, leafHash: LEAVES[(m + 1) % 70]!.toString('hex') })).toBe(false);
          if (n > 1) expect(await verifyInclusion({ ...proof, leafIndex: m ^ 1 })).toBe(false);
          if (auditPath.length) {
            const flipped = [...auditPath];
            flipped[0] = (flipped[0]!.startsWith('0') ? '1' : '0') + flipped[0]!.slice(1);
            expect(await verifyInclusion({ ...proof, auditPath: flipped })).toBe(false);
            expect(await verifyInclusion({ ...proof, auditPath: auditPath.slice(1) })).toBe(false);
          }
          expect(await verifyInclusion({ ...proof, auditPath: [...auditPath, root] })).toBe(false);
        }
      }
    }
  });

  it('consistency: equals PROOF(m, D[n]) and verifies; a changed proof or root does not', async () => {
    for (let n = 1; n <= 70; n++) {
      const second = naiveRoot(LEAVES.slice(0, n)).toString('hex');
      for (let m = 1; m <= n; m++) {
        const proof = hex(consistencyProofRanges(m, n).map(([a, b]) => rangeHash(LEAVES, a, b)));
        expect(proof).toEqual(hex(naiveConsistency(m, LEAVES.slice(0, n))));
        const first = naiveRoot(LEAVES.slice(0, m)).toString('hex');
        const input = { firstSize: m, secondSize: n, firstRootHash: first, secondRootHash: second, proof };
        expect(await verifyConsistency(input), `${m} -> ${n}`).toBe(true);
        if (m < n && (m % 5 === 0 || m === n - 1)) {
          expect(await verifyConsistency({ ...input, firstRootHash: second })).toBe(m === n);
          expect(await verifyConsistency({ ...input, secondRootHash: first })).toBe(false);
          expect(await verifyConsistency({ ...input, proof: proof.slice(0, -1) })).toBe(false);
          const flipped = [...proof];
          flipped[flipped.length - 1] = (flipped.at(-1)!.startsWith('0') ? '1' : '0') + flipped.at(-1)!.slice(1);
          expect(await verifyConsistency({ ...input, proof: flipped })).toBe(false);
        }
      }
    }
  });

  it('rejects malformed input without throwing', async () => {
    const good = { leafHash: LEAVES[0]!.toString('hex'), leafIndex: 0, treeSize: 1, auditPath: [], rootHash: LEAVES[0]!.toString('hex') };
    expect(await verifyInclusion(good)).toBe(true);
    for (const bad of [{ leafIndex: 1 }, { leafIndex: -1 }, { treeSize: 0 }, { leafHash: 'xyz' }, { rootHash: 'AB'.repeat(32) }, { auditPath: null as unknown as string[] }]) {
      expect(await verifyInclusion({ ...good, ...bad }), JSON.stringify(bad)).toBe(false);
    }
    expect(await verifyConsistency({ firstSize: 0, secondSize: 1, firstRootHash: good.rootHash, secondRootHash: good.rootHash, proof: [] })).toBe(false);
    expect(await verifyConsistency({ firstSize: 1, secondSize: 2, firstRootHash: good.rootHash, secondRootHash: good.rootHash, proof: [] })).toBe(false);
  });
});
