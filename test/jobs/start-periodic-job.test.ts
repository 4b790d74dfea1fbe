import { describe, expect, it } from 'vitest';

import { startPeriodicJob } from '../../lib/jobs/start-periodic-job';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits (up to 5 s, the machine may be busy) until `done` holds. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await sleep(10);
}

describe('startPeriodicJob', () => {
  it('runs at start and then per interval, never two passes at once, and stop() waits for the running pass', async () => {
    let active = 0;
    let maxActive = 0;
    let passes = 0;
    let finished = 0;
    const job = startPeriodicJob({
      intervalMs: 5,
      run: async () => {
        active++;
        passes++;
        maxActive = Math.max(maxActive, active);
        await sleep(30); // longer than the interval: ticks during a pass are skipped
        active--;
        finished++;
      },
      onError: () => {},
    });
    await until(() => passes >= 3);
    await job.stop();
    expect(passes).toBeGreaterThanOrEqual(2);
    expect(maxActive).toBe(1);
    expect(finished).toBe(passes);
    await sleep(30);
    expect(passes).toBe(finished); // nothing starts after stop()
  });

  it('hands a failing pass to onError and keeps going', async () => {
    const errors: unknown[] = [];
    let passes = 0;
    const job = startPeriodicJob({
      intervalMs: 5,
      run: async () => {
        passes++;
        throw new Error(`pass ${passes}`);
      },
      onError: (err) => errors.push(err),
    });
    await until(() => errors.length >= 2);
    await job.stop();
    expect(passes).toBeGreaterThanOrEqual(2);
    expect(errors).toHaveLength(passes);
    expect(errors[0]).toBeInstanceOf(Error);
  });
});
