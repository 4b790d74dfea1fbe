// Waits until an anchored item has its leaf: the answer for callers that need the leaf index or a
// proof right after anchoring (GraphQL awaitAnchoring, the portal's "anchoring…" label). While the item
// is pending it helps the integration along (a try-lock: when the integrator is busy, it just waits),
// so it also works where no background integrator runs. timeoutMs 0 is a plain lookup.
import { AppError, isAppError } from '../errors';
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import { parseLedgerEntry, SHA256_HEX, type LedgerEntryFields } from './entry-format';
import { getLedgerEntry, type LedgerEntryRecord } from './get-ledger-entry';
import { integratePending } from './integrate-pending';
import { hashLeaf } from './merkle-hash';

/** An integrated entry (leafIndex set), or a pending one (leafIndex null; its leaf hash is already known). */
export type AnchoringState =
  | (LedgerEntryRecord & { integrated: true })
  | { integrated: false; leafIndex: null; leafHash: string; entry: string; fields: LedgerEntryFields; laterLeafIndexes: number[] };

export const MAX_AWAIT_MS = 30_000;
const POLL_MS = 20;

/** Null when nothing anchors the item (not even pending). Past timeoutMs, the pending state. */
export async function awaitAnchoring(itemSha256: string, options: { timeoutMs?: number } = {}): Promise<AnchoringState | null> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 0 || timeoutMs > MAX_AWAIT_MS) {
    const message = `Must be a whole number of milliseconds from 0 to ${MAX_AWAIT_MS}.`;
    throw new AppError('BAD_USER_INPUT', message, { fieldErrors: [{ path: ['timeoutMs'], code: 'INVALID', message }] });
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return { ...(await getLedgerEntry(itemSha256)), integrated: true };
    } catch (error) {
      if (!isAppError(error) || !(error.code === 'NOT_FOUND' || error.details.pending === true)) throw error;
      if (error.code === 'NOT_FOUND') return null;
    }
    if (Date.now() >= deadline) return pendingState(itemSha256.toLowerCase());
    const done = await integratePending();
    if (!done?.integrated) await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, Math.max(0, deadline - Date.now()))));
  }
}

async function pendingState(sha256: string): Promise<AnchoringState | null> {
  if (!SHA256_HEX.test(sha256)) return null;
  const [row] = await sqlOfClient(getPool())<{ entry: Buffer }>('SELECT entry FROM ledger_pending WHERE item_sha256 = decode($1, \'hex\') ORDER BY seq LIMIT 1', [sha256]);
  if (!row) return awaitAnchoring(sha256, { timeoutMs: 0 }); // integrated since the last look
  const fields = parseLedgerEntry(row.entry);
  if (!fields) throw new AppError('INTERNAL_SERVER_ERROR', `A pending ledger entry for ${sha256} is not a canonical entry.`);
  return { integrated: false, leafIndex: null, leafHash: hashLeaf(row.entry).toString('hex'), entry: row.entry.toString('base64'), fields, laterLeafIndexes: [] };
}
