// Work that must run in one process of the cluster at a time, at a cadence finer than cron's minute
// (the ledger checkpointer, every LEDGER_CHECKPOINT_SECONDS): the process that holds a session-level
// PostgreSQL advisory lock runs it; the others try again every `retryMs`. The lock lives as long as the
// leader's own connection, so when the leader dies (kill -9, a lost network, a restarted database)
// PostgreSQL drops the lock with the session and another process takes over within `retryMs`. A leader
// whose connection breaks stops its work before anyone else can start it: the "error"/"end" of the
// connection is seen first by the process that held it.
import pg from 'pg';

import type { Logger } from '../logger';

/** Advisory lock class of leader loops (the second key is hashtext(name)); see lib/ledger/ledger-locks.ts for the others. */
export const LEADER_LOCK_CLASS = 72_163_043;

export interface LeaderLoop {
  /** Whether this process leads right now (tests, health). */
  isLeader(): boolean;
  /** Stops the work if leading, gives up the lock and closes the connection. */
  stop(): Promise<void>;
}

export function startLeaderLoop(options: {
  name: string;
  logger: Logger;
  /** Starts the work when this process becomes the leader; its stop() is awaited on losing the lead. */
  start: () => { stop(): Promise<void> };
  retryMs?: number;
  connectionString?: string;
}): LeaderLoop {
  const { name, logger } = options;
  const retryMs = options.retryMs ?? 2_000;
  let stopped = false;
  let client: pg.Client | null = null;
  let work: { stop(): Promise<void> } | null = null;
  let timer: NodeJS.Timeout | undefined;
  let attempt: Promise<void> = Promise.resolve();

  const dropConnection = async (reason: string) => {
    const held = client;
    client = null;
    if (work) {
      const running = work;
      work = null;
      logger.warn({ leader: name, reason }, 'leader lost its lock; stopping its work');
      await running.stop().catch((err: unknown) => logger.error({ err }, 'stopping the leader work'));
    }
    await held?.end().catch(() => undefined);
  };

  const tryLead = async () => {
    try {
      if (!client) {
        const connection = new pg.Client({ connectionString: options.connectionString ?? process.env.DATABASE_URL, application_name: `clearway leader ${name}` });
        connection.on('error', (err) => void dropConnection(err.message));
        connection.on('end', () => client === connection && void dropConnection('connection ended'));
        await connection.connect();
        client = connection;
      }
      const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked`, [LEADER_LOCK_CLASS, name]);
      if (rows[0]!.locked && !stopped) {
        logger.info({ leader: name }, 'this process now leads');
        work = options.start();
      }
    } catch (err) {
      logger.warn({ err, leader: name }, 'leader election failed; trying again');
      await dropConnection('election failed');
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      attempt = (work ? Promise.resolve() : tryLead()).finally(schedule);
    }, retryMs);
    timer.unref();
  };
  attempt = tryLead().finally(schedule);

  return {
    isLeader: () => work !== null,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await attempt;
      if (work) {
        const running = work;
        work = null;
        await running.stop();
      }
      // Ending the session releases the lock at once, so a waiting process leads within its retry.
      await dropConnection('stopped');
    },
  };
}
