import { describe, expect, it } from 'vitest';

import { ACCOUNT_ADDRESS_FAILURES, verifyCredentials, lockDurationMs, FREE_FAILURES } from '../../lib/auth/verify-credentials';
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
    // Both pay one argon2id verification: the fastest of each stays within a factor of two of the other
    // (the fastest, not the median: on a loaded CI machine the other runs only add the machine's noise).
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      wrong.push(await timed(() => verifyCredentials({ email: 'officer@customs.example', password: `nope-${i}-password`, ip: `10.0.1.${i}` })));
      unknown.push(await timed(() => verifyCredentials({ email: `ghost${i}@nowhere.example`, password: `nope-${i}-password`, ip: `10.0.2.${i}` })));
    }
    const ratio = Math.min(...wrong) / Math.min(...unknown);
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

  it('refuses over-limit attempts of one account from one address before hashing, in the same short time whether or not the account exists', async () => {
    const ip = '10.9.9.9';
    const ghost = 'ghost-limit@nowhere.example';
    // Unknown emails do not lock an account in the database: only the account + address limit applies.
    for (let i = 0; i < ACCOUNT_ADDRESS_FAILURES; i++) expect(await verifyCredentials({ email: ghost, password: `guess-${i}-password`, ip })).toBeNull();
    const slow: number[] = [];
    const refusedUnknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      slow.push(await timed(() => verifyCredentials({ email: `fresh${i}@nowhere.example`, password: 'guess-password', ip })));
      refusedUnknown.push(await timed(() => verifyCredentials({ email: ghost, password: 'guess-password', ip })));
    }
    // A refused attempt pays no argon2id verification (about 50 ms here): a small fraction of a normal one.
    expect(median(refusedUnknown)).toBeLessThan(median(slow) / 4);

    // The same for a real account over its limit: refused, even with the right password, just as fast.
    const clerk = 'clerk@rotterdam-importers.example';
    const office = '10.9.9.20';
    for (let i = 0; i < ACCOUNT_ADDRESS_FAILURES; i++) {
      await verifyCredentials({ email: clerk, password: `typo-${i}-password`, ip: office });
      // Keep the account's own stored back-off out of this test.
      await getPool().query(`UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL WHERE email = $1`, [clerk]);
    }
    const refusedReal: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      expect(await verifyCredentials({ email: clerk, password: DEMO_PASSWORD, ip: office })).toBeNull();
      refusedReal.push(performance.now() - t);
    }
    expect(median(refusedReal)).toBeLessThan(median(slow) / 4);
    const ratio = median(refusedReal) / Math.max(median(refusedUnknown), 0.05);
    expect(ratio).toBeLessThan(10);
  });

  it('keys the limit on account + address: colleagues behind one address, and the same account elsewhere, still sign in', async () => {
    const office = '10.9.8.1';
    for (let i = 0; i < ACCOUNT_ADDRESS_FAILURES + 2; i++) await verifyCredentials({ email: 'ghost-office@nowhere.example', password: 'guess-password', ip: office });
    expect(await verifyCredentials({ email: 'clerk@rotterdam-importers.example', password: DEMO_PASSWORD, ip: office })).not.toBeNull();
    expect(await verifyCredentials({ email: 'trader@rotterdam-importers.example', password: DEMO_PASSWORD, ip: office })).not.toBeNull();
  });

  it('counts failures only: many successful sign-ins from one address (an office NAT) never lock anyone out', async () => {
    const nat = '10.9.7.1';
    for (let i = 0; i < 35; i++) expect(await verifyCredentials({ email: 'broker@delta-brokers.example', password: DEMO_PASSWORD, ip: nat }), `sign-in ${i}`).not.toBeNull();
    // A success forgets that account's earlier failures from that address.
    const admin = 'admin@clearway.example';
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < ACCOUNT_ADDRESS_FAILURES - 1; i++) await verifyCredentials({ email: admin, password: `typo-${i}-password`, ip: nat });
      await getPool().query(`UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL WHERE email = $1`, [admin]);
      expect(await verifyCredentials({ email: admin, password: DEMO_PASSWORD, ip: nat }), `round ${round}`).not.toBeNull();
    }
  });

  it('refuses a disabled user', async () => {
    await getPool().query(`UPDATE app_user SET disabled_at = now() WHERE email = 'exports@bright-electronics.example'`);
    expect(await verifyCredentials({ email: 'exports@bright-electronics.example', password: DEMO_PASSWORD, ip: '10.3.0.1' })).toBeNull();
  });
});
