// Publishes signed checkpoints to the EVM chain, when one is configured (called by the job queue's cron
// task publish-ledger-anchor-task.ts, once per cluster). It publishes the latest checkpoint once the
// last publication is ANCHOR_EVERY_SECONDS old (a chain transaction per checkpoint would cost gas
// every few seconds for no extra assurance: a later root's consistency proof covers every earlier one). Failures are retried with back-off and logged; filing
// never waits on any of this. State is the database, so it resumes after a restart.
import { getPool } from '../../db';
import type { Logger } from '../../logger';
import type { LedgerAnchor } from './ledger-anchor';
import { publishWithRetry } from './publish-with-retry';

/** Publishes the latest unpublished checkpoint if due; returns its tree size, or null. */
export async function publishLatestCheckpoint(anchor: LedgerAnchor, options: { minIntervalSeconds: number; logger: Logger }): Promise<number | null> {
  const pool = getPool();
  const { rows } = await pool.query<{ tree_size: string; root_hash: string; due: boolean }>(
    `SELECT c.tree_size::text AS tree_size, encode(c.root_hash, 'hex') AS root_hash,
            COALESCE((SELECT max(published_at) FROM ledger_publication), '-infinity') < now() - make_interval(secs => $1) AS due
       FROM ledger_checkpoint c
      WHERE NOT EXISTS (SELECT 1 FROM ledger_publication p WHERE p.tree_size = c.tree_size)
        AND c.tree_size > COALESCE((SELECT max(tree_size) FROM ledger_publication), 0)
      ORDER BY c.tree_size DESC LIMIT 1`,
    [options.minIntervalSeconds],
  );
  const latest = rows[0];
  if (!latest || !latest.due) return null;
  const outcome = await publishWithRetry(anchor, `0x${latest.root_hash}`, { attempts: 4, baseDelayMs: 2_000, logger: options.logger });
  if (!outcome.ok) {
    options.logger.warn({ treeSize: latest.tree_size, err: outcome.error.message, retryable: outcome.retryable }, 'ledger checkpoint not published to the chain; will try again');
    return null;
  }
  const r = outcome.receipt;
  await pool.query(
    `INSERT INTO ledger_publication (tree_size, chain_id, contract_address, tx_hash, block_number) VALUES ($1::bigint, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [latest.tree_size, r.chainId, r.contractAddress, r.txHash, r.blockNumber],
  );
  options.logger.info({ treeSize: latest.tree_size, txHash: r.txHash, blockNumber: r.blockNumber }, 'ledger checkpoint published to the chain');
  return Number(latest.tree_size);
}
