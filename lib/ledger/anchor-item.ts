// Anchors one item in the caller's transaction by queueing its entry (ledger_pending): no lock that
// other transactions wait for, one INSERT. The integrator (integrate-pending.ts) gives it its leaf
// index shortly after the caller commits; a rollback leaves nothing behind. The leaf hash depends only
// on the entry, so it is known now; the leaf index is not (awaitAnchoring waits for it).
import type { Sql } from '../database/sql';
import type { LedgerEntryInput } from './append-ledger-entries';
import { formatLedgerEntries } from './format-ledger-entries';
import { hashLeaf } from './merkle-hash';

export interface AnchoredItem {
  /** Null until the integrator has placed the entry in the tree. */
  leafIndex: number | null;
  /** SHA-256(0x00 || entry), lowercase hex: the leaf the entry will be. */
  leafHash: string;
  /** The entry's canonical text (entry-format.ts). */
  entry: string;
}

export async function anchorItem(sql: Sql, item: LedgerEntryInput): Promise<AnchoredItem> {
  const [entry] = formatLedgerEntries([item]);
  // item_sha256 is cut from the entry, which ends with "sha256":"<64 hex>"} (entry-format.ts).
  await sql(`INSERT INTO ledger_pending (entry, item_sha256) VALUES (convert_to($1::text, 'UTF8'), decode(substr($1::text, length($1::text) - 65, 64), 'hex'))`, [entry!]);
  return { leafIndex: null, leafHash: hashLeaf(entry!).toString('hex'), entry: entry! };
}
