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
import { append, hex, item, leafOf, naiveConsistency, naivePath, naiveRoot, query, setTemporaryDataDir } from './helpers';

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
    const [row] = await query<{ entry: Buffer; leaf_hash: Buffer; item_sha256: Buffer }>('SELECT entry, leaf_hash, item_sha256 FROM ledger_entry WHERE leaf_index = 3');
    const i = item(3);
    expect(row!.entry.toString()).toBe(`{"at":"2026-11-26T12:00:00.003Z","kind":"document","ref":"ref-3","sha256":"${i.sha256}"}`);
    expect(row!.leaf_hash.equals(leaves[3]!)).toBe(true);
    expect(row!.item_sha256.toString('hex')).toBe(i.sha256);
  });

  it('stores exactly the complete subtrees of 16 leaves and more, with their hashes', async () => {
    const nodes = await query<{ level: number; idx: string; hash: Buffer }>('SELECT level, idx, hash FROM ledger_node ORDER BY level, idx');
    expect(nodes.map((n) => `${n.level}:${n.idx}`)).toEqual(['4:0', '4:1', '4:2', '4:3', '5:0', '5:1', '6:0']);
    for (const n of nodes) {
      const size = 2 ** n.level;
      expect(n.hash.equals(naiveRoot(leaves.slice(Number(n.idx) * size, (Number(n.idx) + 1) * size)))).toBe(true);
    }
  });

  it('refuses invalid entries, naming each field', async () => {
    await expect(append([{ kind: 'passport' as never, sha256: 'abc', ref: 'x\ny' }])).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fieldErrors: [{ path: ['entries', '0', 'kind'] }, { path: ['entries', '0', 'sha256'] }, { path: ['entries', '0', 'ref'] }] },
    });
  });

  it('refuses to run outside a transaction', async () => {
    await expect(appendLedgerEntries(sqlOfClient(getPool()), [item(999)])).rejects.toThrow(/must run inside a transaction/);
    expect((await query('SELECT 1 FROM ledger_entry WHERE leaf_index >= $1', [N])).length).toBe(0);
  });

  it('leaves nothing when the transaction rolls back', async () => {
    await expect(
      sqlTransaction(async (sql) => {
        await anchorItem(sql, item(1000));
        throw new Error('storing the document failed');
      }),
    ).rejects.toThrow('storing the document failed');
    const [{ n }] = (await query<{ n: string }>('SELECT count(*) AS n FROM ledger_entry')) as [{ n: string }];
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
