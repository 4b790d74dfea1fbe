// RFC 9162 §2.1.4 consistency proof between the trees of the first `from` and `to` leaves (e.g. two
// checkpoints): the later tree extends the earlier one, nothing rewritten.
import { AppError } from '../errors';
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import { readTreeHashes } from './read-tree-hashes';
import { consistencyProofRanges } from './tree-math';
import type { ConsistencyProofInput } from './verify-proof';

export type ConsistencyProof = ConsistencyProofInput;

/** 1 ≤ from ≤ to ≤ the current size. Equal sizes give an empty proof. */
export async function getConsistencyProof(options: { from: number; to: number }): Promise<ConsistencyProof> {
  const { from, to } = options;
  if (!Number.isSafeInteger(from) || from < 1) throw badInput('from', 'Must be a tree size (an integer from 1).');
  if (!Number.isSafeInteger(to) || to < from) throw badInput('to', `Must be a tree size from ${from}.`);
  const sql = sqlOfClient(getPool());
  const [row] = await sql<{ size: string }>('SELECT ledger_tree_size()::text AS size');
  const size = Number(row!.size);
  if (to > size) throw badInput('to', `The ledger has ${size} leaves, not ${to}.`);
  const hashes = await readTreeHashes(sql, to, [...consistencyProofRanges(from, to), [0, from], [0, to]]);
  const secondRootHash = hashes.pop()!.toString('hex');
  const firstRootHash = hashes.pop()!.toString('hex');
  return { firstSize: from, secondSize: to, firstRootHash, secondRootHash, proof: hashes.map((h) => h.toString('hex')) };
}

function badInput(field: string, message: string): AppError {
  return new AppError('BAD_USER_INPUT', message, { fieldErrors: [{ path: [field], code: 'INVALID', message }] });
}
