// Password resets and changes: single use, one hour, the new password checked like any other.
import { describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { changePassword } from '../../lib/auth/change-password';
import { processPasswordResetRequests } from '../../lib/auth/process-password-reset-requests';
import { requestPasswordReset } from '../../lib/auth/request-password-reset';
import { resetPassword } from '../../lib/auth/reset-password';
import { verifyCredentials } from '../../lib/auth/verify-credentials';
import { getPool } from '../../lib/db';
import { DEMO_PASSWORD } from '../../lib/parties/seed-demo-parties';
import { codeOf } from '../support/outcomes';
import { lastMessageTo, secretIn } from '../support/outbox';

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
