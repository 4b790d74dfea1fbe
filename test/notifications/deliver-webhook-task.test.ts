// Order without lost wake-ups: a delivery whose job is fetched while its predecessor ends is still sent.
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
import { deliverWebhookTask } from '../../lib/notifications/deliver-webhook-task';
import { fanOutEventTask } from '../../lib/notifications/fan-out-event-task';
import { recordBusinessEvent } from '../../lib/notifications/record-business-event';
import { rescueWebhookDeliveries } from '../../lib/notifications/rescue-webhook-deliveries-task';
import { sqlTransaction } from '../../lib/database/sql';
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

describe('a delivery whose job a worker fetches just as its predecessor ends', () => {
  // The race behind the notifications bench's stall: the predecessor pulls its successor's job forward
  // (add_job with the same key) while a worker is locking that very job, so graphile-worker keeps the
  // fetched job and adds none; the fetched job must then still see the predecessor as ended.
  it('is still sent (no lost wake-up)', async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = 'true';
    process.env.WEBHOOK_ALLOW_HTTP = 'true';
    resetEnvCache();
    const pool = getPool();
    await pool.query(`UPDATE webhook_endpoint SET disabled_at = now() WHERE disabled_at IS NULL`);
    const receiver = await startReceiver({ status: 200 });
    // Holds the commit of "delivery 1 delivered" (after it looked for its successor) until the test lets go.
    await pool.query(`CREATE FUNCTION test_hold_delivered() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_xact_lock(4242); RETURN NULL; END $$`);
    await pool.query(`CREATE CONSTRAINT TRIGGER test_hold_delivered AFTER UPDATE ON webhook_delivery DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.state = 'DELIVERED') EXECUTE FUNCTION test_hold_delivered()`);
    const holder = await pool.connect();
    const worker = await pool.connect();
    const waiting = async (kind: string) =>
      (await pool.query(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND ($1 = 'advisory' AND locktype = 'advisory' AND objid = 4242 OR $1 = 'row' AND locktype IN ('transactionid', 'tuple'))`, [kind])).rows[0].n;
    try {
      const { secret } = await createWebhookEndpoint({ actor: await loadUserActor({ email: TRADER }), input: { url: receiver.url, eventTypes: ['declaration.amended'] } });
      const declarationId = await submittedImport(TRADER);
      await runPendingJobs();
      const amend = async (n: number) => {
        const [eventId] = await sqlTransaction((sql) => recordBusinessEvent(sql, { type: 'declaration.amended', declarationId, payload: { declarationId, n } }));
        await fanOutEventTask({ eventId: eventId! }, {} as never);
        return (await pool.query(`SELECT id FROM webhook_delivery WHERE event_id = $1::bigint`, [eventId])).rows[0].id as string;
      };
      await amend(1);
      const second = await amend(2);

      // A worker (this connection) is locking delivery 2's job, not yet committed.
      await worker.query('BEGIN');
      await worker.query(`UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'test-worker', attempts = attempts + 1 WHERE key = $1`, [`deliver-webhook:${second}`]);
      await holder.query(`SELECT pg_advisory_lock(4242)`);
      // Delivery 1 is sent; pulling its successor forward waits for that lock.
      const first = runPendingJobs();
      await expect.poll(() => waiting('row'), { timeout: 20_000, interval: 50 }).toBeGreaterThan(0);
      await worker.query('COMMIT');
      // Its commit waits (the trigger) while the worker runs the job it fetched.
      await expect.poll(() => waiting('advisory'), { timeout: 10_000, interval: 50 }).toBe(1);
      const fetched = deliverWebhookTask({ deliveryId: second }, {} as never);
      await Promise.race([fetched, new Promise((r) => setTimeout(r, 1_500))]);
      await holder.query(`SELECT pg_advisory_unlock(4242)`);
      await Promise.all([first, fetched]);
      await pool.query(`DELETE FROM graphile_worker._private_jobs WHERE locked_by = 'test-worker'`);
      await runPendingJobs();

      expect(receiver.verified(secret).map((r) => r.json.data.n)).toEqual([1, 2]);
      const { rows } = await pool.query(`SELECT state FROM webhook_delivery d JOIN business_event e ON e.id = d.event_id WHERE e.declaration_id = $1::uuid ORDER BY e.id`, [declarationId]);
      expect(rows.map((r) => r.state)).toEqual(['DELIVERED', 'DELIVERED']);
    } finally {
      await worker.query('ROLLBACK').catch(() => undefined);
      worker.release();
      await holder.query(`SELECT pg_advisory_unlock_all()`).catch(() => undefined);
      holder.release();
      await pool.query(`DROP TRIGGER IF EXISTS test_hold_delivered ON webhook_delivery`);
      await receiver.close();
    }
  });
});
