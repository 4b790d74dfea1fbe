// The integrator (sequence, then integrate, as Trillian and Tessera do): moves committed pending
// entries into the tree in batches. One transaction per batch, under the ledger's append lock, so one
// process integrates at a time across every process on the database: it deletes up to `batchSize`
// pending entries (oldest `seq` first), inserts them as the next leaves with the subtree hashes they
// complete, and commits. A crash anywhere before the commit leaves the entries pending and the tree as
// it was; after it, they are leaves and no longer pending. Each entry thus ends as exactly one leaf.
//
// Leaf hashes are computed here from the stored entry bytes (not trusted from the writer), in memory,
// with the tiles and bundles they complete: a batch is two statements after the DELETE (write-leaves.ts).
import { AppError } from '../errors';
import { sqlTransaction, type Sql } from '../database/sql';
import { APPEND_LOCK_KEY } from './ledger-locks';
import { readTreeState } from './read-tree-state';
import { writeLeaves } from './write-leaves';

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
  const state = await readTreeState(sql);
  // One bytea of the batch's entries, newline-separated (entries are ASCII without newlines).
  const [moved] = await sql<{ n: number; entries: Buffer | null }>(
    // The batch as one range of the seq index (every visible row up to the limit-th), not a probe per row.
    `WITH bound AS (SELECT seq FROM ledger_pending ORDER BY seq OFFSET $1::int - 1 LIMIT 1),
     moved AS (
       DELETE FROM ledger_pending WHERE seq <= coalesce((SELECT seq FROM bound), 9223372036854775807)
       RETURNING seq, entry
     )
     SELECT count(*)::int AS n, string_agg(entry, '\\x0a'::bytea ORDER BY seq) AS entries FROM moved`,
    [limit],
  );
  if (moved!.n === 0) return { integrated: 0, treeSize: state.frontier.size };
  const texts = moved!.entries!.toString('latin1').split('\n');
  const written = await writeLeaves(sql, state, texts);
  return { integrated: texts.length, treeSize: written.treeSize };
}
