// Appends entries to the ledger inside the caller's transaction, so that an item is anchored exactly
// when it is stored. Leaf indexes are assigned under a transaction-level advisory lock, held until the
// caller's transaction ends: committed entries therefore always form a prefix 0..n-1 of the log (a
// rolled-back append consumes no index). Anchor last in a transaction, as the lock serialises anchoring.
//
// A batch costs the lock, the tree's state (O(log n) rows), and one INSERT of the entries and of the
// subtree hashes they complete per 2,500 entries.
import { AppError, type FieldError } from '../errors';
import type { Sql } from '../database/sql';
import { ENTRY_REF, formatLedgerEntry, LEDGER_ENTRY_KINDS, SHA256_HEX, type LedgerEntryKind } from './entry-format';
import { APPEND_LOCK_KEY } from './ledger-locks';
import type { CompletedNode } from './merkle-frontier';
import { hashLeafInput } from './merkle-hash';
import { readTreeState } from './read-tree-state';

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

/** Entries per INSERT. A batch's parts go one after the other, each hashed while PostgreSQL inserts the previous one. */
const PART = 2_500;

/**
 * Needs a transaction at READ COMMITTED (sqlTransaction, or sqlOfPrisma(tx) in a Prisma $transaction);
 * refuses to run statement by statement on a pool.
 */
export async function appendLedgerEntries(sql: Sql, entries: readonly LedgerEntryInput[]): Promise<AppendResult> {
  const texts = entryTexts(entries);
  const locked = sql<{ xid: string }>(
    // The void result stays in the subquery: Prisma's raw queries cannot return a void column.
    'SELECT pg_current_xact_id()::text AS xid FROM (SELECT pg_advisory_xact_lock($1::bigint)) AS locked',
    [APPEND_LOCK_KEY],
  );
  // Leaf hashes do not depend on positions: the first part's are computed while the lock is awaited.
  const firstPart = hashPart(texts, 0);
  const [lock] = await locked;
  const { frontier, xid } = await readTreeState(sql);
  if (xid !== lock!.xid) {
    throw new AppError('INTERNAL_SERVER_ERROR', 'appendLedgerEntries must run inside a transaction (sqlTransaction, or a Prisma $transaction).');
  }

  const first = frontier.size;
  const leafHex: string[] = [];
  let inserting: Promise<unknown> | undefined;
  for (let from = 0; from < texts.length; from += PART) {
    const part = from === 0 ? firstPart : hashPart(texts, from);
    const completed: CompletedNode[] = [];
    for (const leaf of part.leafHashes) frontier.push(leaf, completed);
    leafHex.push(part.leafHex);
    await inserting;
    // Two long text parameters rather than text arrays: array literals escape every quote of every
    // entry, which cost more than the hashing. Entries are ASCII without newlines, so '\n' separates
    // them; item_sha256 is cut from the entry text, which ends with "sha256":"<64 hex>"} (entry-format.ts).
    inserting = sql(
      `WITH leaves AS MATERIALIZED (SELECT decode($3::text, 'hex') AS hashes), -- decoded once, not per row
       entries AS (
         INSERT INTO ledger_entry (leaf_index, entry, leaf_hash, item_sha256)
         SELECT $1::bigint + t.n - 1, convert_to(t.entry, 'UTF8'), substring(l.hashes FROM (t.n - 1)::int * 32 + 1 FOR 32),
                decode(substr(t.entry, length(t.entry) - 65, 64), 'hex')
           FROM string_to_table($2::text, E'\n') WITH ORDINALITY AS t(entry, n) CROSS JOIN leaves AS l
       ), nodes AS (
         INSERT INTO ledger_node (level, idx, hash)
         SELECT t.level, t.idx, decode(t.hash, 'hex') FROM unnest($4::smallint[], $5::bigint[], $6::text[]) AS t(level, idx, hash)
       )
       SELECT 1`,
      [first + from, part.joined, part.leafHex, completed.map((c) => c.level), completed.map((c) => c.index), completed.map((c) => c.hash.toString('hex'))],
    );
  }
  await inserting;
  const hex = leafHex.join('');
  return { treeSize: frontier.size, leaves: texts.map((_, i) => ({ leafIndex: first + i, leafHash: hex.slice(64 * i, 64 * i + 64) })) };
}

/** Leaf hashes of texts[from, from + PART): one buffer "\0entry\0entry…" whose slices are hashed in place. */
function hashPart(texts: readonly string[], from: number) {
  const part = texts.slice(from, from + PART);
  const joined = part.join('\n');
  const bytes = Buffer.from(`\n${joined}`, 'latin1'); // ASCII: one byte per character
  const leafHashes: Buffer[] = new Array(part.length);
  for (let i = 0, at = 0; i < part.length; at += part[i]!.length + 1, i++) {
    bytes[at] = 0x00;
    leafHashes[i] = hashLeafInput(bytes.subarray(at, at + part[i]!.length + 1));
  }
  return { joined, leafHashes, leafHex: Buffer.concat(leafHashes).toString('hex') };
}

const KINDS = new Set<string>(LEDGER_ENTRY_KINDS);

/** The canonical entry texts, or BAD_USER_INPUT naming each invalid field (the first 20). */
function entryTexts(entries: readonly LedgerEntryInput[]): string[] {
  const now = new Date().toISOString();
  const problems: FieldError[] = [];
  const texts = entries.map((e, i) => {
    const sha256 = typeof e.sha256 === 'string' ? e.sha256.toLowerCase() : '';
    const at = e.at === undefined ? now : e.at instanceof Date && !Number.isNaN(e.at.getTime()) ? e.at.toISOString() : '';
    if (problems.length < 20) {
      const path = (field: string) => ['entries', String(i), field];
      if (!KINDS.has(e.kind)) problems.push({ path: path('kind'), code: 'INVALID', message: `Must be one of ${LEDGER_ENTRY_KINDS.join(', ')}.` });
      if (!SHA256_HEX.test(sha256)) problems.push({ path: path('sha256'), code: 'INVALID', message: 'Must be a SHA-256 as 64 hexadecimal digits.' });
      if (typeof e.ref !== 'string' || !ENTRY_REF.test(e.ref)) problems.push({ path: path('ref'), code: 'INVALID', message: 'Must be 1 to 200 printable ASCII characters.' });
      if (!/^\d{4}-/.test(at)) problems.push({ path: path('at'), code: 'INVALID', message: 'Must be a valid time between the years 0 and 9999.' });
    }
    return formatLedgerEntry({ at, kind: e.kind, ref: e.ref, sha256 });
  });
  if (problems.length) throw new AppError('BAD_USER_INPUT', 'Some ledger entries are invalid.', { fieldErrors: problems });
  return texts;
}
