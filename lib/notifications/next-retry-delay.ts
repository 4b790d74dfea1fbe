// The Standard Webhooks retry schedule: attempt 1 at once, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
// 14 h, 20 h and 24 h; after the tenth failed attempt the delivery is dead-lettered. Each delay gets ±10 %
// jitter, so receivers recovering from an outage are not hit by every sender at the same second. A 429
// or 503 with Retry-After waits at least that long (capped at a day).
export const RETRY_SCHEDULE_SECONDS = [0, 5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400] as const;

/** Milliseconds until the attempt after `failedAttempt` (1-based), or null when the delivery is dead. */
export function nextRetryDelay(failedAttempt: number, retryAfterSeconds: number | null = null, random: () => number = Math.random): number | null {
  const base = RETRY_SCHEDULE_SECONDS[failedAttempt];
  if (base === undefined) return null;
  const jittered = base * 1000 * (0.9 + 0.2 * random());
  const asked = retryAfterSeconds === null ? 0 : Math.min(retryAfterSeconds, 86_400) * 1000;
  return Math.round(Math.max(jittered, asked));
}
