// Sign-up, invitations, password resets, company administration — and the append-only audit trail.
import { describe, expect, it } from 'vitest';

import { acceptInvitation } from '../../lib/auth/accept-invitation';
import { loadUserActor } from '../../lib/auth/actor';
import { changePassword } from '../../lib/auth/change-password';
import { inviteUser } from '../../lib/auth/invite-user';
import { processPasswordResetRequests } from '../../lib/auth/process-password-reset-requests';
import { requestPasswordReset } from '../../lib/auth/request-password-reset';
import { resetPassword } from '../../lib/auth/reset-password';
import { SIGN_UPS_PER_HOUR, signUpCompany } from '../../lib/auth/sign-up-company';
import { updateCompanyUser } from '../../lib/auth/update-company-user';
import { verifyCredentials } from '../../lib/auth/verify-credentials';
import { getDb, getPool } from '../../lib/db';
import { DEMO_PASSWORD } from '../../lib/parties/seed-demo-parties';

const ADMIN = 'trader@rotterdam-importers.example';

async function codeOf(p: Promise<unknown>): Promise<{ code: string; fields: string[]; message: string }> {
  try {
    await p;
  } catch (error: any) {
    return { code: error.code, fields: (error.details?.fieldErrors ?? []).map((f: any) => `${f.path.join('.')}:${f.code}`), message: error.message };
  }
  throw new Error('expected an error');
}

async function lastMessageTo(email: string): Promise<string | null> {
  const { rows } = await getPool().query(`SELECT body FROM outbox_message WHERE "to" = $1 ORDER BY id DESC LIMIT 1`, [email]);
  return rows[0]?.body ?? null;
}

function secretIn(body: string, path: string): string {
  return new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(body)![1]!;
}

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

describe('invitations', () => {
  it('lets a company administrator invite a colleague who then signs in; the link works once', async () => {
    const admin = await loadUserActor({ email: ADMIN });
    const { link } = await inviteUser({ actor: admin, input: { email: 'new.colleague@rotterdam-importers.example', name: 'New Colleague' } });
    const body = (await lastMessageTo('new.colleague@rotterdam-importers.example'))!;
    expect(body).toContain(link);
    const token = secretIn(link, 'invite');
    const { userId } = await acceptInvitation({ input: { token, password: 'colleague-password' } });
    expect(await loadUserActor({ userId })).toMatchObject({ role: 'TRADER', companyId: admin.companyId, isCompanyAdmin: false });
    expect(await verifyCredentials({ email: 'new.colleague@rotterdam-importers.example', password: 'colleague-password', ip: '10.51.0.1' })).not.toBeNull();
    const again = await codeOf(acceptInvitation({ input: { token, password: 'another-password' } }));
    expect(again).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['token:EXPIRED'] });
  });

  it('refuses an expired invitation and a made-up one', async () => {
    const admin = await loadUserActor({ email: ADMIN });
    const { link, invitationId } = await inviteUser({ actor: admin, input: { email: 'late@rotterdam-importers.example', name: 'Late' } });
    await getPool().query(`UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE id = $1`, [invitationId]);
    expect(await codeOf(acceptInvitation({ input: { token: secretIn(link, 'invite'), password: 'late-password' } }))).toMatchObject({ fields: ['token:EXPIRED'] });
    expect(await codeOf(acceptInvitation({ input: { token: 'made-up-token', password: 'late-password' } }))).toMatchObject({ fields: ['token:INVALID'] });
    expect((await getPool().query(`SELECT count(*)::int AS n FROM app_user WHERE email = 'late@rotterdam-importers.example'`)).rows[0].n).toBe(0);
  });

  it('is for company administrators (and platform administrators, for officers) only', async () => {
    const clerk = await loadUserActor({ email: 'clerk@rotterdam-importers.example' });
    expect((await codeOf(inviteUser({ actor: clerk, input: { email: 'x@x.example', name: 'X' } }))).code).toBe('FORBIDDEN');
    const admin = await loadUserActor({ email: ADMIN });
    expect((await codeOf(inviteUser({ actor: admin, input: { email: 'x@x.example', name: 'X', role: 'OFFICER' } }))).code).toBe('FORBIDDEN');
    const platform = await loadUserActor({ email: 'admin@clearway.example' });
    const { link } = await inviteUser({ actor: platform, input: { email: 'new-officer@customs.example', name: 'New Officer', role: 'OFFICER' } });
    const { userId } = await acceptInvitation({ input: { token: secretIn(link, 'invite'), password: 'officer-password' } });
    expect(await loadUserActor({ userId })).toMatchObject({ role: 'OFFICER', companyId: null });
  });
});

describe('password reset', () => {
  it('sends a single-use link to a known email, and nothing for an unknown one', async () => {
    await requestPasswordReset({ email: 'nobody@nowhere.example' });
    await requestPasswordReset({ email: 'exports@bright-electronics.example' });
    await processPasswordResetRequests();
    expect(await lastMessageTo('nobody@nowhere.example')).toBeNull();
    const token = secretIn((await lastMessageTo('exports@bright-electronics.example'))!, 'reset-password');
    await resetPassword({ input: { token, password: 'brand-new-password' } });
    expect(await verifyCredentials({ email: 'exports@bright-electronics.example', password: 'brand-new-password', ip: '10.52.0.1' })).not.toBeNull();
    expect(await codeOf(resetPassword({ input: { token, password: 'yet-another-password' } }))).toMatchObject({ fields: ['token:INVALID'] });
  });

  it('refuses an expired link', async () => {
    await requestPasswordReset({ email: 'officer@customs.example' });
    await processPasswordResetRequests();
    const token = secretIn((await lastMessageTo('officer@customs.example'))!, 'reset-password');
    await getPool().query(`UPDATE password_reset_token SET expires_at = now() - interval '1 second'`);
    expect(await codeOf(resetPassword({ input: { token, password: 'brand-new-password' } }))).toMatchObject({ fields: ['token:EXPIRED'] });
    expect(await verifyCredentials({ email: 'officer@customs.example', password: DEMO_PASSWORD, ip: '10.52.0.2' })).not.toBeNull();
  });

  it('changes a password from the profile only with the current one', async () => {
    const clerk = await loadUserActor({ email: 'clerk@rotterdam-importers.example' });
    expect(await codeOf(changePassword({ actor: clerk, input: { currentPassword: 'not-it-at-all', newPassword: 'harbour-crane-ledger' } }))).toMatchObject({ fields: ['currentPassword:INVALID'] });
    await changePassword({ actor: clerk, input: { currentPassword: DEMO_PASSWORD, newPassword: 'harbour-crane-ledger' } });
    expect(await verifyCredentials({ email: clerk.email, password: 'harbour-crane-ledger', ip: '10.52.0.3' })).not.toBeNull();
  });
});

describe('company administration', () => {
  it('disables a colleague, whose next request is refused; admins cannot disable themselves', async () => {
    const admin = await loadUserActor({ email: ADMIN });
    const clerk = await loadUserActor({ email: 'clerk@rotterdam-importers.example' });
    await updateCompanyUser({ actor: admin, input: { userId: clerk.userId, disabled: true } });
    expect((await codeOf(loadUserActor({ userId: clerk.userId }))).code).toBe('UNAUTHENTICATED');
    expect((await codeOf(updateCompanyUser({ actor: admin, input: { userId: admin.userId, disabled: true } }))).code).toBe('CONFLICT');
    // Another company's user is not found, not "forbidden".
    const broker = await loadUserActor({ email: 'broker@delta-brokers.example' });
    expect((await codeOf(updateCompanyUser({ actor: broker, input: { userId: clerk.userId, disabled: false } }))).code).toBe('NOT_FOUND');
  });
});

describe('the audit trail', () => {
  it('records actor, company, request and address, and has no update or delete path', async () => {
    const admin = await loadUserActor({ email: ADMIN }, { id: 'req-audit-1', ip: '192.0.2.7' });
    const clerkId = (await getPool().query(`SELECT id FROM app_user WHERE email = 'clerk@rotterdam-importers.example'`)).rows[0].id;
    await updateCompanyUser({ actor: admin, input: { userId: clerkId, disabled: false, isCompanyAdmin: true } });
    const { rows } = await getPool().query(`SELECT * FROM audit_event WHERE request_id = 'req-audit-1'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'user.update', actor_id: admin.userId, company_id: admin.companyId, ip: '192.0.2.7', target_id: clerkId });
    await expect(getPool().query(`UPDATE audit_event SET action = 'x' WHERE id = $1`, [rows[0].id])).rejects.toThrow(/append-only|not allowed|refuse/i);
    await expect(getPool().query(`DELETE FROM audit_event WHERE id = $1`, [rows[0].id])).rejects.toThrow(/append-only|not allowed|refuse/i);
  });
});
