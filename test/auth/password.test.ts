// The password policy: length, a blocklist of common (breached) passwords, and nothing of whose it is.
import { describe, expect, it } from 'vitest';

import { acceptInvitation } from '../../lib/auth/accept-invitation';
import { loadUserActor } from '../../lib/auth/actor';
import { changePassword } from '../../lib/auth/change-password';
import { isCommonPassword } from '../../lib/auth/is-common-password';
import { inviteUser } from '../../lib/auth/invite-user';
import { passwordSchema } from '../../lib/auth/password';
import { processPasswordResetRequests } from '../../lib/auth/process-password-reset-requests';
import { requestPasswordReset } from '../../lib/auth/request-password-reset';
import { resetPassword } from '../../lib/auth/reset-password';
import { signUpCompany } from '../../lib/auth/sign-up-company';
import { verifyCredentials } from '../../lib/auth/verify-credentials';
import { getPool } from '../../lib/db';
import { DEMO_PASSWORD } from '../../lib/parties/seed-demo-parties';

async function fieldsOf(p: Promise<unknown>): Promise<{ path: string; code: string; message: string }[]> {
  try {
    await p;
  } catch (error: any) {
    expect(error.code).toBe('BAD_USER_INPUT');
    return (error.details?.fieldErrors ?? []).map((f: any) => ({ path: f.path.join('.'), code: f.code, message: f.message }));
  }
  throw new Error('expected an error');
}

const SIGN_UP = { kind: 'TRADER' as const, eori: 'DE123123123', companyName: 'Hamburger Kaffeehandel GmbH', street: 'Kai 2', city: 'Hamburg', country: 'DE', name: 'Hanna Meyer', email: 'hanna.meyer@kaffee.example', password: 'ok' };

describe('the password policy', () => {
  it('refuses common passwords from the shipped list, also with digits or symbols added, whatever the case', () => {
    for (const common of ['password123', 'qwertyuiop', '1234567890', 'Dragon2024!!', 'SUPERMAN1234', 'iloveyou!!!']) {
      expect(isCommonPassword(common), common).toBe(true);
      const parsed = passwordSchema.safeParse(common);
      expect(parsed.success, common).toBe(false);
      expect(parsed.error!.issues[0]!.message).toContain('one of the most common ones');
    }
    for (const fine of ['correct horse battery staple', 'tulip-barge-orbit-51', DEMO_PASSWORD]) expect(isCommonPassword(fine), fine).toBe(false);
  });

  it('at sign-up, refuses a common password and one containing the email or the company name, on the password field', async () => {
    const cases: [string, string][] = [
      ['password1234', 'INVALID'],
      ['Hanna.Meyer-1990', 'NOT_ALLOWED'],
      ['my hanna meyer pass', 'NOT_ALLOWED'],
      ['hamburger kaffeehandel 1', 'NOT_ALLOWED'],
      ['HamburgerKaffeehandel!', 'NOT_ALLOWED'],
    ];
    for (const [password, code] of cases) {
      const fields = await fieldsOf(signUpCompany({ input: { ...SIGN_UP, password } }));
      expect(fields, password).toEqual([expect.objectContaining({ path: 'password', code })]);
      expect(fields[0]!.message.length).toBeGreaterThan(20);
    }
    expect((await getPool().query(`SELECT count(*)::int AS n FROM company WHERE eori = $1`, [SIGN_UP.eori])).rows[0].n).toBe(0);
    expect(await signUpCompany({ input: { ...SIGN_UP, password: 'roasted beans at dawn' } })).not.toBeNull();
  });

  it('applies to a changed password (newPassword), an accepted invitation and a reset, whose link still works after a refusal', async () => {
    const clerk = await loadUserActor({ email: 'clerk@rotterdam-importers.example' });
    expect(await fieldsOf(changePassword({ actor: clerk, input: { currentPassword: DEMO_PASSWORD, newPassword: 'clerk at the desk 7' } }))).toEqual([
      expect.objectContaining({ path: 'newPassword', code: 'NOT_ALLOWED' }),
    ]);
    expect(await fieldsOf(changePassword({ actor: clerk, input: { currentPassword: DEMO_PASSWORD, newPassword: 'rotterdam importers!' } }))).toEqual([
      expect.objectContaining({ path: 'newPassword', code: 'NOT_ALLOWED' }),
    ]);

    const admin = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
    const { link } = await inviteUser({ actor: admin, input: { email: 'pieter.jansen@rotterdam-importers.example', name: 'Pieter Jansen' } });
    const token = /\/invite\/([\w-]+)/.exec(link)![1]!;
    expect(await fieldsOf(acceptInvitation({ input: { token, password: 'pieterjansen2026' } }))).toEqual([expect.objectContaining({ path: 'password', code: 'NOT_ALLOWED' })]);
    await acceptInvitation({ input: { token, password: 'windmill quay seven' } });

    await requestPasswordReset({ email: 'exports@bright-electronics.example' });
    await processPasswordResetRequests();
    const { rows } = await getPool().query(`SELECT body FROM outbox_message WHERE "to" = 'exports@bright-electronics.example' ORDER BY id DESC LIMIT 1`);
    const secret = /\/reset-password\/([\w-]+)/.exec(rows[0].body)![1]!;
    expect(await fieldsOf(resetPassword({ input: { token: secret, password: 'exports-department' } }))).toEqual([expect.objectContaining({ path: 'password', code: 'NOT_ALLOWED' })]);
    expect(await fieldsOf(resetPassword({ input: { token: secret, password: 'letmein12345' } }))).toEqual([expect.objectContaining({ path: 'password' })]);
    await resetPassword({ input: { token: secret, password: 'quiet river lantern' } });
    expect(await verifyCredentials({ email: 'exports@bright-electronics.example', password: 'quiet river lantern', ip: '10.70.0.1' })).not.toBeNull();
  });
});
