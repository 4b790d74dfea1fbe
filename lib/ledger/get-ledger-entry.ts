// An anchored item's ledger entry, found by the item's SHA-256. The same item may be anchored more than
// once (e.g. a document attached twice): the earliest entry is returned — the one that proves the item
// existed earliest — and the later leaf indexes are listed. Only integrated entries have a leaf: an item
// still pending is a CONFLICT to retry shortly (awaitAnchoring waits for it).
import { AppError } from '../errors';
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import { parseLedgerEntry, SHA256_HEX, type LedgerEntryFields } from './entry-format';

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
  const rows = await sqlOfClient(getPool())<{ leaf_index: string; entry: string; leaf_hash: string }>(
    `SELECT leaf_index::text AS leaf_index, encode(entry, 'hex') AS entry, encode(leaf_hash, 'hex') AS leaf_hash
       FROM ledger_entry WHERE item_sha256 = decode($1, 'hex') ORDER BY ledger_entry.leaf_index LIMIT 101`,
    [sha256],
  );
  const first = rows[0];
  if (!first) {
    const [pending] = await sqlOfClient(getPool())('SELECT 1 FROM ledger_pending WHERE item_sha256 = decode($1, \'hex\') LIMIT 1', [sha256]);
    if (pending) throw new AppError('CONFLICT', `The SHA-256 ${sha256} is being anchored: its leaf is assigned within a second.`, { sha256, pending: true, retryAfterSeconds: 1 });
    throw new AppError('NOT_FOUND', `No ledger entry anchors the SHA-256 ${sha256}.`, { sha256 });
  }
  const bytes = Buffer.from(first.entry, 'hex');
  const fields = parseLedgerEntry(bytes);
  if (!fields || fields.sha256 !== sha256) {
    throw new AppError('INTERNAL_SERVER_ERROR', `Ledger leaf ${first.leaf_index} is not a valid entry for ${sha256}: run npm run ledger:verify.`);
  }
  return {
    leafIndex: Number(first.leaf_index),
    leafHash: first.leaf_hash,
    entry: bytes.toString('base64'),
    fields,
    laterLeafIndexes: rows.slice(1).map((r) => Number(r.leaf_index)),
  };
}
