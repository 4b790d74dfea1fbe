// Writes entries as the next leaves of the tree, inside the caller's transaction and under the append
// lock it holds (integrate-pending.ts, append-ledger-entries.ts): hashes in memory, then at most two
// statements whatever the batch size — the bundles and tiles the batch completes (each written once,
// full), and the tail (the leaves after the last full bundle, moved into their bundle when it fills).
import { AppError } from '../errors';
import type { Sql } from '../database/sql';
import { BUNDLE_SIZE, encodeEntryRecord, MAX_RECORD_BYTES, parseEntryText } from './entry-bundle';
import { hashLeafInput } from './merkle-hash';
import type { TreeState } from './read-tree-state';
import type { FullTile } from './tile-frontier';

export interface WrittenLeaves {
  /** Index of the first leaf written. */
  first: number;
  /** The tree size after the write. */
  treeSize: number;
  /** Leaf hashes, 32 bytes each, in order. */
  leafHashes: Buffer;
}

/** `texts`: canonical entry texts (ASCII). `state`: the tree as this transaction sees it, under the lock. */
export async function writeLeaves(sql: Sql, state: TreeState, texts: readonly string[]): Promise<WrittenLeaves> {
  const { frontier } = state;
  const first = frontier.size;
  const leafHashes = hashEntries(texts);
  const full: FullTile[] = [];
  for (let i = 0; i < texts.length; i++) frontier.push(leafHashes.subarray(32 * i, 32 * i + 32), full);
  const treeSize = frontier.size;

  // Bundles completed by this batch: the tail's entries, then the new ones.
  const firstBundle = Math.floor(first / BUNDLE_SIZE);
  const endBundle = Math.floor(treeSize / BUNDLE_SIZE);
  const tailStart = firstBundle * BUNDLE_SIZE;
  if (state.tail.length !== first - tailStart) throw new AppError('INTERNAL_SERVER_ERROR', `The ledger's tail holds ${state.tail.length} leaves, not ${first - tailStart}: run npm run ledger:verify.`);
  const entryAt = (leaf: number) => (leaf < first ? state.tail[leaf - tailStart]! : texts[leaf - first]!);
  const completing = endBundle * BUNDLE_SIZE - tailStart;
  const items = Buffer.allocUnsafe(32 * Math.max(0, completing));
  const records = Buffer.allocUnsafe(MAX_RECORD_BYTES * Math.max(0, completing));
  const bundleLengths: number[] = [];
  for (let leaf = tailStart, at = 0, bundleStart = 0; leaf < endBundle * BUNDLE_SIZE; leaf++) {
    const fields = parseEntryText(entryAt(leaf));
    if (!fields) throw new AppError('INTERNAL_SERVER_ERROR', `Leaf ${leaf} would not be a canonical ledger entry: ${entryAt(leaf).slice(0, 300)}`);
    items.write(fields.sha256, 32 * (leaf - tailStart), 'hex');
    at = encodeEntryRecord(fields, records, at);
    if ((leaf + 1) % BUNDLE_SIZE === 0) {
      bundleLengths.push(at - bundleStart);
      bundleStart = at;
    }
  }
  const recordBytes = records.subarray(0, bundleLengths.reduce((a, n) => a + n, 0));

  if (full.length) {
    await sql(
      `WITH bundles AS (
         INSERT INTO ledger_bundle (idx, items, entries)
         SELECT $1::bigint + b.n - 1, substring($2::bytea FROM (b.n - 1)::int * 8192 + 1 FOR 8192), substring($3::bytea FROM b.start + 1 FOR b.len)
           FROM (SELECT n, len, (sum(len) OVER (ORDER BY n) - len)::int AS start FROM unnest($4::int[]) WITH ORDINALITY AS u(len, n)) AS b
       )
       INSERT INTO ledger_tile (level, idx, hashes, root)
       SELECT t.level, t.idx, substring($7::bytea FROM (t.n - 1)::int * 8192 + 1 FOR 8192), substring($8::bytea FROM (t.n - 1)::int * 32 + 1 FOR 32)
         FROM unnest($5::smallint[], $6::bigint[]) WITH ORDINALITY AS t(level, idx, n)`,
      [
        firstBundle,
        items,
        recordBytes,
        bundleLengths,
        full.map((t) => t.level),
        full.map((t) => t.index),
        Buffer.concat(full.flatMap((t) => t.hashes)),
        Buffer.concat(full.map((t) => t.root)),
      ],
    );
  }
  // The tail: leaves of completed bundles leave it (the trigger checks their bundle exists), the new
  // leaves after the last full bundle join it.
  const newTailStart = Math.max(first, endBundle * BUNDLE_SIZE);
  const joining = texts.slice(newTailStart - first);
  if (endBundle > firstBundle || joining.length) {
    await sql(
      `WITH gone AS (DELETE FROM ledger_tail WHERE leaf_index < $1::bigint)
       INSERT INTO ledger_tail (leaf_index, entry, leaf_hash, item_sha256)
       SELECT $2::bigint + t.n - 1, convert_to(t.entry, 'UTF8'), substring($4::bytea FROM (t.n - 1)::int * 32 + 1 FOR 32),
              decode(substr(t.entry, length(t.entry) - 65, 64), 'hex') -- the entry ends with "sha256":"<64 hex>"}
         FROM string_to_table($3::text, E'\\n') WITH ORDINALITY AS t(entry, n)
        WHERE $3::text <> ''`,
      [endBundle > firstBundle ? endBundle * BUNDLE_SIZE : -1, newTailStart, joining.join('\n'), leafHashes.subarray(32 * (newTailStart - first))],
    );
  }
  return { first, treeSize, leafHashes };
}

/** SHA-256(0x00 || entry) of each text, concatenated: one buffer "\0entry\0entry…" hashed slice by slice. */
function hashEntries(texts: readonly string[]): Buffer {
  const bytes = Buffer.from(`\n${texts.join('\n')}`, 'latin1'); // ASCII: one byte per character
  const out = Buffer.allocUnsafe(32 * texts.length);
  for (let i = 0, at = 0; i < texts.length; at += texts[i]!.length + 1, i++) {
    bytes[at] = 0x00;
    hashLeafInput(bytes.subarray(at, at + texts[i]!.length + 1)).copy(out, 32 * i);
  }
  return out;
}
