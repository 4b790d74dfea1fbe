// Appends entries to the ledger's tree inside the caller's transaction: the integrator's core
// (integrate-pending.ts), and the direct path for tools and tests. Products anchor with anchorItem,
// which only queues a pending entry. Leaf indexes are assigned under a transaction-level advisory lock,
// held until the caller's transaction ends: committed entries therefore always form a prefix 0..n-1 of
// the log (a rolled-back append consumes no index).
//
// A batch costs the lock, the tree's state (the partial tiles: at most 255 rows a level) and two
// statements (write-leaves.ts).
import { AppError } from '../errors';
import type { Sql } from '../database/sql';
import type { LedgerEntryKind } from './entry-format';
import { formatLedgerEntries } from './format-ledger-entries';
import { APPEND_LOCK_KEY } from './ledger-locks';
import { readTreeState } from './read-tree-state';
import { writeLeaves } from './write-leaves';

export interface LedgerEntryInput {
  kind: LedgerEntryKind;
  /** SHA-256 of the anchored item, hex (either case; stored lowercase). */
  sha256: string;
  /** The record the item belongs to: printable ASCII, 1–200 characters. */
  ref: string;
  /** Anchoring time (default: now), kept to the millisecond. */
  at?: Date;
}

export interface AppendedLeaf {
  leafIndex: number;
  /** SHA-256(0x00 || entry), lowercase hex. */
  leafHash: string;
}

export interface AppendResult {
  /** The tree size after this append (as seen by this transaction). */
  treeSize: number;
  leaves: AppendedLeaf[];
}

/**
 * Needs a transaction at READ COMMITTED (sqlTransaction, or sqlOfPrisma(tx) in a Prisma $transaction);
 * refuses to run statement by statement on a pool.
 */
export async function appendLedgerEntries(sql: Sql, entries: readonly LedgerEntryInput[]): Promise<AppendResult> {
  const texts = formatLedgerEntries(entries);
  const [lock] = await sql<{ xid: string }>(
    // The void result stays in the subquery: Prisma's raw queries cannot return a void column.
    'SELECT pg_current_xact_id()::text AS xid FROM (SELECT pg_advisory_xact_lock($1::bigint)) AS locked',
    [APPEND_LOCK_KEY],
  );
  const state = await readTreeState(sql);
  if (state.xid !== lock!.xid) {
    throw new AppError('INTERNAL_SERVER_ERROR', 'appendLedgerEntries must run inside a transaction (sqlTransaction, or a Prisma $transaction).');
  }
  const written = await writeLeaves(sql, state, texts);
  const hex = written.leafHashes.toString('hex');
  return { treeSize: written.treeSize, leaves: texts.map((_, i) => ({ leafIndex: written.first + i, leafHash: hex.slice(64 * i, 64 * i + 64) })) };
}
