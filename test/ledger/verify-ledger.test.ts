// `npm run ledger:verify`'s core: recomputes everything from the entries and names the first divergence.
// Rows are edited here as only someone with the table owner's rights could: trigger disabled.
import { createHash, generateKeyPairSync } from 'node:crypto';

import { beforeAll, describe, expect, it } from 'vitest';

import { getLedgerPublicInfo } from '../../lib/ledger/get-ledger-public-info';
import { issueCheckpoint } from '../../lib/ledger/issue-checkpoint';
import { verifyLedger } from '../../lib/ledger/verify-ledger';
import { append, item, leafOf, query, readLeaves, setTemporaryDataDir, withoutAppendOnly } from './helpers';

setTemporaryDataDir();

// Two full bundles and tiles (leaves 0..511) and a tail of 88.
const N = 600;
let root: string;

beforeAll(async () => {
  await append(Array.from({ length: 300 }, (_, i) => item(i)));
  await issueCheckpoint();
  await append(Array.from({ length: N - 300 }, (_, i) => item(300 + i)));
  root = (await issueCheckpoint())!.rootHash;
});

/** Applies `change` to one row, runs the verification, and puts the row back. */
async function verifyWith(table: string, change: string, restore: string) {
  await withoutAppendOnly(table, () => query(change));
  try {
    return await verifyLedger({ batchSize: 32 });
  } finally {
    await withoutAppendOnly(table, () => query(restore));
  }
}

/** Replaces `from` by `to` (same length) in the compact entries of bundle 0. */
const editBundle = (from: string, to: string) =>
  `UPDATE ledger_bundle SET entries = overlay(entries PLACING convert_to('${to}', 'UTF8') FROM position(convert_to('${from}', 'UTF8') IN entries)) WHERE idx = 0`;

describe('verifyLedger', () => {
  it('passes an untouched log, with every full tile and checkpoint checked', async () => {
    expect(await verifyLedger({ batchSize: 7 })).toEqual({ ok: true, leaves: N, nodes: 2, checkpoints: 2, rootHash: root });
  });

  it('checks the signatures with a given public key: the published one passes, another fails', async () => {
    const published = Buffer.from((await getLedgerPublicInfo()).publicKey, 'base64');
    expect(await verifyLedger({ publicKey: published })).toMatchObject({ ok: true, checkpoints: 2 });
    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
    expect((await verifyLedger({ publicKey: other })).divergence).toMatchObject({ what: 'checkpoint', treeSize: 300, message: expect.stringMatching(/^Checkpoint of size 300 names key [0-9a-f]{8}, not the trusted key [0-9a-f]{8}\.$/) });
  });

  it('names the leaf whose entry was edited, in a bundle and in the tail', async () => {
    const result = await verifyWith('ledger_bundle', editBundle('ref-57', 'ref-58'), editBundle('ref-58', 'ref-57'));
    expect(result.ok).toBe(false);
    expect(result.divergence).toMatchObject({ what: 'leaf', leafIndex: 57, message: expect.stringContaining('Leaf 57: the stored leaf hash is not SHA-256(0x00 || entry)') });
    expect(result.leaves).toBe(57);
    const tail = await verifyWith(
      'ledger_tail',
      `UPDATE ledger_tail SET entry = convert_to(replace(convert_from(entry, 'UTF8'), '"ref-557"', '"ref-558"'), 'UTF8') WHERE leaf_index = 557`,
      `UPDATE ledger_tail SET entry = convert_to(replace(convert_from(entry, 'UTF8'), '"ref-558"', '"ref-557"'), 'UTF8') WHERE leaf_index = 557`,
    );
    expect(tail.divergence).toMatchObject({ what: 'leaf', leafIndex: 557 });
  });

  it('names the tile when an entry and its leaf hash were both rewritten', async () => {
    const [tile] = await query<{ hashes: Buffer }>('SELECT hashes FROM ledger_tile WHERE level = 0 AND idx = 0');
    const forged = Buffer.from(tile!.hashes);
    await withoutAppendOnly('ledger_bundle', () => query(editBundle('ref-21', 'ref-XX')));
    try {
      // The leaf hash the edited entry has, put into the tile: only the tile's root can tell.
      leafOf((await readLeaves())[21]!.entry).copy(forged, 32 * 21);
      const result = await verifyWith('ledger_tile', `UPDATE ledger_tile SET hashes = decode('${forged.toString('hex')}', 'hex') WHERE level = 0 AND idx = 0`, `UPDATE ledger_tile SET hashes = decode('${tile!.hashes.toString('hex')}', 'hex') WHERE level = 0 AND idx = 0`);
      expect(result.divergence).toMatchObject({ what: 'node', level: 8, index: 0, leaves: [0, 256], found: expect.any(String), expected: expect.any(String) });
      expect(result.divergence!.message).toContain('leaves 0..255');
    } finally {
      await withoutAppendOnly('ledger_bundle', () => query(editBundle('ref-XX', 'ref-21')));
    }
  });

  it('names a tail leaf edited with its hash through the checkpoint it breaks', async () => {
    const edit = (from: string, to: string) =>
      `UPDATE ledger_tail SET entry = convert_to(replace(convert_from(entry, 'UTF8'), '${from}', '${to}'), 'UTF8'),
              leaf_hash = sha256('\\x00'::bytea || convert_to(replace(convert_from(entry, 'UTF8'), '${from}', '${to}'), 'UTF8')) WHERE leaf_index = 598`;
    const result = await verifyWith('ledger_tail', edit('"ref-598"', '"ref-XXX"'), edit('"ref-XXX"', '"ref-598"'));
    expect(result.divergence).toMatchObject({ what: 'checkpoint', treeSize: N, found: root });
  });

  it('names an edited tile root, and an edited checkpoint', async () => {
    const node = await verifyWith('ledger_tile', `UPDATE ledger_tile SET root = sha256('forged') WHERE level = 0 AND idx = 1`, `SELECT 1`);
    expect(node.divergence).toMatchObject({ what: 'node', level: 8, index: 1, leaves: [256, 512], found: createHash('sha256').update('forged').digest('hex') });
    await withoutAppendOnly('ledger_tile', () => query(`UPDATE ledger_tile SET root = decode($1, 'hex') WHERE level = 0 AND idx = 1`, [node.divergence!.expected]));

    const [cp] = await query<{ signature: Buffer }>('SELECT signature FROM ledger_checkpoint WHERE tree_size = 300');
    const forgedSignature = Buffer.from(cp!.signature);
    forgedSignature[0]! ^= 1;
    const signature = await verifyWith('ledger_checkpoint', `UPDATE ledger_checkpoint SET signature = decode('${forgedSignature.toString('hex')}', 'hex') WHERE tree_size = 300`, `UPDATE ledger_checkpoint SET signature = decode('${cp!.signature.toString('hex')}', 'hex') WHERE tree_size = 300`);
    expect(signature.divergence).toMatchObject({ what: 'checkpoint', treeSize: 300, message: 'Checkpoint of size 300: the signature does not verify with the trusted key.' });

    const root300 = await query<{ root: string }>(`SELECT encode(root_hash, 'hex') AS root FROM ledger_checkpoint WHERE tree_size = 300`);
    const forgedRoot = await verifyWith('ledger_checkpoint', `UPDATE ledger_checkpoint SET root_hash = sha256('x') WHERE tree_size = 300`, `UPDATE ledger_checkpoint SET root_hash = decode('${root300[0]!.root}', 'hex') WHERE tree_size = 300`);
    expect(forgedRoot.divergence).toMatchObject({ what: 'checkpoint', treeSize: 300, expected: root300[0]!.root });
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });

  it('names removed leaves, and a missing tile', async () => {
    const [last] = await query<Record<string, unknown>>('SELECT * FROM ledger_tail WHERE leaf_index = $1', [N - 1]);
    const removed = await verifyWith('ledger_tail', `DELETE FROM ledger_tail WHERE leaf_index = ${N - 1}`, `SELECT 1`);
    await query('INSERT INTO ledger_tail VALUES ($1, $2, $3, $4)', [last!.leaf_index, last!.entry, last!.leaf_hash, last!.item_sha256]);
    expect(removed.divergence).toMatchObject({ what: 'checkpoint', treeSize: N, message: `Checkpoint of size ${N} is beyond the ${N - 1} stored leaves: leaves were removed.` });

    const middle = await verifyWith('ledger_tail', `UPDATE ledger_tail SET leaf_index = 1000 WHERE leaf_index = 520`, `UPDATE ledger_tail SET leaf_index = 520 WHERE leaf_index = 1000`);
    expect(middle.divergence).toMatchObject({ what: 'leaf', leafIndex: 520, message: 'Leaf 520 is missing: the next stored leaf is 521.' });

    const [tile] = await query<{ hashes: Buffer; root: Buffer }>('SELECT hashes, root FROM ledger_tile WHERE level = 0 AND idx = 1');
    const missing = await verifyWith('ledger_tile', 'DELETE FROM ledger_tile WHERE level = 0 AND idx = 1', 'SELECT 1');
    await query('INSERT INTO ledger_tile VALUES (0, 1, $1, $2)', [tile!.hashes, tile!.root]);
    expect(missing.divergence).toMatchObject({ what: 'leaf', leafIndex: 256, found: null });
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });
});
