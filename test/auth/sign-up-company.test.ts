// Sign-up: a company with its first administrator, no account enumeration, a limit per address.
import { describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { SIGN_UPS_PER_HOUR, signUpCompany } from '../../lib/auth/sign-up-company';
import { verifyCredentials } from '../../lib/auth/verify-credentials';
import { getDb, getPool } from '../../lib/db';
import { codeOf } from '../support/outcomes';
import { lastMessageTo } from '../support/outbox';

const ADMIN = 'trader@rotterdam-importers.example';

describe('sign-up', () => {
  const input = { kind: 'BROKER' as const, eori: 'BE0123456789', companyName: 'Antwerp Brokers NV', street: 'Kaai 1', city: 'Antwerpen', country: 'BE', name: 'An Peeters', email: 'an@antwerp-brokers.example', password: 'a-long-password' };

  it('creates the company with its first user as administrator', async () => {
    const { companyId, userId } = (await signUpCompany({ input }))!;
    const actor = await loadUserActor({ userId });
    expect(actor).toMatchObject({ role: 'BROKER', companyId, isCompanyAdmin: true });
    expect(await verifyCredentials({ email: input.email, password: input.password, ip: '10.50.0.1' })).not.toBeNull();
    // The hash is argon2id and is never selected by default.
    const stored = await getDb().user.findUniqueOrThrow({ where: { id: userId } });
    expect('passwordHash' in stored).toBe(false);
    const { rows } = await getPool().query(`SELECT password_hash FROM app_user WHERE id = $1`, [userId]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a taken EORI, a short password and a bad country, naming the fields', async () => {
    const dup = await codeOf(signUpCompany({ input: { ...input, eori: 'NL123456789', email: ADMIN } }));
    expect(dup.fields).toEqual(['eori:DUPLICATE']);
    const bad = await codeOf(signUpCompany({ input: { ...input, eori: 'BE999', email: 'x@y.example', password: 'short', country: 'XX' } }));
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(bad.fields).toEqual(expect.arrayContaining(['password:TOO_SMALL', 'country:INVALID']));
  });

  it('answers an email that already has an account as a new one, and tells its owner instead (no enumeration)', async () => {
    const before = (await getPool().query(`SELECT count(*)::int AS n FROM company`)).rows[0].n;
    // A taken email with a new EORI: no error naming the email, nothing created, the owner is told.
    expect(await signUpCompany({ input: { ...input, eori: 'BE0999999999', email: ADMIN }, request: { id: null, ip: '10.60.0.1' } })).toBeNull();
    expect((await getPool().query(`SELECT count(*)::int AS n FROM company`)).rows[0].n).toBe(before);
    expect(await lastMessageTo(ADMIN)).toMatch(/Someone tried to register the company Antwerp Brokers NV .* already has an account/s);
    // A new administrator gets a welcome in the same mailbox flow.
    await signUpCompany({ input: { ...input, eori: 'BE0888888888', email: 'welcome@ghent-brokers.example', companyName: 'Ghent Brokers' }, request: { id: null, ip: '10.60.0.1' } });
    expect(await lastMessageTo('welcome@ghent-brokers.example')).toContain('Ghent Brokers (EORI BE0888888888) is registered on Clearway');
  });

  it('limits sign-ups per client address', async () => {
    const ip = '10.61.0.1';
    for (let i = 0; i < SIGN_UPS_PER_HOUR; i++) {
      await signUpCompany({ input: { ...input, eori: `BE07${String(i).padStart(8, '0')}`, email: `limit${i}@limit.example`, companyName: `Limit Brokers ${i}` }, request: { id: null, ip } });
    }
    const refused = await codeOf(signUpCompany({ input: { ...input, eori: 'BE0799999999', email: 'limit-over@limit.example', companyName: 'Limit Over' }, request: { id: null, ip } }));
    expect(refused.code).toBe('RATE_LIMITED');
    // Another address is not affected.
    expect(await signUpCompany({ input: { ...input, eori: 'BE0799999999', email: 'limit-over@limit.example', companyName: 'Limit Over' }, request: { id: null, ip: '10.61.0.2' } })).not.toBeNull();
  });
});
