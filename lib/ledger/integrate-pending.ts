// The integrator (sequence, then integrate, as Trillian and Tessera do): moves committed pending
// entries into the tree in batches. One transaction per batch, under the ledger's append lock, so one
// process integrates at a time across every process on the database: it deletes up to `batchSize`
// pending entries (oldest `seq` first), inserts them as the next leaves with the subtree hashes they
// complete, and commits. A crash anywhere before the commit leaves the entries pending and the tree as
// it was; after it, they are leaves and no longer pending. Each entry thus ends as exactly one leaf.
//
// Leaf hashes are computed by PostgreSQL from the stored entry bytes (sha256(), in C) rather than
// trusted from the writer, and sent back as one bytea: Node only folds them into the frontier.
import { AppError } from '../errors';
import { sqlTransaction, type Sql } from '../database/sql';
import { APPEND_LOCK_KEY } from './ledger-locks';
import type { CompletedNode } from './merkle-frontier';
import { readTreeState } from './read-tree-state';

export interface IntegrationResult {
  /** Leaves added by this call. */
  integrated: number;
  /** The tree size after it. */
  treeSize: number;
}

export interface IntegrateOptions {
  /** Entries per transaction (default 20,000). */
  batchSize?: number;
  /** Stop after this many entries (default: until nothing is pending). */
  maxLeaves?: number;
  /** Wait for the lock (true), or return null at once when another process integrates (default). */
  wait?: boolean;
  /** Called inside each batch's transaction once everything is written, before the commit (fault tests). */
  beforeCommit?: (batch: IntegrationResult) => Promise<void>;
}

const DEFAULT_BATCH = 20_000;

/** Null when another process holds the lock (and `wait` is false); integrated 0 when nothing was pending. */
export async function integratePending(options: IntegrateOptions = {}): Promise<IntegrationResult | null> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const maxLeaves = options.maxLeaves ?? Number.POSITIVE_INFINITY;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new AppError('BAD_USER_INPUT', 'batchSize must be a positive integer.');
  let integrated = 0;
  let treeSize = 0;
  for (;;) {
    const batch = await sqlTransaction(async (sql) => {
      const [row] = await sql<{ locked: boolean }>(
        options.wait
          ? 'SELECT true AS locked FROM (SELECT pg_advisory_xact_lock($1::bigint)) AS held' // void stays in the subquery
          : 'SELECT pg_try_advisory_xact_lock($1::bigint) AS locked',
        [APPEND_LOCK_KEY],
      );
      if (!row!.locked) return null;
      const result = await integrateBatch(sql, Math.min(batchSize, maxLeaves - integrated));
      await options.beforeCommit?.(result);
      return result;
    });
    if (!batch) return integrated ? { integrated, treeSize } : null;
    integrated += batch.integrated;
    treeSize = batch.treeSize;
    if (batch.integrated < batchSize || integrated >= maxLeaves) return { integrated, treeSize };
  }
}

async function integrateBatch(sql: Sql, limit: number): Promise<IntegrationResult> {
  const { frontier } = await readTreeState(sql);
  const first = frontier.size;
  const [moved] = await sql<{ n: number; hashes: Buffer | null }>(
    `WITH moved AS (
       DELETE FROM ledger_pending WHERE seq IN (SELECT seq FROM ledger_pending ORDER BY seq LIMIT $2)
       RETURNING seq, entry, item_sha256
     ), numbered AS (
       SELECT $1::bigint + row_number() OVER (ORDER BY seq) - 1 AS leaf_index, entry, sha256('\\x00'::bytea || entry) AS leaf_hash, item_sha256
         FROM moved
     ), inserted AS (
       INSERT INTO ledger_entry (leaf_index, entry, leaf_hash, item_sha256)
       SELECT leaf_index, entry, leaf_hash, item_sha256 FROM numbered
     )
     SELECT count(*)::int AS n, string_agg(leaf_hash, ''::bytea ORDER BY leaf_index) AS hashes FROM numbered`,
    [first, limit],
  );
  const n = moved!.n;
  if (n === 0) return { integrated: 0, treeSize: first };
  const hashes = moved!.hashes!;
  const completed: CompletedNode[] = [];
  for (let i = 0; i < n; i++) frontier.push(hashes.subarray(32 * i, 32 * i + 32), completed);
  if (completed.length) {
    await sql(
      `INSERT INTO ledger_node (level, idx, hash) SELECT t.level, t.idx, decode(t.hash, 'hex') FROM unnest($1::smallint[], $2::bigint[], $3::text[]) AS t(level, idx, hash)`,
      [completed.map((c) => c.level), completed.map((c) => c.index), completed.map((c) => c.hash.toString('hex'))],
    );
  }
  return { integrated: n, treeSize: frontier.size };
}
