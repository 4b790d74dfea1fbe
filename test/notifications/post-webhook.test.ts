// Webhook requests over kept-alive connections (lib/notifications/webhook-agent.ts, post-webhook.ts), with
// real local HTTP receivers counting their TCP connections: an endpoint's deliveries share one connection
// across batches and runs; a receiver that closes kept-alive connections is still delivered to, and a
// connection it resets as it is reused is retried once on a fresh one with the same webhook-id — never a
// request on a fresh connection; the SSRF guard applies to every new connection, not only to the batch's
// address check.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { sqlTransaction } from '../../lib/database/sql';
import { disconnectDb, getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { runPendingJobs } from '../../lib/jobs/run-pending-jobs';
import { createWebhookEndpoint } from '../../lib/notifications/create-webhook-endpoint';
import { deliverWebhooks } from '../../lib/notifications/deliver-webhooks-task';
import { fanOutEvents } from '../../lib/notifications/fan-out-events-task';
import { postWebhook } from '../../lib/notifications/post-webhook';
import { recordBusinessEvent } from '../../lib/notifications/record-business-event';
import { resolveWebhookAddress } from '../../lib/notifications/resolve-webhook-address';
import { signWebhook } from '../../lib/notifications/sign-webhook';
import { closeWebhookAgents } from '../../lib/notifications/webhook-agent';
import { submittedImport } from '../support/declarations';
import { startReceiver } from '../support/webhook-receiver';

const TRADER = 'trader@rotterdam-importers.example';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

function allowLocal(allow: boolean) {
  process.env.WEBHOOK_ALLOW_PRIVATE = String(allow);
  process.env.WEBHOOK_ALLOW_HTTP = 'true';
  process.env.WEBHOOK_TIMEOUT_MS = '5000';
  resetEnvCache();
}

/** A bare receiver: counts its connections; `onRequest` decides, per request, to answer (true) or reset the connection (false). */
async function rawReceiver(onRequest: (socket: Socket, requestOnSocket: number) => boolean) {
  const connections: Socket[] = [];
  const handled: { id: string; signature: string }[] = [];
  const reset: { id: string; signature: string }[] = [];
  const perSocket = new Map<Socket, number>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const n = (perSocket.get(req.socket) ?? 0) + 1;
      perSocket.set(req.socket, n);
      const seen = { id: String(req.headers['webhook-id']), signature: String(req.headers['webhook-signature']) };
      if (onRequest(req.socket, n)) {
        handled.push(seen);
        res.writeHead(204).end();
      } else {
        reset.push(seen);
        req.socket.destroy();
      }
    });
  });
  server.on('connection', (socket: Socket) => connections.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    connections,
    handled,
    reset,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

async function post(url: string, deliveryId: string) {
  const body = JSON.stringify({ type: 'webhook.test', data: { deliveryId } });
  return postWebhook(await resolveWebhookAddress(url), { headers: signWebhook({ deliveryId, body, secrets: [SECRET] }), body, timeoutMs: 5000 });
}

const closers: (() => Promise<void>)[] = [];
beforeEach(() => allowLocal(true));
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});
afterAll(async () => {
  closeWebhookAgents();
  await disconnectDb();
});

describe('webhook connections', () => {
  it('sends an endpoint’s deliveries over one kept-alive connection, across batches and runs', async () => {
    await getPool().query(`UPDATE webhook_endpoint SET disabled_at = now() WHERE disabled_at IS NULL`);
    const receiver = await startReceiver({ status: 204 });
    closers.push(() => receiver.close());
    const { secret, endpoint } = await createWebhookEndpoint({ actor: await loadUserActor({ email: TRADER }), input: { url: receiver.url, eventTypes: ['declaration.amended'] } });
    const declarationId = await submittedImport(TRADER);
    await runPendingJobs();
    const amend = async (n: number) => {
      await sqlTransaction((sql) => recordBusinessEvent(sql, { type: 'declaration.amended', declarationId, payload: { declarationId, n } }));
      await fanOutEvents();
    };
    for (let n = 1; n <= 4; n += 1) await amend(n);
    await deliverWebhooks(endpoint.id);
    for (let n = 5; n <= 6; n += 1) await amend(n);
    await deliverWebhooks(endpoint.id);

    expect(receiver.verified(secret).map((r) => r.json.data.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(6);
    expect(receiver.connections).toBe(1);
  });

  it('delivers to a receiver that closes idle kept-alive connections at once, each request once', async () => {
    const receiver = await rawReceiver(() => true);
    receiver.server.keepAliveTimeout = 1;
    closers.push(receiver.close);
    for (let n = 1; n <= 8; n += 1) {
      const answer = await post(receiver.url, `msg_idle_${n}`);
      expect(answer).toMatchObject({ status: 204, error: null });
      await new Promise((resolve) => setTimeout(resolve, n % 2 ? 0 : 20));
    }
    expect(receiver.handled.map((h) => h.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `msg_idle_${n}`));
    expect(receiver.reset).toEqual([]);
    expect(receiver.connections.length).toBeGreaterThan(1);
  });

  it('sends a request once more on a fresh connection when the reused one is reset, with the same webhook-id and signature', async () => {
    // The receiver resets every connection on its second request, as a server closing a kept-alive connection just as it is reused.
    const receiver = await rawReceiver((_socket, requestOnSocket) => requestOnSocket === 1);
    closers.push(receiver.close);
    expect(await post(receiver.url, 'msg_first')).toMatchObject({ status: 204, error: null });
    expect(await post(receiver.url, 'msg_second')).toMatchObject({ status: 204, error: null });

    expect(receiver.handled.map((h) => h.id)).toEqual(['msg_first', 'msg_second']);
    expect(receiver.reset.map((h) => h.id)).toEqual(['msg_second']);
    expect(receiver.reset[0]!.signature).toBe(receiver.handled[1]!.signature);
    expect(receiver.connections).toHaveLength(2);
  });

  it('does not send again when a fresh connection is reset: the attempt fails', async () => {
    const receiver = await rawReceiver(() => false);
    closers.push(receiver.close);
    const answer = await post(receiver.url, 'msg_reset');
    expect(answer.status).toBeNull();
    expect(answer.error).toMatch(/ECONNRESET/);
    expect(receiver.reset.map((h) => h.id)).toEqual(['msg_reset']);
    expect(receiver.connections).toHaveLength(1);
  });

  it('checks the address of every new connection: a pinned private address or IP literal is refused with the setting off', async () => {
    const receiver = await rawReceiver(() => true);
    closers.push(receiver.close);
    const port = new URL(receiver.url).port;
    allowLocal(false);
    const body = '{}';
    const headers = signWebhook({ deliveryId: 'msg_ssrf', body, secrets: [SECRET] });
    // As if the batch's check had seen a public address and the name then resolved to loopback (DNS rebinding).
    for (const url of [`http://localhost:${port}/hooks`, `http://127.0.0.1:${port}/hooks`, `http://[::ffff:127.0.0.1]:${port}/hooks`]) {
      const answer = await postWebhook({ url: new URL(url), address: '127.0.0.1', family: 4 }, { headers, body, timeoutMs: 2000 });
      expect(answer.status).toBeNull();
      expect(answer.error).toMatch(/EWEBHOOKPRIVATE: .*(127\.0\.0\.1|::ffff:7f00:1).*private, loopback or link-local/);
    }
    expect(receiver.connections).toHaveLength(0);

    allowLocal(true);
    expect(await post(receiver.url, 'msg_allowed')).toMatchObject({ status: 204 });
    expect(receiver.connections).toHaveLength(1);
  });
});
