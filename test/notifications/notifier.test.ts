// Live reset and invitation links never reach the server log (issue 12, item 14): the default notifier
// logs that a message went out, not its body, and the request log does not carry a link's secret.
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';

import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { inviteUser } from '../../lib/auth/invite-user';
import { processPasswordResetRequests } from '../../lib/auth/process-password-reset-requests';
import { requestPasswordReset } from '../../lib/auth/request-password-reset';
import { getPool } from '../../lib/db';
import { runPendingJobs } from '../../lib/jobs/run-pending-jobs';
import { createAppServer, type AppServer } from '../../server/create-app-server';

const LOGGER = Symbol.for('clearway.logger');
let lines: string[] = [];
const capture = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
let previous: unknown;

beforeAll(() => {
  const holder = globalThis as Record<symbol, unknown>;
  previous = holder[LOGGER];
  holder[LOGGER] = capture;
});
afterAll(() => {
  (globalThis as Record<symbol, unknown>)[LOGGER] = previous;
});

const secretsIn = (body: string) => [...body.matchAll(/\/(?:invite|reset-password)\/([\w-]{20,})/g)].map((m) => m[1]!);

describe('the default notifier', () => {
  it('logs that an invitation and a reset link were sent, never the links themselves', async () => {
    lines = [];
    const admin = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
    await inviteUser({ actor: admin, input: { email: 'new.hire@rotterdam-importers.example', name: 'New Hire' } });
    await requestPasswordReset({ email: 'clerk@rotterdam-importers.example' });
    await processPasswordResetRequests();
    // The e-mails are send-email jobs on the queue.
    await runPendingJobs();

    const { rows } = await getPool().query(`SELECT kind, body FROM outbox_message WHERE kind IN ('invitation', 'password_reset') ORDER BY id`);
    const secrets = rows.flatMap((r) => secretsIn(r.body));
    expect(secrets).toHaveLength(2);
    const log = lines.join('');
    const sent = lines.map((l) => JSON.parse(l)).filter((l) => l.msg.startsWith('message sent'));
    expect(sent.map((l) => l.kind).sort()).toEqual(['invitation', 'password_reset']);
    expect(sent.every((l) => l.body === undefined && l.outboxId)).toBe(true);
    for (const secret of secrets) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/\/(invite|reset-password)\/[\w-]{20,}/);
  });
});

describe('the request log', () => {
  let app: AppServer;
  let url: string;
  beforeAll(async () => {
    app = await createAppServer({ logger: capture, fallback: (_req, res) => void res.end('page') });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app.close();
  });

  it('leaves out the secret of reset and invitation page addresses', async () => {
    lines = [];
    const secret = 'Qm9ndXNTZWNyZXRUaGF0TXVzdE5vdEJlTG9nZ2VkISE';
    for (const path of [`/reset-password/${secret}`, `/invite/${secret}?x=1`, '/declarations?q=1']) {
      const res = await fetch(`${url}${path}`);
      expect(res.status).toBe(200);
    }
    await expect.poll(() => lines.filter((l) => l.includes('"msg":"request"')).length).toBe(3);
    const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request').map((l) => l.url);
    expect(logged).toEqual(['/reset-password/[redacted]', '/invite/[redacted]?x=1', '/declarations?q=1']);
    expect(lines.join('')).not.toContain(secret);
  });
});
