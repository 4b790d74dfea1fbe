// Anchors one item in the caller's transaction: see append-ledger-entries.ts.
import type { Sql } from '../database/sql';
import { appendLedgerEntries, type AppendedLeaf, type LedgerEntryInput } from './append-ledger-entries';

export async function anchorItem(sql: Sql, item: LedgerEntryInput): Promise<AppendedLeaf> {
  const { leaves } = await appendLedgerEntries(sql, [item]);
  return leaves[0]!;
}
