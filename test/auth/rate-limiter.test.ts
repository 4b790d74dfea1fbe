import { describe, expect, it } from 'vitest';

import { createInProcessRateLimiter } from '../../lib/auth/rate-limiter';

describe('the in-process sliding-window rate limiter', () => {
  it('allows the limit, refuses the next with a retry time, and forgets after the window', () => {
    const limiter = createInProcessRateLimiter();
    const t0 = 1_000_000_000_000 - (1_000_000_000_000 % 60_000);
    for (let i = 0; i < 5; i++) expect(limiter.hit('k', 5, 60_000, t0 + i).allowed).toBe(true);
    const refused = limiter.hit('k', 5, 60_000, t0 + 10);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Other keys are independent.
    expect(limiter.hit('other', 5, 60_000, t0 + 10).allowed).toBe(true);
    // Half-way through the next window, half of the previous window still counts (2.5 of 5): 3 more fit.
    expect(limiter.hit('k', 5, 60_000, t0 + 90_000).allowed).toBe(true);
    expect(limiter.hit('k', 5, 60_000, t0 + 90_001).allowed).toBe(true);
    expect(limiter.hit('k', 5, 60_000, t0 + 90_002).allowed).toBe(true);
    expect(limiter.hit('k', 5, 60_000, t0 + 90_003).allowed).toBe(false);
    // Two windows later everything is forgotten.
    expect(limiter.hit('k', 5, 60_000, t0 + 180_000).remaining).toBe(4);
    limiter.reset('k');
    expect(limiter.hit('k', 1, 60_000, t0 + 180_001).allowed).toBe(true);
  });
});
