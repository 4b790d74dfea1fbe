// No path may rewrite or remove the ledger: the database refuses it, whoever asks.
import { beforeAll, describe, expect, it } from 'vitest';

import { issueCheckpoint } from '../../lib/ledger/issue-checkpoint';
import { append, item, query, setTemporaryDataDir } from './helpers';

setTemporaryDataDir();

beforeAll(async () => {
  await append(Array.from({ length: 300 }, (_, i) => item(i)));
  await issueCheckpoint();
});

describe.each([
  ['ledger_tile', `UPDATE ledger_tile SET root = sha256('x')`, 'DELETE FROM ledger_tile'],
  ['ledger_bundle', `UPDATE ledger_bundle SET entries = ''::bytea`, 'DELETE FROM ledger_bundle'],
  ['ledger_tail', `UPDATE ledger_tail SET entry = convert_to('{}', 'UTF8') WHERE leaf_index = 299`, 'DELETE FROM ledger_tail WHERE leaf_index = 299'],
  ['ledger_checkpoint', `UPDATE ledger_checkpoint SET tree_size = 19`, 'DELETE FROM ledger_checkpoint'],
])('%s', (table, update, remove) => {
  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const [{ n }] = (await query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)) as [{ n: string }];
    expect(Number(n)).toBeGreaterThan(0);
    await expect(query(update)).rejects.toThrow(`${table} is append-only: UPDATE refused`);
    // The tail's rows leave only into their bundle, which leaf 299's does not have yet.
    await expect(query(remove)).rejects.toThrow(`${table} is append-only: DELETE refused`);
    await expect(query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(`${table} is append-only: TRUNCATE refused`);
    const [after] = (await query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)) as [{ n: string }];
    expect(after.n).toBe(n);
  });
});
