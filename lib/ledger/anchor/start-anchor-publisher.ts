// The background job that publishes signed checkpoints to the EVM chain, when one is configured. It
// publishes the latest checkpoint once the last publication is ANCHOR_EVERY_SECONDS old (a chain
// transaction per checkpoint would cost gas every few seconds for no extra assurance: a later root's
// consistency proof covers every earlier one). Failures are retried with back-off and logged; filing
// never waits on any of this. State is the database, so it resumes after a restart.
import { getPool } from '../../db';
import { getEnv } from '../../env';
import type { Logger } from '../../logger';
import { getLedgerAnchor } from './get-ledger-anchor';
import type { LedgerAnchor } from './ledger-anchor';
import { publishWithRetry } from './publish-with-retry';

export interface AnchorPublisher {
  stop(): Promise<void>;
  /** Publishes now if something is due (tests, and the first tick). */
  tick(): Promise<void>;
}

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

export function startAnchorPublisher(options: { logger: Logger; anchor?: LedgerAnchor; pollMs?: number }): AnchorPublisher | null {
  const anchor = options.anchor ?? getLedgerAnchor();
  if (!anchor) return null;
  const env = getEnv();
  const pollMs = options.pollMs ?? 5_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      await publishLatestCheckpoint(anchor, { minIntervalSeconds: env.ANCHOR_EVERY_SECONDS, logger: options.logger });
    } catch (err) {
      options.logger.warn({ err }, 'ledger publisher failed; will try again');
    }
  };
  const loop = () => {
    if (stopped) return;
    current = tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, pollMs);
    });
  };
  loop();
  return {
    async tick() {
      await current;
      await tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
