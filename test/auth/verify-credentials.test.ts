import { describe, expect, it } from 'vitest';

import { verifyCredentials, lockDurationMs, FREE_FAILURES } from '../../lib/auth/verify-credentials';
import { getPool } from '../../lib/db';
import { DEMO_PASSWORD } from '../../lib/parties/seed-demo-parties';

const TRADER = 'trader@rotterdam-importers.example';

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

describe('verifyCredentials', () => {
  it('accepts the right password, case-insensitively on the email, and records the sign-in', async () => {
    const user = await verifyCredentials({ email: ' Trader@Rotterdam-Importers.example ', password: DEMO_PASSWORD, ip: '10.0.0.1' });
    expect(user).toMatchObject({ email: TRADER, role: 'TRADER' });
    const { rows } = await getPool().query(`SELECT action FROM audit_event WHERE target_id = $1 ORDER BY id DESC LIMIT 1`, [user!.id]);
    expect(rows[0].action).toBe('user.sign_in');
  });

  it('answers a wrong password and an unknown email the same way, in about the same time', async () => {
    expect(await verifyCredentials({ email: 'exports@bright-electronics.example', password: 'wrong-password!', ip: '10.0.0.2' })).toBeNull();
    expect(await verifyCredentials({ email: 'nobody@nowhere.example', password: 'wrong-password!', ip: '10.0.0.2' })).toBeNull();
    // Both pay one argon2id verification: the medians stay within a factor of two of each other.
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      wrong.push(await timed(() => verifyCredentials({ email: 'officer@customs.example', password: `nope-${i}-password`, ip: `10.0.1.${i}` })));
      unknown.push(await timed(() => verifyCredentials({ email: `ghost${i}@nowhere.example`, password: `nope-${i}-password`, ip: `10.0.2.${i}` })));
    }
    const ratio = median(wrong) / median(unknown);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('pauses an account after repeated failures, with growing pauses, even for the right password', async () => {
    const email = 'trader@kampala-trading.example';
    for (let i = 0; i < FREE_FAILURES; i++) expect(await verifyCredentials({ email, password: 'bad-password-x', ip: `10.1.0.${i}` })).toBeNull();
    const { rows } = await getPool().query(`SELECT failed_sign_ins, locked_until FROM app_user WHERE email = $1`, [email]);
    expect(rows[0].failed_sign_ins).toBe(FREE_FAILURES);
    expect(rows[0].locked_until.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Locked: the right password is refused with the same answer.
    expect(await verifyCredentials({ email, password: DEMO_PASSWORD, ip: '10.1.1.1' })).toBeNull();
    expect(lockDurationMs(FREE_FAILURES + 1)).toBe(2 * lockDurationMs(FREE_FAILURES));
    expect(lockDurationMs(40)).toBe(15 * 60_000);
    // When the pause is over, the right password works and the count starts again.
    await getPool().query(`UPDATE app_user SET locked_until = now() - interval '1 second' WHERE email = $1`, [email]);
    expect(await verifyCredentials({ email, password: DEMO_PASSWORD, ip: '10.1.1.2' })).not.toBeNull();
    const after = await getPool().query(`SELECT failed_sign_ins, locked_until FROM app_user WHERE email = $1`, [email]);
    expect(after.rows[0]).toEqual({ failed_sign_ins: 0, locked_until: null });
  });

  it('limits attempts per client address, whatever the account', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < 30; i++) await verifyCredentials({ email: `ghost${i}@nowhere.example`, password: 'whatever-pass', ip });
    expect(await verifyCredentials({ email: 'clerk@rotterdam-importers.example', password: DEMO_PASSWORD, ip })).toBeNull();
    expect(await verifyCredentials({ email: 'clerk@rotterdam-importers.example', password: DEMO_PASSWORD, ip: '10.9.9.10' })).not.toBeNull();
  });

  it('refuses a disabled user', async () => {
    await getPool().query(`UPDATE app_user SET disabled_at = now() WHERE email = 'exports@bright-electronics.example'`);
    expect(await verifyCredentials({ email: 'exports@bright-electronics.example', password: DEMO_PASSWORD, ip: '10.3.0.1' })).toBeNull();
  });
});
