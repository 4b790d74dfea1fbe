// Invitations: single use, 7 days, only company administrators (and platform administrators, for officers).
import { describe, expect, it } from 'vitest';

import { acceptInvitation } from '../../lib/auth/accept-invitation';
import { loadUserActor } from '../../lib/auth/actor';
import { inviteUser } from '../../lib/auth/invite-user';
import { verifyCredentials } from '../../lib/auth/verify-credentials';
import { getPool } from '../../lib/db';
import { codeOf } from '../support/outcomes';
import { lastMessageTo, secretIn } from '../support/outbox';

const ADMIN = 'trader@rotterdam-importers.example';

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
