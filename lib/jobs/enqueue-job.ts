// Adds a job to the queue inside the caller's transaction: the job exists if and only if the business
// change that asked for it commits (no lost or phantom work), and the queue's trigger wakes a worker on
// commit. Works with a `pg` transaction and a Prisma one alike (see lib/database/sql.ts).
import type { Sql } from '../database/sql';

export interface EnqueueOptions {
  /** At most one pending job per key; see `jobKeyMode`. Use it for idempotency and debouncing. */
  jobKey?: string;
  /**
   * What a second job with the same key does (graphile-worker's modes): `replace` (default) replaces the
   * pending job's payload and run time, `preserve_run_at` replaces the payload only, `unsafe_dedupe` leaves
   * the pending job as it is.
   */
  jobKeyMode?: 'replace' | 'preserve_run_at' | 'unsafe_dedupe';
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Attempts before the job is kept as failed (default 25, with exponential back-off). */
  maxAttempts?: number;
  /** Jobs of one named queue run one at a time, in order. */
  queueName?: string;
  /** Lower runs first (default 0). */
  priority?: number;
}

export async function enqueueJob<K extends keyof GraphileWorker.Tasks & string>(
  sql: Sql,
  task: K,
  payload: GraphileWorker.Tasks[K],
  options: EnqueueOptions = {},
): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `SELECT (graphile_worker.add_job(
       identifier => $1, payload => $2::json, queue_name => $3, run_at => $4,
       max_attempts => $5, job_key => $6, priority => $7, job_key_mode => $8
     )).id::text AS id`,
    [
      task,
      JSON.stringify(payload),
      options.queueName ?? null,
      options.runAt ?? null,
      options.maxAttempts ?? null,
      options.jobKey ?? null,
      options.priority ?? null,
      options.jobKeyMode ?? null,
    ],
  );
  return row!.id;
}
