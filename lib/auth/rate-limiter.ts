// Rate limits behind a small interface (a sliding window over two fixed windows, as Cloudflare and nginx
// approximate it). The default store is PostgreSQL (postgres-rate-limiter.ts), shared by every process
// on the database, so two processes behind a load balancer give a client its limit once, not twice, and
// a restart forgets nothing; RATE_LIMIT_STORE=memory counts in this process only (one process, no
// database round trip per request).
import { getEnv } from '../env';
import { createPostgresRateLimiter } from './postgres-rate-limiter';

export interface RateDecision {
  allowed: boolean;
  /** Seconds until a request would be allowed again (0 when allowed). */
  retryAfterSeconds: number;
  remaining: number;
}

export interface RateLimiter {
  /**
   * Counts one hit for `key` and says whether it is within `limit` per `windowMs`. `now` is the
   * in-process store's clock (tests); the PostgreSQL store always uses the database's clock.
   */
  hit(key: string, limit: number, windowMs: number, now?: number): Promise<RateDecision>;
  /** Forgets a key (e.g. after a successful sign-in). */
  reset(key: string): Promise<void>;
}

export function createInProcessRateLimiter(maxKeys = 100_000): RateLimiter {
  const windows = new Map<string, { start: number; current: number; previous: number }>();
  return {
    async hit(key, limit, windowMs, now = Date.now()) {
      const start = now - (now % windowMs);
      let w = windows.get(key);
      if (!w || start - w.start >= 2 * windowMs) w = { start, current: 0, previous: 0 };
      else if (start !== w.start) w = { start, current: 0, previous: w.current };
      // The previous window counts in proportion to how much of it still overlaps the sliding window.
      const weight = 1 - (now - start) / windowMs;
      const estimate = w.previous * weight + w.current;
      if (estimate >= limit) {
        windows.set(key, w);
        const retry = w.current >= limit ? start + windowMs - now : Math.ceil(((estimate - limit + 1) / Math.max(w.previous, 1)) * windowMs);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retry / 1000)), remaining: 0 };
      }
      w.current += 1;
      if (windows.size >= maxKeys && !windows.has(key)) windows.clear();
      windows.set(key, w);
      return { allowed: true, retryAfterSeconds: 0, remaining: Math.max(0, Math.floor(limit - estimate - 1)) };
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}

const KEY = Symbol.for('clearway.rateLimiter');

/** The process's limiter (shared by the API server and the Next.js server in the same process). */
export function getRateLimiter(): RateLimiter {
  const holder = globalThis as { [KEY]?: RateLimiter };
  return (holder[KEY] ??= getEnv().RATE_LIMIT_STORE === 'memory' ? createInProcessRateLimiter() : createPostgresRateLimiter());
}
