// The migration to tiles and bundles (prisma/migrations/20261207040000_ledger_tiles): a ledger built in
// the old layout — one ledger_entry row per leaf, ledger_node rows for every complete subtree from 16
// leaves up, signed checkpoints, pending entries — moves to the new layout with every root, proof and
// checkpoint unchanged, and keeps working (integration, lookups, the full verification).
import { sign } from 'node:crypto';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { applyMigrations } from '../../lib/database/migrate';
import { disconnectDb } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { formatCheckpointBody } from '../../lib/ledger/checkpoint-format';
import { formatLedgerEntry } from '../../lib/ledger/entry-format';
import { getConsistencyProof } from '../../lib/ledger/get-consistency-proof';
import { getInclusionProof } from '../../lib/ledger/get-inclusion-proof';
import { getLedgerEntry } from '../../lib/ledger/get-ledger-entry';
import { integratePending } from '../../lib/ledger/integrate-pending';
import { loadLedgerSigningKey } from '../../lib/ledger/load-signing-key';
import { verifyLedger } from '../../lib/ledger/verify-ledger';
import { createDatabase, dropDatabase } from '../setup/test-database';
import { hex, item, leafOf, naiveConsistency, naivePath, naiveRoot, setTemporaryDataDir } from './helpers';

setTemporaryDataDir();

const MIGRATION = '20261207040000_ledger_tiles';
// Past 65,536: full tiles at levels 0 and 1 after the migration, a tail of 300, and one odd ref.
const N = 65_836;
const CHECKPOINTS = [1, 255, 256, 40_000, N];
let url: string;
let oldDir: string;
const leaves: Buffer[] = [];
const entries: string[] = [];

beforeAll(async () => {
  url = await createDatabase(inject('adminUrl'), { prefix: 'ledger_migration' });
  oldDir = await mkdtemp(path.join(os.tmpdir(), 'clearway-old-migrations-'));
  const all = await readdir('prisma/migrations');
  for (const name of all.filter((n) => n < MIGRATION)) await cp(path.join('prisma/migrations', name), path.join(oldDir, name), { recursive: true });
  await applyMigrations({ connectionString: url, migrationsDir: oldDir });

  for (let i = 0; i < N; i++) {
    const it = item(i, i % 7 === 0 ? 'pdf' : 'document');
    const ref = i === 65_700 ? 'MRN "26"\\x/é'.replace('é', 'e') : it.ref; // quotes and a backslash, JSON-escaped in the entry
    entries.push(formatLedgerEntry({ at: it.at!.toISOString(), kind: it.kind, ref, sha256: it.sha256 }));
    leaves.push(leafOf(entries[i]!));
  }
  // The old layout, written as the old code wrote it: leaves, then every complete subtree from level 4.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO ledger_entry (leaf_index, entry, leaf_hash, item_sha256)
       SELECT n - 1, convert_to(e, 'UTF8'), sha256('\\x00'::bytea || convert_to(e, 'UTF8')), decode(substr(e, length(e) - 65, 64), 'hex')
         FROM unnest($1::text[]) WITH ORDINALITY AS t(e, n)`,
      [entries],
    );
    const nodes: { level: number; idx: number; hash: string }[] = [];
    let row = leaves;
    for (let level = 1; row.length > 1; level++) {
      row = Array.from({ length: Math.floor(row.length / 2) }, (_, j) => naiveRoot([row[2 * j]!, row[2 * j + 1]!]));
      if (level >= 4) row.forEach((hash, idx) => nodes.push({ level, idx, hash: hash.toString('hex') }));
    }
    await client.query(
      `INSERT INTO ledger_node (level, idx, hash) SELECT t.level, t.idx, decode(t.hash, 'hex') FROM unnest($1::smallint[], $2::bigint[], $3::text[]) AS t(level, idx, hash)`,
      [nodes.map((n) => n.level), nodes.map((n) => n.idx), nodes.map((n) => n.hash)],
    );
    const key = await loadLedgerSigningKey();
    for (const size of CHECKPOINTS) {
      const fields = { origin: key.origin, treeSize: size, rootHash: naiveRoot(leaves.slice(0, size)).toString('hex'), timestamp: new Date(Date.UTC(2026, 11, 1, 0, 0, size % 60)).toISOString() };
      const signature = sign(null, Buffer.from(formatCheckpointBody(fields), 'utf8'), key.privateKey);
      await client.query(`INSERT INTO ledger_checkpoint VALUES ($1, decode($2, 'hex'), $3, $4, $5, $6)`, [size, fields.rootHash, fields.timestamp, fields.origin, key.keyId, signature]);
    }
    await client.query(`INSERT INTO ledger_pending (entry, item_sha256) SELECT convert_to(e, 'UTF8'), decode(substr(e, length(e) - 65, 64), 'hex') FROM unnest($1::text[]) AS e`, [
      [0, 1, 2].map((i) => { const it = item(900_000 + i); return formatLedgerEntry({ at: it.at!.toISOString(), kind: it.kind, ref: it.ref, sha256: it.sha256 }); }),
    ]);
  } finally {
    await client.end();
  }

  const result = await applyMigrations({ connectionString: url, migrationsDir: 'prisma/migrations' });
  expect(result.applied).toContain(MIGRATION);
  await disconnectDb();
  process.env.DATABASE_URL = url;
  resetEnvCache();
}, 240_000);

afterAll(async () => {
  await disconnectDb();
  await dropDatabase(inject('adminUrl'), url);
  await rm(oldDir, { recursive: true, force: true });
});

describe('the migration to tiles and bundles', () => {
  it('keeps every leaf, subtree and checkpoint: the full verification passes', async () => {
    expect(await verifyLedger({ batchSize: 10_000 })).toEqual({ ok: true, pending: 3, leaves: N, nodes: 257 + 1, checkpoints: CHECKPOINTS.length, rootHash: naiveRoot(leaves).toString('hex') });
  });

  it('gives the same proofs as the old layout implied, for old and new sizes', async () => {
    for (const n of CHECKPOINTS) {
      for (const m of [0, n - 1, Math.floor(n / 3)]) {
        expect(await getInclusionProof({ leafIndex: m, treeSize: n })).toEqual({
          leafIndex: m, leafHash: leaves[m]!.toString('hex'), treeSize: n, rootHash: naiveRoot(leaves.slice(0, n)).toString('hex'), auditPath: hex(naivePath(m, leaves.slice(0, n))),
        });
      }
    }
    expect((await getConsistencyProof({ from: 40_000, to: N })).proof).toEqual(hex(naiveConsistency(40_000, leaves)));
  });

  it('finds items in bundles and in the tail, with their entries byte for byte', async () => {
    for (const i of [0, 7, 300, 65_535, 65_700, N - 1]) {
      const found = await getLedgerEntry(item(i).sha256);
      expect(found).toMatchObject({ leafIndex: i, leafHash: leaves[i]!.toString('hex') });
      expect(Buffer.from(found.entry, 'base64').toString()).toBe(entries[i]);
    }
  });

  it('integrates what was pending onto the migrated tree', async () => {
    expect(await integratePending()).toEqual({ integrated: 3, treeSize: N + 3 });
    expect(await verifyLedger()).toMatchObject({ ok: true, leaves: N + 3 });
  });
});
