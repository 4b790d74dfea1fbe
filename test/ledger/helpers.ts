// Shared by the ledger tests: the RFC 9162 definitions written out naively (recursion over arrays, no
// stored subtrees), a private DATA_DIR for the signing key, and direct database access.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll } from 'vitest';

import { getPool } from '../../lib/db';
import { sqlTransaction } from '../../lib/database/sql';
import { resetEnvCache } from '../../lib/env';
import { appendLedgerEntries, type LedgerEntryInput } from '../../lib/ledger/append-ledger-entries';
import { decodeEntryBundle } from '../../lib/ledger/entry-bundle';

const sha = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
export const leafOf = (data: Uint8Array | string) => sha(Buffer.from([0]), typeof data === 'string' ? Buffer.from(data) : data);
const node = (l: Buffer, r: Buffer) => sha(Buffer.from([1]), l, r);
const k = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);

/** RFC 9162 §2.1.1 MTH over leaf hashes, as written. */
export function naiveRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha();
  if (leaves.length === 1) return leaves[0]!;
  const split = k(leaves.length);
  return node(naiveRoot(leaves.slice(0, split)), naiveRoot(leaves.slice(split)));
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]). */
export function naivePath(m: number, leaves: Buffer[]): Buffer[] {
  if (leaves.length <= 1) return [];
  const split = k(leaves.length);
  return m < split
    ? [...naivePath(m, leaves.slice(0, split)), naiveRoot(leaves.slice(split))]
    : [...naivePath(m - split, leaves.slice(split)), naiveRoot(leaves.slice(0, split))];
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]). */
export function naiveConsistency(m: number, leaves: Buffer[]): Buffer[] {
  const sub = (m: number, d: Buffer[], b: boolean): Buffer[] => {
    if (m === d.length) return b ? [] : [naiveRoot(d)];
    const split = k(d.length);
    return m <= split
      ? [...sub(m, d.slice(0, split), b), naiveRoot(d.slice(split))]
      : [...sub(m - split, d.slice(split), false), naiveRoot(d.slice(0, split))];
  };
  return sub(m, leaves, true);
}

export const hex = (hashes: Buffer[]) => hashes.map((h) => h.toString('hex'));

/** A fresh DATA_DIR for this test file (the signing key lives there), removed after it. */
export function setTemporaryDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clearway-ledger-test-'));
  process.env.DATA_DIR = dir;
  resetEnvCache();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function item(i: number, kind: LedgerEntryInput['kind'] = 'document'): LedgerEntryInput {
  return { kind, sha256: createHash('sha256').update(`item ${i}`).digest('hex'), ref: `ref-${i}`, at: new Date(Date.UTC(2026, 10, 26, 12, 0, 0, i)) };
}

export function append(entries: LedgerEntryInput[]) {
  return sqlTransaction((sql) => appendLedgerEntries(sql, entries));
}

export async function query<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await getPool().query(text, params)).rows as T[];
}

/** Runs `fn` with the append-only trigger of `table` disabled (the table owner may; the product never does). */
export async function withoutAppendOnly<T>(table: string, fn: () => Promise<T>): Promise<T> {
  await query(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_append_only`);
  try {
    return await fn();
  } finally {
    await query(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_append_only`);
  }
}

export interface StoredLeaf {
  leafIndex: number;
  entry: string;
  leafHash: Buffer;
  itemSha256: string;
}

/** Every stored leaf, in order: the full bundles (with their level-0 tiles), then the tail. */
export async function readLeaves(): Promise<StoredLeaf[]> {
  const out: StoredLeaf[] = [];
  const bundles = await query<{ idx: string; items: Buffer; entries: Buffer; hashes: Buffer }>(
    'SELECT b.idx, b.items, b.entries, t.hashes FROM ledger_bundle b JOIN ledger_tile t ON t.level = 0 AND t.idx = b.idx ORDER BY b.idx',
  );
  for (const b of bundles) {
    decodeEntryBundle(b.items, b.entries).forEach((entry, k) =>
      out.push({ leafIndex: Number(b.idx) * 256 + k, entry, leafHash: b.hashes.subarray(32 * k, 32 * k + 32), itemSha256: b.items.subarray(32 * k, 32 * k + 32).toString('hex') }),
    );
  }
  const tail = await query<{ leaf_index: string; entry: Buffer; leaf_hash: Buffer; item_sha256: Buffer }>('SELECT * FROM ledger_tail ORDER BY leaf_index');
  for (const t of tail) out.push({ leafIndex: Number(t.leaf_index), entry: t.entry.toString('latin1'), leafHash: t.leaf_hash, itemSha256: t.item_sha256.toString('hex') });
  return out;
}
