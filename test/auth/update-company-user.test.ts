// Disabling a colleague or removing their administrator rights ends the authority of the API tokens they
// created (issue 12, item 10): the tokens are revoked in the same transaction, audited, and stop at once
// through the HTTP server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { updateCompanyUser } from '../../lib/auth/update-company-user';
import { getPool } from '../../lib/db';
import { startTestServer, type TestServer } from '../graphql/http-server';
import { asToken } from '../support/auth';

const ADMIN = 'trader@rotterdam-importers.example';
const CLERK = 'clerk@rotterdam-importers.example';
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.app.close();
});

const me = async (headers: Record<string, string>) => (await server.graphql({ query: '{ me { email } }' }, headers)).status;

async function clerkWithToken(): Promise<{ userId: string; token: Awaited<ReturnType<typeof asToken>> }> {
  const admin = await loadUserActor({ email: ADMIN });
  const clerk = await loadUserActor({ email: CLERK });
  await updateCompanyUser({ actor: admin, input: { userId: clerk.userId, disabled: false, isCompanyAdmin: true } });
  const token = await asToken(CLERK, ['declarations:read']);
  expect(await me(token.headers)).toBe(200);
  return { userId: clerk.userId, token };
}

describe('updateCompanyUser', () => {
  it('revokes the tokens a user created when the user is disabled, and audits it', async () => {
    const { userId, token } = await clerkWithToken();
    const admin = await loadUserActor({ email: ADMIN });
    const other = await asToken(ADMIN, ['declarations:read']);

    await expect(updateCompanyUser({ actor: admin, input: { userId, disabled: true } })).resolves.toEqual({ revokedTokens: 1 });
    expect(await me(token.headers)).toBe(401);
    // The administrator's own tokens are untouched.
    expect(await me(other.headers)).toBe(200);
    const audit = await getPool().query(`SELECT details FROM audit_event WHERE action = 'api_token.revoke' AND target_id = $1`, [token.id]);
    expect(audit.rows).toEqual([{ details: { reason: 'creator_disabled', userId } }]);

    // Enabling again does not revive them.
    await expect(updateCompanyUser({ actor: admin, input: { userId, disabled: false } })).resolves.toEqual({ revokedTokens: 0 });
    expect(await me(token.headers)).toBe(401);
  });

  it('revokes them when the user loses administrator rights', async () => {
    const { userId, token } = await clerkWithToken();
    const admin = await loadUserActor({ email: ADMIN });
    await expect(updateCompanyUser({ actor: admin, input: { userId, isCompanyAdmin: false } })).resolves.toEqual({ revokedTokens: 1 });
    expect(await me(token.headers)).toBe(401);
    const { rows } = await getPool().query(`SELECT count(*)::int AS n FROM api_token WHERE created_by_id = $1 AND revoked_at IS NULL`, [userId]);
    expect(rows[0].n).toBe(0);
  });
});
