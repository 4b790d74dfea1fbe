// Appends entries to the ledger's tree inside the caller's transaction: the integrator's core
// (integrate-pending.ts), and the direct path for tools and tests. Products anchor with anchorItem,
// which only queues a pending entry. Leaf indexes are assigned under a transaction-level advisory lock,
// held until the caller's transaction ends: committed entries therefore always form a prefix 0..n-1 of
// the log (a rolled-back append consumes no index).
//
// A batch costs the lock, the tree's state (O(log n) rows), and one INSERT of the entries and of the
// subtree hashes they complete per 2,500 entries.
import { AppError } from '../errors';
import type { Sql } from '../database/sql';
import type { LedgerEntryKind } from './entry-format';
import { formatLedgerEntries } from './format-ledger-entries';
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
  const texts = formatLedgerEntries(entries);
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
