// An anchored item's ledger entry, found by the item's SHA-256. The same item may be anchored more than
// once (e.g. a document attached twice): the earliest entry is returned — the one that proves the item
// existed earliest — and the later leaf indexes are listed. Only integrated entries have a leaf: an item
// still pending is a CONFLICT to retry shortly (awaitAnchoring waits for it).
import { AppError } from '../errors';
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import { decodeEntryBundle } from './entry-bundle';
import { parseLedgerEntry, SHA256_HEX, type LedgerEntryFields } from './entry-format';
import { hashLeaf } from './merkle-hash';

export interface LedgerEntryRecord {
  leafIndex: number;
  /** SHA-256(0x00 || entry), hex. */
  leafHash: string;
  /** The entry's bytes, base64. */
  entry: string;
  fields: LedgerEntryFields;
  /** Leaf indexes of later entries anchoring the same item (at most 100). */
  laterLeafIndexes: number[];
}

export async function getLedgerEntry(itemSha256: string): Promise<LedgerEntryRecord> {
  const sha256 = typeof itemSha256 === 'string' ? itemSha256.toLowerCase() : '';
  if (!SHA256_HEX.test(sha256)) {
    const message = 'Must be a SHA-256 as 64 hexadecimal digits.';
    throw new AppError('BAD_USER_INPUT', message, { fieldErrors: [{ path: ['sha256'], code: 'INVALID', message }] });
  }
  // Candidate bundles through the GIN index on their items' first 8 bytes, then the exact matches
  // among their 256 items; the tail (at most 255 rows) after them. Leaf order throughout.
  // One statement, so one snapshot: an entry is then either pending or a leaf, never neither (the
  // integrator moves it atomically).
  const rows = await sqlOfClient(getPool())<{ idx: string | null; items: Buffer | null; entries: Buffer | null; leaf_index: string | null; entry: Buffer | null; pending: boolean }>(
    `(SELECT b.idx::text AS idx, b.items, b.entries, NULL AS leaf_index, NULL::bytea AS entry, false AS pending, b.idx * 256 AS pos FROM ledger_bundle b
       WHERE ledger_item_keys(b.items) @> ARRAY[('x' || substr($1::text, 1, 16))::bit(64)::bigint] ORDER BY b.idx LIMIT 101)
     UNION ALL
     (SELECT NULL, NULL, NULL, leaf_index::text, entry, false, leaf_index FROM ledger_tail WHERE item_sha256 = decode($1, 'hex') ORDER BY ledger_tail.leaf_index LIMIT 101)
     UNION ALL
     (SELECT NULL, NULL, NULL, NULL, NULL, true, NULL FROM ledger_pending WHERE item_sha256 = decode($1, 'hex') LIMIT 1)
     ORDER BY pos`,
    [sha256],
  );
  const item = Buffer.from(sha256, 'hex');
  const found: { leafIndex: number; entry: () => Buffer }[] = [];
  for (const row of rows) {
    if (row.pending) continue;
    if (row.leaf_index !== null) {
      const entry = row.entry!;
      found.push({ leafIndex: Number(row.leaf_index), entry: () => entry });
      continue;
    }
    const items = row.items!;
    for (let k = 0; k < 256 && found.length < 101; k++) {
      if (items.compare(item, 0, 32, 32 * k, 32 * k + 32) !== 0) continue;
      found.push({ leafIndex: Number(row.idx) * 256 + k, entry: () => Buffer.from(decodeEntryBundle(items, row.entries!, k + 1)[k]!, 'latin1') });
    }
  }
  const first = found[0];
  if (!first) {
    if (rows.some((r) => r.pending)) throw new AppError('CONFLICT', `The SHA-256 ${sha256} is being anchored: its leaf is assigned within a second.`, { sha256, pending: true, retryAfterSeconds: 1 });
    throw new AppError('NOT_FOUND', `No ledger entry anchors the SHA-256 ${sha256}.`, { sha256 });
  }
  const bytes = first.entry();
  const fields = parseLedgerEntry(bytes);
  if (!fields || fields.sha256 !== sha256) {
    throw new AppError('INTERNAL_SERVER_ERROR', `Ledger leaf ${first.leafIndex} is not a valid entry for ${sha256}: run npm run ledger:verify.`);
  }
  return {
    leafIndex: first.leafIndex,
    leafHash: hashLeaf(bytes).toString('hex'),
    entry: bytes.toString('base64'),
    fields,
    laterLeafIndexes: found.slice(1, 101).map((f) => f.leafIndex),
  };
}
