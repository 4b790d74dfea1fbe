// "Forgot password" must not tell who has an account (issue 12, item 13): the request does the same
// work for every email — it only queues it — and the link goes out afterwards.
import { describe, expect, it } from 'vitest';

import { processPasswordResetRequests } from '../../lib/auth/process-password-reset-requests';
import { requestPasswordReset } from '../../lib/auth/request-password-reset';
import { getPool } from '../../lib/db';

const KNOWN = 'trader@kampala-trading.example';

async function counts() {
  const { rows } = await getPool().query(
    `SELECT (SELECT count(*)::int FROM password_reset_token) AS tokens, (SELECT count(*)::int FROM outbox_message) AS messages,
            (SELECT count(*)::int FROM audit_event) AS audits, (SELECT count(*)::int FROM password_reset_request WHERE processed_at IS NULL) AS queued`,
  );
  return rows[0] as { tokens: number; messages: number; audits: number; queued: number };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

describe('requestPasswordReset', () => {
  it('does no per-account work on the request path: a known and an unknown email leave the same trace', async () => {
    const start = await counts();
    await requestPasswordReset({ email: KNOWN, request: { id: 'r-known', ip: '10.80.0.1' } });
    await requestPasswordReset({ email: 'nobody-here@nowhere.example', request: { id: 'r-unknown', ip: '10.80.0.1' } });
    // Nothing about the account yet: no token, no message, no audit row; just two queued emails alike.
    expect(await counts()).toEqual({ ...start, queued: start.queued + 2 });
    const { rows } = await getPool().query(`SELECT email, request_id, ip, processed_at FROM password_reset_request ORDER BY id`);
    expect(rows.map((r) => Object.keys(r).filter((k) => r[k] !== null))).toEqual([
      ['email', 'request_id', 'ip'],
      ['email', 'request_id', 'ip'],
    ]);

    // Afterwards: a link for the account, nothing for the unknown email.
    expect(await processPasswordResetRequests()).toBe(2);
    const after = await counts();
    expect(after).toMatchObject({ tokens: start.tokens + 1, queued: 0 });
    const sent = await getPool().query(`SELECT "to", kind FROM outbox_message WHERE kind = 'password_reset'`);
    expect(sent.rows).toEqual([{ to: KNOWN, kind: 'password_reset' }]);
    const audit = await getPool().query(`SELECT request_id, ip FROM audit_event WHERE action = 'user.request_password_reset'`);
    expect(audit.rows).toEqual([{ request_id: 'r-known', ip: '10.80.0.1' }]);
    // Handled once: another pass finds nothing.
    expect(await processPasswordResetRequests()).toBe(0);
  });

  it('takes about the same time for a known and an unknown email', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    // Five accounts, three times each: under the per-email limit (5 an hour), which would answer early.
    const accounts = ['trader@rotterdam-importers.example', 'clerk@rotterdam-importers.example', 'broker@delta-brokers.example', 'officer@customs.example', 'admin@clearway.example'];
    for (let i = 0; i < 15; i++) {
      let t = performance.now();
      await requestPasswordReset({ email: accounts[i % accounts.length]! });
      known.push(performance.now() - t);
      t = performance.now();
      await requestPasswordReset({ email: `ghost${i}@nowhere.example` });
      unknown.push(performance.now() - t);
    }
    const ratio = median(known) / median(unknown);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});
