// The rate limiter every Clearway process shares: counters in PostgreSQL (the UNLOGGED table
// rate_limit_counter), the same sliding window over two fixed windows as the in-process limiter, by the
// database's clock, so two processes whose clocks disagree still count into the same windows.
//
// One statement per hit: it reads the previous window's count, then inserts or increments the current
// window's counter only while the estimate is under the limit (INSERT ... ON CONFLICT DO UPDATE ...
// WHERE). The conflicting row is locked and re-read by ON CONFLICT, so concurrent hits from any number
// of processes never admit more than the limit. A refused hit writes nothing.
import type { Sql } from '../database/sql';
import { preparedSqlOfClient } from '../database/sql';
import { getPool } from '../db';
import type { RateDecision, RateLimiter } from './rate-limiter';

// $1 key, $2 limit, $3 window (ms), $4 "now" in ms (tests only; NULL: the database's clock).
const HIT = `
WITH est AS (
  SELECT w.now_ms, w.start, coalesce(p.hits, 0) AS previous, 1 - (w.now_ms - w.start)::float8 / $3 AS weight
    FROM (SELECT c.now_ms, c.now_ms - c.now_ms % $3::bigint AS start
            FROM (SELECT coalesce($4::bigint, (extract(epoch FROM clock_timestamp()) * 1000)::bigint) AS now_ms) c) w
    LEFT JOIN rate_limit_counter p ON p.key = $1 AND p.window_start = w.start - $3::bigint
), counted AS (
  INSERT INTO rate_limit_counter AS r (key, window_start, hits, expires_at)
  SELECT $1, start, 1, start + 2 * $3::bigint FROM est WHERE previous * weight < $2
  ON CONFLICT (key, window_start) DO UPDATE SET hits = r.hits + 1
   WHERE (SELECT previous * weight FROM est) + r.hits < $2
  RETURNING r.hits
)
SELECT est.now_ms::float8 AS now_ms, est.start::float8 AS start, est.previous, est.weight,
       (SELECT hits FROM counted) AS counted,
       coalesce((SELECT hits FROM rate_limit_counter WHERE key = $1 AND window_start = est.start), 0) AS current
  FROM est`;

interface HitRow {
  now_ms: number;
  start: number;
  previous: number;
  weight: number;
  counted: number | null;
  current: number;
}

export function createPostgresRateLimiter(options: { sql?: Sql; now?: () => number } = {}): RateLimiter {
  // The pool is looked up per call: tests and scripts switch DATABASE_URL.
  // Prepared: one statement per API request, whose planning cost more than running it (bench/gates.ts).
  const sql = () => options.sql ?? preparedSqlOfClient(getPool());
  return {
    // `now` is the in-process limiter's clock; here only options.now (tests) overrides the database's.
    async hit(key, limit, windowMs): Promise<RateDecision> {
      const [row] = await sql()<HitRow>(HIT, [key, limit, windowMs, options.now ? Math.floor(options.now()) : null]);
      const { now_ms: now, start, previous, weight, counted, current } = row!;
      if (counted !== null) return { allowed: true, retryAfterSeconds: 0, remaining: Math.max(0, Math.floor(limit - previous * weight - counted)) };
      // Refused: when a request fits again, as the in-process limiter computes it.
      const estimate = previous * weight + current;
      const retry = current >= limit ? start + windowMs - now : Math.ceil(((estimate - limit + 1) / Math.max(previous, 1)) * windowMs);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retry / 1000)), remaining: 0 };
    },
    async reset(key) {
      await sql()(`DELETE FROM rate_limit_counter WHERE key = $1`, [key]);
    },
  };
}
