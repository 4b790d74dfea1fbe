// The background integrator: integrates pending entries at start (so nothing committed before a crash
// stays without its leaf), then every LEDGER_INTEGRATE_POLL_MS while entries are pending. Every process
// runs one; the append lock makes them take turns, so exactly one integrates at a time and the others'
// looks cost one indexed EXISTS each. Polling rather than LISTEN/NOTIFY: a NOTIFY in the anchoring
// transaction would take PostgreSQL's database-wide notify lock at every commit, the very queue this
// design removes; a 50 ms poll keeps the typical wait for a leaf well under a second.
import { getPool } from '../db';
import { getEnv } from '../env';
import type { Logger } from '../logger';
import { integratePending } from './integrate-pending';

export interface LedgerIntegrator {
  /** Stops the loop and waits for the batch being integrated. */
  stop(): Promise<void>;
}

export function startLedgerIntegrator(options: { logger: Logger; pollMs?: number }): LedgerIntegrator {
  const { logger } = options;
  const pollMs = options.pollMs ?? getEnv().LEDGER_INTEGRATE_POLL_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastError: string | undefined;

  const tick = async (first: boolean) => {
    try {
      if (first || (await anyPending())) {
        const result = await integratePending();
        if (result?.integrated && (first || result.integrated >= 1000)) logger.info(result, 'ledger entries integrated');
      }
      lastError = undefined;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (message !== lastError) logger.error({ err }, 'ledger integration failed; retrying');
      lastError = message;
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick(false).finally(schedule);
    }, pollMs);
    timer.unref();
  };
  let current: Promise<void> = tick(true).finally(schedule);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}

async function anyPending(): Promise<boolean> {
  const { rows } = await getPool().query<{ pending: boolean }>({ name: 'ledger-any-pending', text: 'SELECT EXISTS (SELECT 1 FROM ledger_pending) AS pending' });
  return rows[0]!.pending;
}
