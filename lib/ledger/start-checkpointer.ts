// The background job that signs checkpoints: every LEDGER_CHECKPOINT_SECONDS while leaves are pending,
// or as soon as LEDGER_CHECKPOINT_LEAVES are pending, never when nothing changed. Its state is the
// database (the latest checkpoint), so it picks up after a restart; issueCheckpoint's advisory lock
// keeps two processes from signing the same size.
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import { getEnv } from '../env';
import type { Logger } from '../logger';
import { issueCheckpoint } from './issue-checkpoint';
import { loadLedgerSigningKey } from './load-signing-key';

export interface Checkpointer {
  /** Stops the timer and waits for a checkpoint being signed. */
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  logger: Logger;
  /** How often to look (default: 1 s, or less with a shorter LEDGER_CHECKPOINT_SECONDS). */
  pollMs?: number;
}

export function startCheckpointer(options: CheckpointerOptions): Checkpointer {
  const { logger } = options;
  const env = getEnv();
  const pollMs = options.pollMs ?? Math.min(1000, env.LEDGER_CHECKPOINT_SECONDS * 1000);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastError: string | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      if (await isDue(env.LEDGER_CHECKPOINT_SECONDS, env.LEDGER_CHECKPOINT_LEAVES)) {
        const checkpoint = await issueCheckpoint();
        if (checkpoint) logger.info({ treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash, keyId: checkpoint.keyId }, 'ledger checkpoint signed');
      }
      lastError = undefined;
    } catch (err) {
      // Once per distinct failure, not once a second while the database is away.
      const message = err instanceof Error ? err.message : String(err);
      if (message !== lastError) logger.error({ err }, 'ledger checkpoint failed; retrying');
      lastError = message;
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick().finally(schedule);
    }, pollMs);
    timer.unref();
  };

  current = loadLedgerSigningKey()
    .then((key) => logger.info({ origin: key.origin, keyId: key.keyId, key: key.source }, 'ledger checkpointer started'))
    .catch((err) => logger.error({ err }, 'ledger signing key unavailable'))
    .finally(schedule);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}

async function isDue(seconds: number, leaves: number): Promise<boolean> {
  const [state] = await sqlOfClient(getPool())<{ size: string; last_size: string | null; age_ms: number | null }>(
    `SELECT ledger_tree_size()::text AS size, c.tree_size::text AS last_size,
            (extract(epoch FROM clock_timestamp() - c.issued_at) * 1000)::float8 AS age_ms
       FROM (SELECT 1) AS one
       LEFT JOIN LATERAL (SELECT tree_size, issued_at FROM ledger_checkpoint ORDER BY tree_size DESC LIMIT 1) c ON true`,
  );
  const pending = Number(state!.size) - Number(state!.last_size ?? 0);
  return pending > 0 && (pending >= leaves || state!.age_ms === null || state!.age_ms >= seconds * 1000);
}
