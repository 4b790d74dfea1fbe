// Webhooks end to end, over GraphQL through the real server and real local HTTP receivers that verify
// signatures with the `standardwebhooks` library: registration and its refusals (the SSRF guard with the
// operator setting off), every step of a declaration in order, retries, 410, redirects, timeouts,
// unreachable receivers, rotation, replay, another company's endpoint, and the policy on who receives what.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { answerQuery } from '../../lib/declarations/answer-query';
import { assessDuties } from '../../lib/declarations/assess-duties';
import { raiseQuery } from '../../lib/declarations/raise-query';
import { disconnectDb, getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { runPendingJobs } from '../../lib/jobs/run-pending-jobs';
import { nextRetryDelay, RETRY_SCHEDULE_SECONDS } from '../../lib/notifications/next-retry-delay';
import { asUser } from '../support/auth';
import { OFFICER_EMAIL, submittedImport } from '../support/declarations';
import { startReceiver, type Receiver } from '../support/webhook-receiver';
import { startTestServer, type TestServer } from '../graphql/http-server';

const TRADER = 'trader@rotterdam-importers.example';
const OTHER_ADMIN = 'trader@kampala-trading.example';

let server: TestServer;
const receivers: Receiver[] = [];

function allowLocal(allow: boolean) {
  process.env.WEBHOOK_ALLOW_PRIVATE = String(allow);
  process.env.WEBHOOK_ALLOW_HTTP = String(allow);
  resetEnvCache();
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const r of receivers) await r.close();
  await server.app.close();
  await disconnectDb();
});
beforeEach(async () => {
  allowLocal(true);
  process.env.WEBHOOK_TIMEOUT_MS = '15000';
  resetEnvCache();
  // Each case starts with no endpoints, so earlier cases' receivers get nothing more.
  await getPool().query('DELETE FROM webhook_endpoint');
});

async function receiver(...args: Parameters<typeof startReceiver>) {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
}

const CREATE = `mutation($input: WebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id url eventTypes enabled } } }`;

async function createEndpoint(url: string, eventTypes: string[] = [], as = TRADER) {
  const res = await server.graphql({ query: CREATE, variables: { input: { url, eventTypes, description: 'test' } } }, await asUser(as));
  return res;
}

async function endpoint(url: string, eventTypes: string[] = []): Promise<{ id: string; secret: string }> {
  const res = await createEndpoint(url, eventTypes);
  expect(res.json.errors).toBeUndefined();
  return { id: res.json.data.createWebhookEndpoint.endpoint.id, secret: res.json.data.createWebhookEndpoint.secret };
}

async function deliveries(endpointId: string) {
  const res = await server.graphql(
    { query: `query($id: ID!) { webhookDeliveries(endpointId: $id, first: 20) { nodes { id state eventType attemptCount attempts { number statusCode error latencyMs responseExcerpt } } } }`, variables: { id: endpointId } },
    await asUser(TRADER),
  );
  expect(res.json.errors).toBeUndefined();
  return res.json.data.webhookDeliveries.nodes as { id: string; state: string; eventType: string; attemptCount: number; attempts: { number: number; statusCode: number | null; error: string | null }[] }[];
}

/** Makes due every retry and every job scheduled for later (the clock moves past the back-off), then drains the queue. */
async function runDueJobs() {
  await getPool().query(`UPDATE webhook_delivery SET next_attempt_at = now() WHERE state = 'PENDING' AND next_attempt_at > now()`);
  await getPool().query(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE locked_at IS NULL AND run_at > now()`);
  await runPendingJobs();
}

describe('registering an endpoint', () => {
  it('refuses a URL that is not https, unless the operator allows http', async () => {
    allowLocal(false);
    const res = await createEndpoint('http://example.com/hooks');
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.json.errors[0].extensions.fieldErrors[0]).toMatchObject({ path: ['url'], message: expect.stringContaining('https://') });
  });

  it('refuses private, loopback and link-local addresses with the operator setting off', async () => {
    allowLocal(false);
    for (const url of ['https://127.0.0.1/hooks', 'https://10.1.2.3/x', 'https://169.254.169.254/latest/meta-data', 'https://[::1]/x', 'https://192.168.1.1/x', 'https://localhost/x', 'https://[::ffff:127.0.0.1]/x']) {
      const res = await createEndpoint(url);
      expect(res.status, url).toBe(400);
      expect(res.json.errors[0].extensions.fieldErrors[0], url).toMatchObject({ path: ['url'], message: expect.stringMatching(/private, loopback or link-local/) });
    }
    const count = await getPool().query('SELECT count(*)::int AS n FROM webhook_endpoint');
    expect(count.rows[0].n).toBe(0);
  });

  it('refuses a host that does not resolve, and unknown event types', async () => {
    const unresolvable = await createEndpoint('https://no-such-host.invalid/hooks');
    expect(unresolvable.json.errors[0].extensions.fieldErrors[0]).toMatchObject({ path: ['url'], message: expect.stringContaining('does not resolve') });
    const badType = await createEndpoint('https://127.0.0.1/hooks', ['declaration.exploded']);
    expect(badType.json.errors[0].extensions.fieldErrors[0].path[0]).toBe('eventTypes');
  });

  it('is for company administrators: a colleague and another company cannot see or change the endpoint', async () => {
    const r = await receiver();
    const { id } = await endpoint(r.url);
    const clerk = await server.graphql({ query: CREATE, variables: { input: { url: r.url } } }, await asUser('clerk@rotterdam-importers.example'));
    expect(clerk.json.errors[0].extensions.code).toBe('FORBIDDEN');
    const other = await asUser(OTHER_ADMIN);
    for (const query of [
      `mutation { deleteWebhookEndpoint(id: "${id}") }`,
      `mutation { rotateWebhookSecret(id: "${id}") { secret } }`,
      `mutation { sendTestWebhook(endpointId: "${id}") }`,
      `query { webhookDeliveries(endpointId: "${id}") { nodes { id } } }`,
    ]) {
      const res = await server.graphql({ query }, other);
      expect(res.json.errors[0].extensions.code, query).toBe('NOT_FOUND');
    }
    const list = await server.graphql({ query: `{ webhookEndpoints { id } }` }, other);
    expect(list.json.data.webhookEndpoints).toEqual([]);
  });
});

describe('delivery', () => {
  it('delivers every step of a declaration in order, signed (Standard Webhooks), with the DMS codes', async () => {
    const r = await receiver();
    const { id: endpointId, secret } = await endpoint(r.url);
    const id = await submittedImport(TRADER);
    const officer = await loadUserActor({ email: OFFICER_EMAIL });
    await runPendingJobs();
    const d = await getPool().query(`SELECT lrn FROM declaration WHERE id = $1`, [id]);
    await raiseQuery({ actor: officer, id, question: 'Show the invoice, please.' });
    await answerQuery({ actor: await loadUserActor({ email: TRADER }), id, answer: 'Attached.' });
    await assessDuties({ actor: officer, id });
    await runPendingJobs();

    const mine = r.verified(secret).filter((x) => x.json.data.declarationId === id);
    expect(mine.length).toBe(r.received.filter((x) => x.json.data?.declarationId === id).length);
    const types = mine.map((x) => x.json.type);
    expect(types.slice(0, 3)).toEqual(['declaration.submitted', 'declaration.accepted', 'declaration.lane_set']);
    expect(types.slice(-3)).toEqual(['declaration.query_raised', 'declaration.query_answered', 'declaration.duties_assessed']);
    const ids = mine.map((x) => Number(x.json.data.eventId));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(mine[0]!.json.data.dmsCode).toBe('DMSRCV');
    expect(mine[1]!.json.data.dmsCode).toBe('DMSACC');
    expect(mine.find((x) => x.json.type === 'declaration.query_raised')!.json.data).toMatchObject({ dmsCode: 'DMSQRY', subject: { declarationId: id, lrn: d.rows[0].lrn } });
    // Thin: no query text in the event.
    expect(JSON.stringify(mine)).not.toContain('Show the invoice');
    expect(new Set(mine.map((x) => x.headers['webhook-id'])).size).toBe(mine.length);
    const log = await deliveries(endpointId);
    expect(log.every((x) => x.state === 'DELIVERED' && x.attempts[0]!.statusCode === 200)).toBe(true);
  });

  it('retries a 500 on the schedule and delivers once the receiver answers 200, under the same webhook-id', async () => {
    const r = await receiver();
    r.script.push({ status: 500, body: 'database down' });
    const { id: endpointId, secret } = await endpoint(r.url, ['declaration.submitted']);
    await submittedImport(TRADER);
    await runPendingJobs();
    expect(r.received).toHaveLength(1);
    let [d] = await deliveries(endpointId);
    expect(d).toMatchObject({ state: 'PENDING', attemptCount: 1 });
    expect(d!.attempts[0]).toMatchObject({ statusCode: 500, error: 'Answered 500.' });
    await runDueJobs();
    [d] = await deliveries(endpointId);
    expect(d).toMatchObject({ state: 'DELIVERED', attemptCount: 2 });
    expect(r.verified(secret)).toHaveLength(2);
    expect(r.received[0]!.headers['webhook-id']).toBe(r.received[1]!.headers['webhook-id']);
    // Nothing more is sent once delivered.
    await runDueJobs();
    expect(r.received).toHaveLength(2);
  });

  it('disables the endpoint on 410 Gone and tells its administrators', async () => {
    const r = await receiver({ status: 410 });
    const { id: endpointId } = await endpoint(r.url, ['declaration.submitted']);
    await submittedImport(TRADER);
    await runPendingJobs();
    const list = await server.graphql({ query: `{ webhookEndpoints { id enabled disabledReason } }` }, await asUser(TRADER));
    expect(list.json.data.webhookEndpoints.find((e: { id: string }) => e.id === endpointId)).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('410') });
    expect((await deliveries(endpointId))[0]!.state).toBe('FAILED');
    await submittedImport(TRADER);
    await runDueJobs();
    expect(r.received).toHaveLength(1);
    const inbox = await server.graphql({ query: `{ notifications { nodes { type title } } }` }, await asUser(TRADER));
    expect(inbox.json.data.notifications.nodes.map((n: { type: string }) => n.type)).toContain('webhook_endpoint.disabled');
  });

  it('treats a redirect as a failure and never follows it (here to an internal address)', async () => {
    const internal = await receiver();
    const r = await receiver({ status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });
    r.fallback = { status: 307, headers: { location: internal.url } };
    const { id: endpointId } = await endpoint(r.url, ['declaration.submitted']);
    await submittedImport(TRADER);
    await runPendingJobs();
    const [d] = await deliveries(endpointId);
    expect(d!.state).toBe('PENDING');
    expect(d!.attempts[0]).toMatchObject({ statusCode: 307, error: expect.stringContaining('not followed') });
    expect(internal.received).toHaveLength(0);
  });

  it('fails a slow receiver after the timeout, and an unreachable one, and retries both', async () => {
    process.env.WEBHOOK_TIMEOUT_MS = '300';
    resetEnvCache();
    const slow = await receiver({ status: 200, delayMs: 2000 });
    const closed = await receiver();
    const unreachable = closed.url;
    await closed.close();
    const a = await endpoint(slow.url, ['declaration.submitted']);
    const b = await endpoint(unreachable, ['declaration.submitted']);
    await submittedImport(TRADER);
    await runPendingJobs();
    const [ds] = await deliveries(a.id);
    expect(ds!.attempts[0]).toMatchObject({ statusCode: null, error: 'No answer within 300 ms.' });
    expect(ds!.state).toBe('PENDING');
    const [du] = await deliveries(b.id);
    expect(du!.attempts[0]!.error).toContain('ECONNREFUSED');
    expect(du!.state).toBe('PENDING');
  });

  it('refuses to deliver to a private address when the setting is turned off after registration', async () => {
    const r = await receiver();
    const { id: endpointId } = await endpoint(r.url, ['declaration.submitted']);
    allowLocal(false);
    await submittedImport(TRADER);
    await runPendingJobs();
    expect(r.received).toHaveLength(0);
    const [d] = await deliveries(endpointId);
    expect(d!.attempts[0]!.error).toMatch(/https:\/\/|private, loopback/);
  });

  it('sends only events of declarations the endpoint’s company may see', async () => {
    const mine = await receiver();
    const theirs = await receiver();
    await endpoint(mine.url);
    const other = await createEndpoint(theirs.url, [], OTHER_ADMIN);
    expect(other.json.errors).toBeUndefined();
    const id = await submittedImport(TRADER);
    await runPendingJobs();
    expect(mine.received.filter((x) => x.json.data.declarationId === id).length).toBeGreaterThan(0);
    expect(theirs.received.filter((x) => x.json.data?.declarationId === id)).toHaveLength(0);
  });

  it('signs with both secrets during a rotation’s overlap, then only with the new one', async () => {
    const r = await receiver();
    const { id, secret: old } = await endpoint(r.url);
    const rotated = await server.graphql({ query: `mutation { rotateWebhookSecret(id: "${id}", overlapHours: 1) { secret previousExpiresAt } }` }, await asUser(TRADER));
    const fresh = rotated.json.data.rotateWebhookSecret.secret as string;
    await server.graphql({ query: `mutation { sendTestWebhook(endpointId: "${id}") }` }, await asUser(TRADER));
    await runPendingJobs();
    expect(r.received).toHaveLength(1);
    expect(r.verified(old)).toHaveLength(1);
    expect(r.verified(fresh)).toHaveLength(1);
    expect(r.received[0]!.json.type).toBe('webhook.test');
    await server.graphql({ query: `mutation { rotateWebhookSecret(id: "${id}", overlapHours: 0) { secret } }` }, await asUser(TRADER));
    await server.graphql({ query: `mutation { sendTestWebhook(endpointId: "${id}") }` }, await asUser(TRADER));
    await runPendingJobs();
    expect(r.received).toHaveLength(2);
    expect(r.verified(old)).toHaveLength(1);
    expect(r.verified(fresh)).toHaveLength(1);
  });
});

describe('replay', () => {
  it('replays one delivery and everything since a time, with the same webhook-id; refuses a time beyond retention', async () => {
    const r = await receiver();
    const { id: endpointId } = await endpoint(r.url, ['declaration.submitted', 'declaration.accepted']);
    // The database's clock (events carry its time), just before this test's own events: earlier tests' events are older.
    const since = (await getPool().query<{ t: Date }>(`SELECT clock_timestamp() AS t`)).rows[0]!.t.toISOString();
    await submittedImport(TRADER);
    await runPendingJobs();
    expect(r.received).toHaveLength(2);
    const [first] = await deliveries(endpointId);
    const one = await server.graphql({ query: `mutation { replayWebhookDeliveries(endpointId: "${endpointId}", deliveryId: "${first!.id}") }` }, await asUser(TRADER));
    expect(one.json.data.replayWebhookDeliveries).toBe(1);
    await runPendingJobs();
    expect(r.received).toHaveLength(3);
    expect(r.received[2]!.headers['webhook-id']).toBe(first!.id);
    const all = await server.graphql({ query: `mutation($s: DateTime) { replayWebhookDeliveries(endpointId: "${endpointId}", since: $s) }`, variables: { s: since } }, await asUser(TRADER));
    expect(all.json.data.replayWebhookDeliveries).toBe(2);
    await runPendingJobs();
    expect(r.received).toHaveLength(5);
    const old = new Date(Date.now() - 31 * 86_400_000).toISOString();
    const tooOld = await server.graphql({ query: `mutation($s: DateTime) { replayWebhookDeliveries(endpointId: "${endpointId}", since: $s) }`, variables: { s: old } }, await asUser(TRADER));
    expect(tooOld.status).toBe(400);
    expect(tooOld.json.errors[0].extensions.fieldErrors[0]).toMatchObject({ path: ['since'], message: expect.stringContaining('30 days') });
  });
});

describe('the retry schedule', () => {
  it('follows the Standard Webhooks schedule with ±10 % jitter, honours Retry-After, and dead-letters after ten attempts', () => {
    expect(RETRY_SCHEDULE_SECONDS).toEqual([0, 5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400]);
    expect(nextRetryDelay(1, null, () => 0)).toBe(4500);
    expect(nextRetryDelay(1, null, () => 1)).toBe(5500);
    expect(nextRetryDelay(2, null, () => 0.5)).toBe(300_000);
    expect(nextRetryDelay(1, 120, () => 0.5)).toBe(120_000);
    expect(nextRetryDelay(9, null, () => 0.5)).toBe(86_400_000);
    expect(nextRetryDelay(10)).toBeNull();
  });
});
