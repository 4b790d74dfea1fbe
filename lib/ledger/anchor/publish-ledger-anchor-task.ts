// The job queue's cron task that publishes the latest ledger checkpoint to the EVM chain, when one is
// configured (every minute, once per cluster: see job-tasks.ts). publishLatestCheckpoint publishes only
// when the last publication is ANCHOR_EVERY_SECONDS old; the tick's start may drift by some seconds, so
// the task allows half a minute of slack, or a 60-second cadence would publish every other minute.
import type { Task } from 'graphile-worker';

import { getEnv } from '../../env';
import { getLogger } from '../../logger';
import { getLedgerAnchor } from './get-ledger-anchor';
import { publishLatestCheckpoint } from './publish-latest-checkpoint';

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'publish-ledger-anchor': Record<string, never>;
    }
  }
}

export const publishLedgerAnchorTask: Task = async () => {
  const anchor = getLedgerAnchor();
  if (!anchor) return;
  const minIntervalSeconds = Math.max(0, getEnv().ANCHOR_EVERY_SECONDS - 30);
  await publishLatestCheckpoint(anchor, { minIntervalSeconds, logger: getLogger().child({ job: 'ledger-publisher' }) });
};
