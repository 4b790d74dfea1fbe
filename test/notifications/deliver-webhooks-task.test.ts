// An endpoint's deliveries in batches: each declaration's events in order across batches, retries and
// two runs at once, and across a run's pipeline (the next batch claimed while one is being sent); a delivery created while a run is sending is sent without any rescue; a process killed mid-delivery: another process delivers after the restart, and no attempt id is sent
// twice (the attempt's row is committed before its request goes out; the interrupted one is recorded as
// such and the next attempt carries the same webhook-id, so the receiver can deduplicate).
import { spawn } from 'node:child_process';

import { afterAll, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { disconnectDb, getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { runPendingJobs } from '../../lib/jobs/run-pending-jobs';
import { createWebhookEndpoint } from '../../lib/notifications/create-webhook-endpoint';
import { deliverWebhooks } from '../../lib/notifications/deliver-webhooks-task';
import { fanOutEvents } from '../../lib/notifications/fan-out-events-task';
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

describe('an endpoint with two declarations in flight', () => {
  it('sends each declaration in order across a retry and two runs at once, and holds a chain behind its retry', async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = 'true';
    process.env.WEBHOOK_ALLOW_HTTP = 'true';
    process.env.WEBHOOK_TIMEOUT_MS = '5000';
    resetEnvCache();
    const pool = getPool();
    await pool.query(`UPDATE webhook_endpoint SET disabled_at = now() WHERE disabled_at IS NULL`);
    const receiver = await startReceiver({ status: 200 });
    try {
      const { secret, endpoint } = await createWebhookEndpoint({ actor: await loadUserActor({ email: TRADER }), input: { url: receiver.url, eventTypes: ['declaration.amended'] } });
      const first = await submittedImport(TRADER);
      const second = await submittedImport(TRADER);
      await runPendingJobs();
      const amend = async (declarationId: string, n: number) => {
        await sqlTransaction((sql) => recordBusinessEvent(sql, { type: 'declaration.amended', declarationId, payload: { declarationId, n } }));
        await fanOutEvents();
      };
      for (let n = 1; n <= 5; n += 1) {
        await amend(first, n);
        await amend(second, n);
      }
      // The first request of the first declaration's chain fails: its four successors wait behind the retry.
      receiver.script.push({ status: 500 });
      await Promise.all([deliverWebhooks(endpoint.id), deliverWebhooks(endpoint.id)]);
      const sent = (id: string) => receiver.verified(secret).filter((r) => r.json.data.declarationId === id).map((r) => r.json.data.n);
      expect(sent(second)).toEqual([1, 2, 3, 4, 5]);
      expect(sent(first)).toEqual([1]);

      // A new event of the held declaration is not sent before the retry either.
      await amend(first, 6);
      await runPendingJobs();
      expect(sent(first)).toEqual([1]);
      const { rows: waiting } = await pool.query(
        `SELECT (payload->>'n')::int AS n, d.state, d.attempt_count FROM webhook_delivery d JOIN business_event e ON e.id = d.event_id WHERE e.declaration_id = $1::uuid ORDER BY e.id`,
        [first],
      );
      expect(waiting).toEqual([1, 2, 3, 4, 5, 6].map((n) => ({ n, state: 'PENDING', attempt_count: n === 1 ? 1 : 0 })));

      // The retry falls due (the clock moved on): the whole chain follows, in order.
      await pool.query(`UPDATE webhook_delivery SET next_attempt_at = now() WHERE state = 'PENDING'`);
      await pool.query(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE locked_at IS NULL`);
      await runPendingJobs();
      expect(sent(first)).toEqual([1, 1, 2, 3, 4, 5, 6]);
      expect(sent(second)).toEqual([1, 2, 3, 4, 5]);
      const { rows: states } = await pool.query(`SELECT state, count(*)::int AS n FROM webhook_delivery WHERE endpoint_id = $1::uuid GROUP BY state`, [endpoint.id]);
      expect(states).toEqual([{ state: 'DELIVERED', n: 11 }]);
      const { rows: open } = await pool.query(`SELECT count(*)::int AS n FROM webhook_attempt WHERE finished_at IS NULL`);
      expect(open[0].n).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it('sends a delivery created while the endpoint’s run is sending (no lost wake-up)', async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = 'true';
    process.env.WEBHOOK_ALLOW_HTTP = 'true';
    process.env.WEBHOOK_TIMEOUT_MS = '5000';
    resetEnvCache();
    const pool = getPool();
    await pool.query(`UPDATE webhook_endpoint SET disabled_at = now() WHERE disabled_at IS NULL`);
    const receiver = await startReceiver({ status: 200 });
    try {
      const { secret } = await createWebhookEndpoint({ actor: await loadUserActor({ email: TRADER }), input: { url: receiver.url, eventTypes: ['declaration.submitted'] } });
      // The first answer is slow: the run is still sending when the second declaration's event is fanned out.
      receiver.script.push({ status: 200, delayMs: 1_500 });
      await submittedImport(TRADER);
      const running = runPendingJobs();
      await expect.poll(() => receiver.received.length, { timeout: 20_000, interval: 20 }).toBe(1);
      await submittedImport(TRADER);
      await running;
      await runPendingJobs();
      expect(receiver.verified(secret)).toHaveLength(2);
      const { rows } = await pool.query(`SELECT state FROM webhook_delivery d JOIN webhook_endpoint w ON w.id = d.endpoint_id WHERE w.disabled_at IS NULL`);
      expect(rows.map((r) => r.state)).toEqual(['DELIVERED', 'DELIVERED']);
    } finally {
      await receiver.close();
    }
  });

  it('claims the next batch while one is being sent, and holds a declaration behind its failure across the pipeline', async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = 'true';
    process.env.WEBHOOK_ALLOW_HTTP = 'true';
    process.env.WEBHOOK_TIMEOUT_MS = '5000';
    resetEnvCache();
    const pool = getPool();
    await pool.query(`UPDATE webhook_endpoint SET disabled_at = now() WHERE disabled_at IS NULL`);
    const receiver = await startReceiver({ status: 200 });
    try {
      const { secret, endpoint } = await createWebhookEndpoint({ actor: await loadUserActor({ email: TRADER }), input: { url: receiver.url, eventTypes: ['declaration.amended'] } });
      const [a, b, c] = [await submittedImport(TRADER), await submittedImport(TRADER), await submittedImport(TRADER)];
      await runPendingJobs();
      for (let n = 1; n <= 6; n += 1) {
        for (const id of [a, b, c]) await sqlTransaction((sql) => recordBusinessEvent(sql, { type: 'declaration.amended', declarationId: id, payload: { declarationId: id, n } }));
      }
      await fanOutEvents();
      // The first batch (a1, b1, c1) is answered slowly; b3 fails once, while the batch with b4 is claimed already.
      let failed = false;
      receiver.answer = ({ json: { data } }) => {
        if (data.declarationId === a && data.n === 1) return { status: 200, delayMs: 2_000 };
        if (data.declarationId === b && data.n === 3 && !failed) return (failed = true), { status: 500 };
        return undefined;
      };
      const attempts = async () => (await pool.query(`SELECT count(*)::int AS n FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id WHERE d.endpoint_id = $1::uuid`, [endpoint.id])).rows[0].n;
      const run = (async () => {
        // Batches of three (one event of each declaration); a run that spent its budget is followed by the next, until nothing is sent.
        while ((await deliverWebhooks(endpoint.id, { batchSize: 3 })) > 0);
      })();
      await expect.poll(() => receiver.received.length, { timeout: 20_000, interval: 20 }).toBeGreaterThanOrEqual(3);
      // While a1 is still unanswered, the next batch (a2, b2, c2, behind their predecessors in flight) is claimed already.
      await expect.poll(attempts, { timeout: 1_500, interval: 20 }).toBe(6);
      await run;

      const sent = (id: string) => receiver.verified(secret).filter((r) => r.json.data.declarationId === id).map((r) => r.json.data.n);
      expect(sent(a)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(sent(c)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(sent(b)).toEqual([1, 2, 3]);
      const { rows: held } = await pool.query(
        `SELECT (e.payload->>'n')::int AS n, d.state, d.attempt_count AS count, (SELECT count(*)::int FROM webhook_attempt t WHERE t.delivery_id = d.id) AS attempts
           FROM webhook_delivery d JOIN business_event e ON e.id = d.event_id WHERE d.endpoint_id = $1::uuid AND e.declaration_id = $2::uuid ORDER BY e.id`,
        [endpoint.id, b],
      );
      // b4 was claimed behind b3 while b3 was in flight, and put back untouched; b5 and b6 waited.
      expect(held).toEqual([
        { n: 1, state: 'DELIVERED', count: 1, attempts: 1 },
        { n: 2, state: 'DELIVERED', count: 1, attempts: 1 },
        { n: 3, state: 'PENDING', count: 1, attempts: 1 },
        ...[4, 5, 6].map((n) => ({ n, state: 'PENDING', count: 0, attempts: 0 })),
      ]);
      const { rows: open } = await pool.query(`SELECT count(*)::int AS n FROM webhook_attempt WHERE finished_at IS NULL`);
      expect(open[0].n).toBe(0);

      // The retry falls due: the rest of the chain follows in order, each delivery once.
      await pool.query(`UPDATE webhook_delivery SET next_attempt_at = now() WHERE state = 'PENDING'`);
      while ((await deliverWebhooks(endpoint.id, { batchSize: 3 })) > 0);
      expect(sent(b)).toEqual([1, 2, 3, 3, 4, 5, 6]);
      const ids = receiver.received.map((r) => r.headers['webhook-id']);
      expect(new Set(ids).size).toBe(18);
    } finally {
      await receiver.close();
    }
  });
});
