// Appending in batches of every size, in the caller's transaction (pg or Prisma), concurrently; and the
// proofs the stored subtrees give for every past tree size, against the naive RFC 9162 definitions.
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb, getPool } from '../../lib/db';
import { sqlOfClient, sqlOfPrisma, sqlTransaction } from '../../lib/database/sql';
import { anchorItem } from '../../lib/ledger/anchor-item';
import { integratePending } from '../../lib/ledger/integrate-pending';
import { appendLedgerEntries } from '../../lib/ledger/append-ledger-entries';
import { formatLedgerEntry } from '../../lib/ledger/entry-format';
import { getConsistencyProof } from '../../lib/ledger/get-consistency-proof';
import { getInclusionProof } from '../../lib/ledger/get-inclusion-proof';
import { verifyLedger } from '../../lib/ledger/verify-ledger';
import { verifyConsistency, verifyInclusion } from '../../lib/ledger/verify-proof';
import { append, hex, item, leafOf, naiveConsistency, naivePath, naiveRoot, query, readLeaves, setTemporaryDataDir } from './helpers';

setTemporaryDataDir();

const N = 70;
const leaves: Buffer[] = [];

beforeAll(async () => {
  // Batches of 1, 2, 3, … leaves: every frontier shape is restored from the database at least once.
  const items = Array.from({ length: N }, (_, i) => item(i));
  for (let at = 0, size = 1; at < N; at += size, size++) {
    const batch = items.slice(at, at + size);
    const result = await append(batch);
    expect(result.leaves.map((l) => l.leafIndex)).toEqual(batch.map((_, i) => at + i));
    expect(result.treeSize).toBe(at + batch.length);
  }
  for (const i of items) leaves.push(leafOf(formatLedgerEntry({ at: i.at!.toISOString(), kind: i.kind, ref: i.ref, sha256: i.sha256 })));
});

describe('appendLedgerEntries', () => {
  it('stores the canonical entry, its leaf hash and the item hash', async () => {
    const row = (await readLeaves())[3]!;
    const i = item(3);
    expect(row.entry).toBe(`{"at":"2026-11-26T12:00:00.003Z","kind":"document","ref":"ref-3","sha256":"${i.sha256}"}`);
    expect(row.leafHash.equals(leaves[3]!)).toBe(true);
    expect(row.itemSha256).toBe(i.sha256);
    // Fewer than 256 leaves: all in the tail, no full tile or bundle yet.
    expect(await query('SELECT 1 FROM ledger_tile UNION ALL SELECT 1 FROM ledger_bundle')).toEqual([]);
  });

  it('refuses invalid entries, naming each field', async () => {
    await expect(append([{ kind: 'passport' as never, sha256: 'abc', ref: 'x\ny' }])).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fieldErrors: [{ path: ['entries', '0', 'kind'] }, { path: ['entries', '0', 'sha256'] }, { path: ['entries', '0', 'ref'] }] },
    });
  });

  it('refuses to run outside a transaction', async () => {
    await expect(appendLedgerEntries(sqlOfClient(getPool()), [item(999)])).rejects.toThrow(/must run inside a transaction/);
    expect(Number((await query<{ n: string }>('SELECT ledger_tree_size() AS n'))[0]!.n)).toBe(N);
  });

  it('leaves nothing when the transaction rolls back', async () => {
    await expect(
      sqlTransaction(async (sql) => {
        await anchorItem(sql, item(1000));
        throw new Error('storing the document failed');
      }),
    ).rejects.toThrow('storing the document failed');
    const [{ n }] = (await query<{ n: string }>('SELECT ledger_tree_size() AS n')) as [{ n: string }];
    expect(Number(n)).toBe(N);
  });
});

describe('proofs from the stored subtrees', () => {
  it('gives PATH(m, D[n]) and the root for every leaf of every past tree size, which the verifier accepts', async () => {
    for (let n = 1; n <= N; n++) {
      const root = naiveRoot(leaves.slice(0, n)).toString('hex');
      for (let m = 0; m < n; m++) {
        const proof = await getInclusionProof({ leafIndex: m, treeSize: n });
        expect(proof).toEqual({ leafIndex: m, leafHash: leaves[m]!.toString('hex'), treeSize: n, rootHash: root, auditPath: hex(naivePath(m, leaves.slice(0, n))) });
        expect(await verifyInclusion(proof)).toBe(true);
      }
    }
  }, 120_000); // 2,485 proofs, each through the database

  it('gives PROOF(m, D[n]) for every pair of past tree sizes, which the verifier accepts', async () => {
    for (let n = 1; n <= N; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = await getConsistencyProof({ from: m, to: n });
        expect(proof.proof).toEqual(hex(naiveConsistency(m, leaves.slice(0, n))));
        expect(proof.firstRootHash).toBe(naiveRoot(leaves.slice(0, m)).toString('hex'));
        expect(await verifyConsistency(proof)).toBe(true);
      }
    }
  }, 120_000); // 2,485 proofs, each through the database

  it('finds a leaf by its hash and defaults to the current size before any checkpoint', async () => {
    const proof = await getInclusionProof({ leafHash: leaves[42]!.toString('hex').toUpperCase() });
    expect(proof).toMatchObject({ leafIndex: 42, treeSize: N });
    expect(await verifyInclusion(proof)).toBe(true);
  });

  it('answers NOT_FOUND and BAD_USER_INPUT clearly', async () => {
    await expect(getInclusionProof({ leafHash: 'ab'.repeat(32) })).rejects.toMatchObject({ code: 'NOT_FOUND', message: `No ledger leaf has the hash ${'ab'.repeat(32)}.` });
    await expect(getInclusionProof({ leafIndex: N })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getInclusionProof({ leafIndex: 5, treeSize: 5 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: 'Leaf 5 is not in the tree of the first 5 leaves.' });
    await expect(getInclusionProof({ leafIndex: 5, treeSize: N + 1 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: `The ledger has ${N} leaves, not ${N + 1}.` });
    await expect(getInclusionProof({})).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(getInclusionProof({ leafHash: 'nope' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(getConsistencyProof({ from: 0, to: 3 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(getConsistencyProof({ from: 4, to: 3 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(getConsistencyProof({ from: 3, to: N + 1 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('writers', () => {
  it('anchors inside a Prisma transaction too, one item or a batch of several parts', async () => {
    // anchorItem queues the entry: its leaf index comes from the integrator, its leaf hash at once.
    const leaf = await getDb().$transaction((tx) => anchorItem(sqlOfPrisma(tx), { kind: 'declaration-version', sha256: 'CD'.repeat(32), ref: 'decl-1' }));
    expect(leaf.leafIndex).toBeNull();
    expect(await integratePending()).toEqual({ integrated: 1, treeSize: N + 1 });
    const proof = await getInclusionProof({ leafHash: leaf.leafHash });
    expect(proof.leafIndex).toBe(N);
    expect(await verifyInclusion(proof)).toBe(true);
    const batch = await getDb().$transaction((tx) => appendLedgerEntries(sqlOfPrisma(tx), Array.from({ length: 5_999 }, (_, i) => item(20_000 + i))), { timeout: 60_000 });
    expect(batch.leaves.map((l) => l.leafIndex)).toEqual(Array.from({ length: 5_999 }, (_, i) => N + 1 + i));
    expect(await verifyInclusion(await getInclusionProof({ leafHash: batch.leaves[4_321]!.leafHash }))).toBe(true);
  });

  it('serialises concurrent appenders into one contiguous log', async () => {
    const before = N + 6_000;
    const results = await Promise.all(Array.from({ length: 6 }, (_, w) => append(Array.from({ length: 25 }, (_, i) => item(10_000 + w * 100 + i)))));
    const indexes = results.flatMap((r) => r.leaves.map((l) => l.leafIndex)).sort((a, b) => a - b);
    expect(indexes).toEqual(Array.from({ length: 150 }, (_, i) => before + i));
    const verification = await verifyLedger({ batchSize: 37 });
    expect(verification, JSON.stringify(verification.divergence)).toMatchObject({ ok: true, leaves: before + 150 });
  });
});

describe('a tree of three tile levels', () => {
  it('stores full tiles and bundles once, the rest in the tail, and proves every shape against the naive definitions', async () => {
    const before = N + 6_150;
    // Past 65,536 leaves: full tiles at levels 0 and 1, partial ones at levels 0, 1 and 2.
    for (let at = before; at < 66_200; at += 9_000) await append(Array.from({ length: Math.min(9_000, 66_200 - at) }, (_, i) => item(100_000 + at + i)));
    const stored = await readLeaves();
    expect(stored.map((l) => l.leafIndex)).toEqual(Array.from({ length: 66_200 }, (_, i) => i));
    const all = stored.map((l) => leafOf(l.entry));
    stored.forEach((l, i) => expect(l.leafHash.equals(all[i]!)).toBe(true));
    expect(stored.slice(0, N).map((l) => l.entry)).toEqual(Array.from({ length: N }, (_, i) => formatLedgerEntry({ ...item(i), at: item(i).at!.toISOString() })));

    const tiles = await query<{ level: number; idx: string; hashes: Buffer; root: Buffer }>('SELECT level, idx, hashes, root FROM ledger_tile ORDER BY level, idx');
    expect(tiles.filter((t) => t.level === 0).length).toBe(258); // 66,200 / 256
    expect(tiles.filter((t) => t.level === 1).map((t) => Number(t.idx))).toEqual([0]);
    for (const t of tiles.filter((x) => x.level === 0 || Number(x.idx) % 50 === 0)) {
      const span = 256 ** t.level;
      const hashes = Array.from({ length: 256 }, (_, k) => naiveRoot(all.slice((Number(t.idx) * 256 + k) * span, (Number(t.idx) * 256 + k + 1) * span)));
      expect(Buffer.concat(hashes).equals(t.hashes)).toBe(true);
      expect(t.root.equals(naiveRoot(all.slice(Number(t.idx) * 256 * span, (Number(t.idx) + 1) * 256 * span)))).toBe(true);
    }
    expect((await query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_tail'))[0]!.n).toBe(66_200 % 256);
    expect((await query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_bundle'))[0]!.n).toBe(258);

    // Sizes at and around every tile boundary, and random leaves in each.
    const sizes = [255, 256, 257, 511, 512, 513, 65_535, 65_536, 65_537, 66_048, 66_199, 66_200];
    for (const n of sizes) {
      const leavesN = all.slice(0, n);
      const root = naiveRoot(leavesN).toString('hex');
      for (const m of [0, n - 1, Math.floor(Math.random() * n)]) {
        const proof = await getInclusionProof({ leafIndex: m, treeSize: n });
        expect(proof).toEqual({ leafIndex: m, leafHash: all[m]!.toString('hex'), treeSize: n, rootHash: root, auditPath: hex(naivePath(m, leavesN)) });
      }
      for (const m of [256, Math.ceil(Math.random() * n)].filter((x) => x <= n)) {
        const proof = await getConsistencyProof({ from: m, to: n });
        expect(proof.proof).toEqual(hex(naiveConsistency(m, leavesN)));
        expect(proof.secondRootHash).toBe(root);
      }
    }
    expect(await getInclusionProof({ leafHash: all[60_001]!.toString('hex') })).toMatchObject({ leafIndex: 60_001, treeSize: 66_200 });
    const verification = await verifyLedger({ batchSize: 5_000 });
    expect(verification, JSON.stringify(verification.divergence)).toMatchObject({ ok: true, leaves: 66_200, nodes: 259 });
  }, 120_000);
});
