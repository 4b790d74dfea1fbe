// The rate limiter's two stores give the same answers (sliding window over two fixed windows); the
// PostgreSQL store, shared by every process, holds the limit under concurrent hits, counts by the
// database's clock whatever the processes' clocks say, and its expired counters are pruned by the job queue.
import { afterAll, describe, expect, it, vi } from 'vitest';

import { pruneRateLimitCountersTask } from '../../lib/auth/prune-rate-limit-counters-task';
import { createPostgresRateLimiter } from '../../lib/auth/postgres-rate-limiter';
import { createInProcessRateLimiter, type RateLimiter } from '../../lib/auth/rate-limiter';
import { disconnectDb, getPool } from '../../lib/db';
import { runPendingJobs } from '../../lib/jobs/run-pending-jobs';

afterAll(() => disconnectDb());

const T0 = 1_000_000_000_000 - (1_000_000_000_000 % 60_000);

/** Both stores with a clock the test sets: the in-process one by argument, PostgreSQL's by option. */
function stores(): { name: string; limiter: RateLimiter; at: (t: number) => void; hit: (key: string, limit: number, window: number) => ReturnType<RateLimiter['hit']> }[] {
  let memoryNow = T0;
  let pgNow = T0;
  const memory = createInProcessRateLimiter();
  const postgres = createPostgresRateLimiter({ now: () => pgNow });
  return [
    { name: 'in-process', limiter: memory, at: (t) => (memoryNow = t), hit: (k, l, w) => memory.hit(k, l, w, memoryNow) },
    { name: 'PostgreSQL', limiter: postgres, at: (t) => (pgNow = t), hit: (k, l, w) => postgres.hit(k, l, w) },
  ];
}

describe.each(stores())('the $name sliding-window rate limiter', ({ name, limiter, at, hit }) => {
  it('allows the limit, refuses the next with a retry time, and forgets after the window', async () => {
    const k = `k-${name}`;
    for (let i = 0; i < 5; i++) {
      at(T0 + i);
      expect((await hit(k, 5, 60_000)).allowed).toBe(true);
    }
    at(T0 + 10);
    const refused = await hit(k, 5, 60_000);
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    expect(refused.retryAfterSeconds).toBe(60);
    // Other keys are independent.
    expect(await hit(`other-${name}`, 5, 60_000)).toMatchObject({ allowed: true, remaining: 4 });
    // Half-way through the next window, half of the previous window still counts (2.5 of 5): 3 more fit.
    at(T0 + 90_000);
    expect(await hit(k, 5, 60_000)).toMatchObject({ allowed: true, remaining: 1 });
    at(T0 + 90_001);
    expect((await hit(k, 5, 60_000)).allowed).toBe(true);
    at(T0 + 90_002);
    expect((await hit(k, 5, 60_000)).allowed).toBe(true);
    at(T0 + 90_003);
    const sliding = await hit(k, 5, 60_000);
    expect(sliding.allowed).toBe(false);
    // About 5.5 of 5 now: one more fits once the previous window's 5 weigh 1.5 less (0.3 of a window, 18 s).
    expect(sliding.retryAfterSeconds).toBe(18);
    // Two windows later everything is forgotten.
    at(T0 + 180_000);
    expect((await hit(k, 5, 60_000)).remaining).toBe(4);
    await limiter.reset(k);
    at(T0 + 180_001);
    expect(await hit(k, 1, 60_000)).toMatchObject({ allowed: true, remaining: 0 });
    expect((await hit(k, 1, 60_000)).allowed).toBe(false);
  });
});

describe('the PostgreSQL rate limiter shared by every process', () => {
  it('admits exactly the limit under concurrent hits from several limiters (processes)', async () => {
    const limiters = [createPostgresRateLimiter(), createPostgresRateLimiter(), createPostgresRateLimiter()];
    const decisions = await Promise.all(Array.from({ length: 60 }, (_, i) => limiters[i % 3]!.hit('concurrent', 25, 60_000)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(25);
    // Each admitted hit saw a different count: the remaining figures are 24 … 0 (give or take the window's slide).
    const remaining = new Set(decisions.filter((d) => d.allowed).map((d) => d.remaining));
    expect(remaining.size).toBeGreaterThanOrEqual(24);
    for (const d of decisions.filter((x) => !x.allowed)) expect(d.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('counts by the database clock: two processes whose clocks are a minute apart agree on one window', async () => {
    // Each "process" runs with its own clock: Date.now() is 30 s fast in one and 30 s slow in the other,
    // so a limiter that windowed by the local clock would put their hits into adjacent windows and admit
    // up to twice the limit (checked: with Date.now() in place of the database's clock this test fails).
    const fast = createPostgresRateLimiter();
    const slow = createPostgresRateLimiter();
    const real = Date.now.bind(Date);
    const withClock = async <T>(offsetMs: number, run: () => Promise<T>): Promise<T> => {
      const spy = vi.spyOn(Date, 'now').mockImplementation(() => real() + offsetMs);
      try {
        return await run();
      } finally {
        spy.mockRestore();
      }
    };
    const allowed: number[] = [];
    for (let i = 0; i < 20; i++) {
      const decision = await withClock(i % 2 ? 30_000 : -30_000, () => (i % 2 ? fast : slow).hit('skewed', 10, 60_000));
      if (decision.allowed) allowed.push(decision.remaining);
    }
    // 10 admitted in all, their remaining counts one sequence (a window boundary between the hits may free one share).
    expect(allowed.length).toBeGreaterThanOrEqual(10);
    expect(allowed.length).toBeLessThanOrEqual(11);
    expect(allowed.slice(0, 10)).toEqual(allowed.length === 10 ? [9, 8, 7, 6, 5, 4, 3, 2, 1, 0] : expect.any(Array));
    const { rows } = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM rate_limit_counter WHERE key = 'skewed'`);
    expect(rows[0]!.n).toBeLessThanOrEqual(2);
  });

  it('reset forgets the key for every process', async () => {
    const a = createPostgresRateLimiter();
    const b = createPostgresRateLimiter();
    expect((await a.hit('forget', 1, 60_000)).allowed).toBe(true);
    expect((await b.hit('forget', 1, 60_000)).allowed).toBe(false);
    await b.reset('forget');
    expect((await a.hit('forget', 1, 60_000)).allowed).toBe(true);
  });

  it('prunes expired counters on the job queue (cron task prune-rate-limit-counters), keeping live ones', async () => {
    const old = createPostgresRateLimiter({ now: () => Date.now() - 3 * 60_000 });
    await old.hit('expired', 5, 60_000);
    await createPostgresRateLimiter().hit('live', 5, 60_000);
    await getPool().query(`SELECT graphile_worker.add_job('prune-rate-limit-counters', '{}'::json)`);
    await runPendingJobs({ tasks: { 'prune-rate-limit-counters': pruneRateLimitCountersTask } });
    const { rows } = await getPool().query<{ key: string }>(`SELECT key FROM rate_limit_counter WHERE key IN ('expired', 'live')`);
    expect(rows.map((r) => r.key)).toEqual(['live']);
  });
});
