// The advisory-lock leader of sub-minute background work (the ledger checkpointer): of several
// processes exactly one runs the work; when the leader's database session dies (as with kill -9 of
// its process) another takes over; a leader that stops hands over at once.
import { afterAll, describe, expect, it } from 'vitest';

import { disconnectDb, getPool } from '../../lib/db';
import { startLeaderLoop, type LeaderLoop } from '../../lib/jobs/start-leader-loop';
import { getLogger } from '../../lib/logger';

afterAll(() => disconnectDb());

function candidate(name: string, running: Set<string>, id: string): LeaderLoop {
  return startLeaderLoop({
    name,
    logger: getLogger(),
    retryMs: 50,
    start: () => {
      running.add(id);
      return {
        stop: async () => {
          running.delete(id);
        },
      };
    },
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startLeaderLoop', () => {
  it('runs the work in exactly one of three processes, and another takes over when the leader session dies', async () => {
    const running = new Set<string>();
    const loops = ['a', 'b', 'c'].map((id) => [id, candidate('test-leader', running, id)] as const);
    try {
      await expect.poll(() => running.size, { timeout: 5_000 }).toBe(1);
      await sleep(300); // several retry rounds: still one
      expect(running.size).toBe(1);
      const [first] = [...running];
      expect(loops.filter(([, loop]) => loop.isLeader()).map(([id]) => id)).toEqual([first]);

      // The leader's session is killed from outside, as when its process dies: PostgreSQL drops the lock.
      const { rowCount } = await getPool().query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'clearway leader test-leader' AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)`);
      expect(rowCount).toBe(1);
      await expect.poll(() => running.size === 1 && !running.has(first!), { timeout: 5_000 }).toBe(true);
      await sleep(300);
      expect(running.size).toBe(1);

      // A leader that stops releases the lock; the last candidate takes over.
      const [second] = [...running];
      await loops.find(([id]) => id === second)![1].stop();
      await expect.poll(() => running.size, { timeout: 5_000 }).toBe(1);
      expect(running.has(second!)).toBe(false);
    } finally {
      await Promise.all(loops.map(([, loop]) => loop.stop()));
    }
    expect(running.size).toBe(0);
  });

  it('different names lead independently', async () => {
    const running = new Set<string>();
    const x = candidate('leader-x', running, 'x');
    const y = candidate('leader-y', running, 'y');
    try {
      await expect.poll(() => running.size, { timeout: 5_000 }).toBe(2);
    } finally {
      await Promise.all([x.stop(), y.stop()]);
    }
  });
});
