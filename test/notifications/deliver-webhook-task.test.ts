// A process killed mid-delivery: another process delivers after the restart, and no attempt id is sent
// twice (the attempt's row is committed before its request goes out; the interrupted one is recorded as
// such and the next attempt carries the same webhook-id, so the receiver can deduplicate).
import { spawn } from 'node:child_process';

import { afterAll, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { disconnectDb, getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { runPendingJobs } from '../../lib/jobs/run-pending-jobs';
import { createWebhookEndpoint } from '../../lib/notifications/create-webhook-endpoint';
import { rescueWebhookDeliveries } from '../../lib/notifications/rescue-webhook-deliveries-task';
import { submittedImport } from '../support/declarations';
import { startReceiver } from '../support/webhook-receiver';

const TRADER = 'trader@rotterdam-importers.example';

afterAll(() => disconnectDb());

describe('a process killed mid-delivery', () => {
  it('is delivered after the restart, at most once per attempt id', async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = 'true';
    process.env.WEBHOOK_ALLOW_HTTP = 'true';
    process.env.WEBHOOK_TIMEOUT_MS = '1000';
    resetEnvCache();
    const receiver = await startReceiver({ status: 200 });
    receiver.script.push('hang');
    try {
      const { secret } = await createWebhookEndpoint({ actor: await loadUserActor({ email: TRADER }), input: { url: receiver.url, eventTypes: ['declaration.submitted'] } });
      await submittedImport(TRADER);

      // Another process picks the jobs up and dies while the receiver holds the request open.
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/run-jobs-child.ts'], { env: { ...process.env }, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await expect.poll(() => receiver.received.length, { timeout: 30_000, interval: 50 }).toBe(1);
      child.kill('SIGKILL');
      await exited;
      const { rows: left } = await getPool().query(`SELECT number, finished_at FROM webhook_attempt`);
      expect(left).toEqual([{ number: 1, finished_at: null }]);

      // The restarted side: once the lost attempt cannot still be answered (timeout + 5 s), the rescue
      // gives the delivery a new job (the dead worker's lock is not waited for).
      await new Promise((r) => setTimeout(r, 6_500));
      expect(await rescueWebhookDeliveries({ graceMs: 0 })).toBe(1);
      await runPendingJobs();

      expect(receiver.received).toHaveLength(2);
      expect(receiver.verified(secret)).toHaveLength(2);
      expect(receiver.received[1]!.headers['webhook-id']).toBe(receiver.received[0]!.headers['webhook-id']);
      const { rows: attempts } = await getPool().query(`SELECT id, number, status_code, error FROM webhook_attempt ORDER BY number`);
      expect(attempts.map((a) => [a.number, a.status_code])).toEqual([[1, null], [2, 200]]);
      expect(attempts[0].error).toMatch(/Interrupted/);
      const { rows: [delivery] } = await getPool().query(`SELECT state, attempt_count FROM webhook_delivery`);
      expect(delivery).toMatchObject({ state: 'DELIVERED', attempt_count: 2 });

      // Nothing is sent again: not by another rescue, nor by the dead worker's job when its lock expires.
      await rescueWebhookDeliveries({ graceMs: 0 });
      await getPool().query(`UPDATE graphile_worker._private_jobs SET locked_at = NULL, locked_by = NULL, run_at = now()`);
      await runPendingJobs();
      expect(receiver.received).toHaveLength(2);
    } finally {
      await receiver.close();
    }
  });
});
