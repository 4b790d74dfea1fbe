// Sessions end when they should (issue 12, item 4), through the HTTP server: "sign out everywhere", a
// password change, a password reset and disabling each end every session issued before, on its next
// request, though session tokens are stateless; a session issued afterwards works.
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { getAuthSecret } from '../../lib/auth/get-auth-secret';
import { changePassword } from '../../lib/auth/change-password';
import { processPasswordResetRequests } from '../../lib/auth/process-password-reset-requests';
import { requestPasswordReset } from '../../lib/auth/request-password-reset';
import { resetPassword } from '../../lib/auth/reset-password';
import { updateCompanyUser } from '../../lib/auth/update-company-user';
import { getPool } from '../../lib/db';
import { DEMO_PASSWORD } from '../../lib/parties/seed-demo-parties';
import { asToken, asUser } from '../support/auth';
import { startTestServer, type TestServer } from './http-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.app.close();
});

const ME = '{ me { email } }';
const SIGN_OUT_EVERYWHERE = 'mutation { signOutEverywhere { viewer { email } signedOutAt } }';

async function me(headers: Record<string, string>): Promise<{ status: number; email?: string; code?: string }> {
  const { status, json } = await server.graphql({ query: ME }, headers);
  return { status, email: json.data?.me?.email, code: json.errors?.[0]?.extensions?.code };
}

describe('sessions end when they should', () => {
  it('signOutEverywhere ends every session of the person, the calling one included', async () => {
    const email = 'trader@kampala-trading.example';
    const laptop = await asUser(email);
    const phone = await asUser(email);
    expect(await me(phone)).toMatchObject({ status: 200, email });

    const { status, json } = await server.graphql({ query: SIGN_OUT_EVERYWHERE }, laptop);
    expect(status).toBe(200);
    expect(json.data.signOutEverywhere.viewer.email).toBe(email);
    expect(Date.parse(json.data.signOutEverywhere.signedOutAt)).toBeGreaterThan(Date.now() - 60_000);

    expect(await me(laptop)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await me(phone)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    // Signing in again works.
    expect(await me(await asUser(email))).toMatchObject({ status: 200, email });
    const { rows } = await getPool().query(`SELECT action FROM audit_event WHERE action = 'user.sign_out_everywhere'`);
    expect(rows).toHaveLength(1);
  });

  it('is for people: an API token is refused', async () => {
    const { headers } = await asToken('trader@rotterdam-importers.example', ['declarations:read']);
    const { json } = await server.graphql({ query: SIGN_OUT_EVERYWHERE }, headers);
    expect(json.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('a password change ends the sessions issued before it', async () => {
    const email = 'clerk@rotterdam-importers.example';
    const stolen = await asUser(email);
    expect(await me(stolen)).toMatchObject({ status: 200, email });
    await changePassword({ actor: await loadUserActor({ email }), input: { currentPassword: DEMO_PASSWORD, newPassword: 'harbour crane ledger 9' } });
    expect(await me(stolen)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await me(await asUser(email))).toMatchObject({ status: 200, email });
  });

  it('a password reset ends the sessions issued before it', async () => {
    const email = 'broker@delta-brokers.example';
    const stolen = await asUser(email);
    await requestPasswordReset({ email });
    await processPasswordResetRequests();
    const { rows } = await getPool().query(`SELECT body FROM outbox_message WHERE "to" = $1 AND kind = 'password_reset' ORDER BY id DESC LIMIT 1`, [email]);
    const token = /\/reset-password\/([\w-]+)/.exec(rows[0].body)![1]!;
    expect(await me(stolen)).toMatchObject({ status: 200 });
    await resetPassword({ input: { token, password: 'quiet river lantern' } });
    expect(await me(stolen)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('disabling ends the sessions for good: enabling the user again does not revive them', async () => {
    const admin = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
    const email = 'exports@bright-electronics.example';
    // Move the seeded exporter into the admin's company, so that the admin may disable them.
    const { rows } = await getPool().query(`SELECT id FROM app_user WHERE email = $1`, [email]);
    const userId = rows[0].id;
    await getPool().query(`UPDATE app_user SET company_id = $2 WHERE id = $1`, [userId, admin.companyId]);
    const before = await asUser(email);
    expect(await me(before)).toMatchObject({ status: 200 });
    await updateCompanyUser({ actor: admin, input: { userId, disabled: true } });
    expect(await me(before)).toMatchObject({ status: 401 });
    await updateCompanyUser({ actor: admin, input: { userId, disabled: false } });
    expect(await me(before)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await me(await asUser(email))).toMatchObject({ status: 200, email });
  });

  it('a session token from before session versions existed (no version claim) belongs to version 0', async () => {
    const email = 'officer@customs.example';
    const actor = await loadUserActor({ email });
    const legacy = { cookie: `next-auth.session-token=${await encode({ token: { sub: actor.userId, email }, secret: getAuthSecret() })}` };
    expect(await me(legacy)).toMatchObject({ status: 200, email });
    await server.graphql({ query: SIGN_OUT_EVERYWHERE }, legacy);
    expect(await me(legacy)).toMatchObject({ status: 401 });
  });
});
