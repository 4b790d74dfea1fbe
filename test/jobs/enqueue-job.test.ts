// The job queue as capabilities use it: a job added inside a transaction exists only if that transaction
// commits, job keys deduplicate, and a running worker picks a new job up without waiting for a poll.
import type { Task } from 'graphile-worker';
import { afterAll, describe, expect, it } from 'vitest';

import { sqlOfClient, sqlTransaction } from '../../lib/database/sql';
import { disconnectDb, getPool } from '../../lib/db';
import { enqueueJob } from '../../lib/jobs/enqueue-job';
import { runPendingJobs } from '../../lib/jobs/run-pending-jobs';
import { startJobRunner } from '../../lib/jobs/start-job-runner';
import { getLogger } from '../../lib/logger';

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'test-record': { note: string };
    }
  }
}

afterAll(() => disconnectDb());

function recorder() {
  const seen: string[] = [];
  const task: Task = async (payload) => {
    seen.push((payload as { note: string }).note);
  };
  return { seen, tasks: { 'test-record': task } };
}

describe('enqueueJob', () => {
  it('adds the job with the transaction that commits, and not with one that rolls back', async () => {
    const { seen, tasks } = recorder();
    await sqlTransaction((sql) => enqueueJob(sql, 'test-record', { note: 'committed' }));
    await expect(
      sqlTransaction(async (sql) => {
        await enqueueJob(sql, 'test-record', { note: 'rolled back' });
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    await runPendingJobs({ tasks });
    expect(seen).toEqual(['committed']);
  });

  it('keeps one pending job per job key when asked to deduplicate', async () => {
    const { seen, tasks } = recorder();
    const sql = sqlOfClient(getPool());
    const first = await enqueueJob(sql, 'test-record', { note: 'first' }, { jobKey: 'k-1', jobKeyMode: 'unsafe_dedupe' });
    const second = await enqueueJob(sql, 'test-record', { note: 'second' }, { jobKey: 'k-1', jobKeyMode: 'unsafe_dedupe' });
    expect(second).toBe(first);
    await runPendingJobs({ tasks });
    expect(seen).toEqual(['first']);
  });

  it('does not run a job before its run time', async () => {
    const { seen, tasks } = recorder();
    const sql = sqlOfClient(getPool());
    await enqueueJob(sql, 'test-record', { note: 'later' }, { runAt: new Date(Date.now() + 3_600_000) });
    await runPendingJobs({ tasks });
    expect(seen).toEqual([]);
  });

  it('is picked up by a running worker as soon as it commits', async () => {
    let resolve!: (note: string) => void;
    const ran = new Promise<string>((r) => (resolve = r));
    const runner = await startJobRunner({
      logger: getLogger(),
      concurrency: 1,
      crontab: [],
      tasks: { 'test-record': async (payload) => resolve((payload as { note: string }).note) },
    });
    try {
      await sqlTransaction((sql) => enqueueJob(sql, 'test-record', { note: 'live' }));
      const note = await Promise.race([ran, new Promise((_, reject) => setTimeout(() => reject(new Error('not picked up in 15 s')), 15_000))]);
      expect(note).toBe('live');
    } finally {
      await runner!.stop();
    }
  });
});
