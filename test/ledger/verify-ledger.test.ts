// `npm run ledger:verify`'s core: recomputes everything from the entries and names the first divergence.
// Rows are edited here as only someone with the table owner's rights could: trigger disabled.
import { createHash, generateKeyPairSync } from 'node:crypto';

import { beforeAll, describe, expect, it } from 'vitest';

import { getLedgerPublicInfo } from '../../lib/ledger/get-ledger-public-info';
import { issueCheckpoint } from '../../lib/ledger/issue-checkpoint';
import { verifyLedger } from '../../lib/ledger/verify-ledger';
import { append, item, query, setTemporaryDataDir, withoutAppendOnly } from './helpers';

setTemporaryDataDir();

const N = 100;
let root: string;

beforeAll(async () => {
  await append(Array.from({ length: 40 }, (_, i) => item(i)));
  await issueCheckpoint();
  await append(Array.from({ length: N - 40 }, (_, i) => item(40 + i)));
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

describe('verifyLedger', () => {
  it('passes an untouched log, with every subtree and checkpoint checked', async () => {
    expect(await verifyLedger({ batchSize: 7 })).toEqual({ ok: true, leaves: N, nodes: 6 + 3 + 1, checkpoints: 2, rootHash: root });
  });

  it('checks the signatures with a given public key: the published one passes, another fails', async () => {
    const published = Buffer.from((await getLedgerPublicInfo()).publicKey, 'base64');
    expect(await verifyLedger({ publicKey: published })).toMatchObject({ ok: true, checkpoints: 2 });
    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
    expect((await verifyLedger({ publicKey: other })).divergence).toMatchObject({ what: 'checkpoint', treeSize: 40, message: expect.stringMatching(/^Checkpoint of size 40 names key [0-9a-f]{8}, not the trusted key [0-9a-f]{8}\.$/) });
  });

  it('names the leaf whose entry was edited', async () => {
    const result = await verifyWith(
      'ledger_entry',
      `UPDATE ledger_entry SET entry = convert_to(replace(convert_from(entry, 'UTF8'), '"ref-57"', '"ref-58"'), 'UTF8') WHERE leaf_index = 57`,
      `UPDATE ledger_entry SET entry = convert_to(replace(convert_from(entry, 'UTF8'), '"ref-58"', '"ref-57"'), 'UTF8') WHERE leaf_index = 57`,
    );
    expect(result.ok).toBe(false);
    expect(result.divergence).toMatchObject({ what: 'leaf', leafIndex: 57, message: expect.stringContaining('Leaf 57: the stored leaf hash is not SHA-256(0x00 || entry)') });
    expect(result.leaves).toBe(57);
  });

  it('names the subtree when an entry and its leaf hash were both rewritten', async () => {
    const edit = (from: string, to: string) =>
      `UPDATE ledger_entry SET entry = convert_to(replace(convert_from(entry, 'UTF8'), '${from}', '${to}'), 'UTF8'),
              leaf_hash = sha256('\\x00'::bytea || convert_to(replace(convert_from(entry, 'UTF8'), '${from}', '${to}'), 'UTF8')) WHERE leaf_index = 21`;
    const result = await verifyWith('ledger_entry', edit('"ref-21"', '"ref-XX"'), edit('"ref-XX"', '"ref-21"'));
    expect(result.divergence).toMatchObject({ what: 'node', level: 4, index: 1, leaves: [16, 32], found: expect.any(String), expected: expect.any(String) });
    expect(result.divergence!.message).toContain('leaves 16..31');
  });

  it('names a leaf edited past the last stored subtree through the checkpoint it breaks', async () => {
    const edit = (from: string, to: string) =>
      `UPDATE ledger_entry SET entry = convert_to(replace(convert_from(entry, 'UTF8'), '${from}', '${to}'), 'UTF8'),
              leaf_hash = sha256('\\x00'::bytea || convert_to(replace(convert_from(entry, 'UTF8'), '${from}', '${to}'), 'UTF8')) WHERE leaf_index = 98`;
    const result = await verifyWith('ledger_entry', edit('"ref-98"', '"ref-XX"'), edit('"ref-XX"', '"ref-98"'));
    expect(result.divergence).toMatchObject({ what: 'checkpoint', treeSize: N, found: root });
  });

  it('names an edited subtree hash, and an edited checkpoint', async () => {
    // The forged subtree hash is put back from what the verification expected.
    const node = await verifyWith('ledger_node', `UPDATE ledger_node SET hash = sha256('forged') WHERE level = 5 AND idx = 1`, `SELECT 1`);
    expect(node.divergence).toMatchObject({ what: 'node', level: 5, index: 1, leaves: [32, 64], found: createHash('sha256').update('forged').digest('hex') });
    await withoutAppendOnly('ledger_node', () => query(`UPDATE ledger_node SET hash = decode($1, 'hex') WHERE level = 5 AND idx = 1`, [node.divergence!.expected]));

    const [cp] = await query<{ signature: Buffer }>('SELECT signature FROM ledger_checkpoint WHERE tree_size = 40');
    const forgedSignature = Buffer.from(cp!.signature);
    forgedSignature[0]! ^= 1;
    const signature = await verifyWith('ledger_checkpoint', `UPDATE ledger_checkpoint SET signature = decode('${forgedSignature.toString('hex')}', 'hex') WHERE tree_size = 40`, `UPDATE ledger_checkpoint SET signature = decode('${cp!.signature.toString('hex')}', 'hex') WHERE tree_size = 40`);
    expect(signature.divergence).toMatchObject({ what: 'checkpoint', treeSize: 40, message: 'Checkpoint of size 40: the signature does not verify with the trusted key.' });

    const root40 = await query<{ root: string }>(`SELECT encode(root_hash, 'hex') AS root FROM ledger_checkpoint WHERE tree_size = 40`);
    const forgedRoot = await verifyWith('ledger_checkpoint', `UPDATE ledger_checkpoint SET root_hash = sha256('x') WHERE tree_size = 40`, `UPDATE ledger_checkpoint SET root_hash = decode('${root40[0]!.root}', 'hex') WHERE tree_size = 40`);
    expect(forgedRoot.divergence).toMatchObject({ what: 'checkpoint', treeSize: 40, expected: root40[0]!.root });
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });

  it('names removed leaves, and a missing subtree hash', async () => {
    const [last] = await query<Record<string, unknown>>('SELECT * FROM ledger_entry WHERE leaf_index = $1', [N - 1]);
    const removed = await verifyWith('ledger_entry', `DELETE FROM ledger_entry WHERE leaf_index = ${N - 1}`, `SELECT 1`);
    await withoutAppendOnly('ledger_entry', () => query('INSERT INTO ledger_entry VALUES ($1, $2, $3, $4)', [last!.leaf_index, last!.entry, last!.leaf_hash, last!.item_sha256]));
    expect(removed.divergence).toMatchObject({ what: 'checkpoint', treeSize: N, message: `Checkpoint of size ${N} is beyond the ${N - 1} stored leaves: leaves were removed.` });

    const middle = await verifyWith('ledger_entry', `UPDATE ledger_entry SET leaf_index = 1000 WHERE leaf_index = 10`, `UPDATE ledger_entry SET leaf_index = 10 WHERE leaf_index = 1000`);
    expect(middle.divergence).toMatchObject({ what: 'leaf', leafIndex: 10, message: 'Leaf 10 is missing: the next stored leaf is 11.' });

    const [node] = await query<{ hash: Buffer }>('SELECT hash FROM ledger_node WHERE level = 4 AND idx = 0');
    const missing = await verifyWith('ledger_node', 'DELETE FROM ledger_node WHERE level = 4 AND idx = 0', 'SELECT 1');
    await query('INSERT INTO ledger_node VALUES (4, 0, $1)', [node!.hash]);
    expect(missing.divergence).toMatchObject({ what: 'node', level: 4, index: 0, found: null });
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });
});

