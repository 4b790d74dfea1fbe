// Identity and access through the HTTP server: API tokens and their scopes, sessions, broker
// delegations, and object-level authorization by id guessing (OWASP API1), for each role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { revokeDelegation } from '../../lib/parties/revoke-delegation';
import { validImport } from '../declarations/fixtures';
import { asToken, asUser } from '../support/auth';
import { startTestServer, type TestServer } from './http-server';

let server: TestServer;
const H: Record<string, Record<string, string>> = {};
const EMAILS = {
  trader: 'trader@rotterdam-importers.example',
  clerk: 'clerk@rotterdam-importers.example',
  otherTrader: 'trader@kampala-trading.example',
  exporter: 'exports@bright-electronics.example',
  broker: 'broker@delta-brokers.example',
  officer: 'officer@customs.example',
  admin: 'admin@clearway.example',
};

beforeAll(async () => {
  server = await startTestServer();
  for (const [k, email] of Object.entries(EMAILS)) H[k] = await asUser(email);
});
afterAll(async () => {
  await server.app.close();
});

const CREATE = 'mutation($i: DeclarationInput!) { createDeclarationDraft(input: $i) { declaration { id status } userErrors { path code message } } }';
const SUBMIT = 'mutation($id: ID!) { submitDeclaration(id: $id) { declaration { id status } userErrors { message } } }';
const GET = 'query($id: ID!) { declaration(id: $id) { id lrn } }';
const LIST = '{ declarations(first: 100) { edges { node { id } } } }';

async function gql(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  return server.graphql({ query, variables }, headers);
}

async function createAs(headers: Record<string, string>, input = validImport()) {
  const { json } = await gql(CREATE, { i: input }, headers);
  return json;
}

describe('API tokens', () => {
  it('act for their company within their scopes, and are refused outside them with 403 naming the scope', async () => {
    const reader = await asToken(EMAILS.trader, ['declarations:read']);
    const me = await gql('{ me { email company { eori } token { name scopes } } }', {}, reader.headers);
    expect(me.json.data.me).toMatchObject({ email: EMAILS.trader, company: { eori: 'NL123456789' }, token: { scopes: ['declarations:read'] } });

    const mine = (await createAs(H.trader!)).data.createDeclarationDraft.declaration.id;
    const seen = await gql(GET, { id: mine }, reader.headers);
    expect(seen.json.data.declaration.id).toBe(mine);

    const refused = await gql(CREATE, { i: validImport() }, reader.headers);
    expect(refused.status).toBe(403);
    expect(refused.json.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', requiredScope: 'declarations:write' } });
    expect(refused.json.errors[0].message).toContain('declarations:write');
    const submit = await gql(SUBMIT, { id: mine }, reader.headers);
    expect(submit.status).toBe(403);

    // A tracking-only token reads no declarations.
    const tracker = await asToken(EMAILS.trader, ['tracking:read']);
    const none = await gql(GET, { id: mine }, tracker.headers);
    expect(none.status).toBe(403);
    expect(none.json.errors[0].extensions.requiredScope).toBe('declarations:read');
  });

  it('file and submit with declarations:write, recorded in the audit trail as the token', async () => {
    const writer = await asToken(EMAILS.trader, ['declarations:write']);
    const created = await createAs(writer.headers);
    const id = created.data.createDeclarationDraft.declaration.id;
    const submitted = await gql(SUBMIT, { id }, writer.headers);
    expect(submitted.json.data.submitDeclaration.declaration.status).not.toBe('DRAFT');
    const { rows } = await getPool().query(`SELECT action, token_id, ip FROM audit_event WHERE target_id = $1 ORDER BY id`, [id]);
    expect(rows.map((r) => r.action)).toEqual(['declaration.create_draft', 'declaration.submit']);
    expect(rows.every((r) => r.token_id === writer.id && r.ip)).toBe(true);
  });

  it('answer 401 when unknown, malformed, revoked or expired', async () => {
    const unknown = await gql('{ me { email } }', {}, { authorization: 'Bearer cw_live_doesnotexist000000000000000000' });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toContain('invalid_token');
    expect((await gql('{ me { email } }', {}, { authorization: 'Basic dXNlcjpwYXNz' })).status).toBe(401);

    const token = await asToken(EMAILS.trader, ['declarations:read']);
    expect((await gql('{ me { email } }', {}, token.headers)).status).toBe(200);
    const admin = await loadUserActor({ email: EMAILS.trader });
    const { revokeApiToken } = await import('../../lib/auth/revoke-api-token');
    await revokeApiToken({ actor: admin, id: token.id });
    const revoked = await gql('{ me { email } }', {}, token.headers);
    expect(revoked.status).toBe(401);
    expect(revoked.json.errors[0].message).toContain('revoked');

    const expiring = await asToken(EMAILS.trader, ['declarations:read'], { expiresAt: new Date(Date.now() + 60_000) });
    await getPool().query(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.id]);
    const expired = await gql('{ me { email } }', {}, expiring.headers);
    expect(expired.status).toBe(401);
    expect(expired.json.errors[0].message).toContain('expired');
  });

  it("are invisible and unchangeable to other companies' administrators", async () => {
    const token = await asToken(EMAILS.trader, ['declarations:read']);
    const { listApiTokens } = await import('../../lib/auth/list-api-tokens');
    const { revokeApiToken } = await import('../../lib/auth/revoke-api-token');
    const other = await loadUserActor({ email: EMAILS.otherTrader });
    expect((await listApiTokens({ actor: other })).map((t) => t.id)).not.toContain(token.id);
    await expect(revokeApiToken({ actor: other, id: token.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const clerk = await loadUserActor({ email: EMAILS.clerk });
    await expect(listApiTokens({ actor: clerk })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await gql('{ me { email } }', {}, token.headers)).status).toBe(200);
    // The listing never carries the secret or its hash.
    const own = await listApiTokens({ actor: await loadUserActor({ email: EMAILS.trader }) });
    expect(JSON.stringify(own)).not.toContain(token.secret);
    expect(own.every((t) => !('tokenHash' in t))).toBe(true);
  });

  it('cannot administer the company (tokens, users, delegations)', async () => {
    const token = await asToken(EMAILS.trader, ['declarations:read', 'declarations:write']);
    const delegations = await gql('{ delegations { id } }', {}, token.headers);
    expect(delegations.json.errors[0].extensions.code).toBe('FORBIDDEN');
    const audit = await gql('{ auditEvents { nodes { id } } }', {}, token.headers);
    expect(audit.json.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('rate limits', () => {
  it('answer 429 with Retry-After past the per-token limit', async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = '5';
    resetEnvCache();
    try {
      const token = await asToken(EMAILS.exporter, ['declarations:read']);
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 7; i++) {
        const r = await gql('{ me { email } }', {}, token.headers);
        statuses.push(r.status);
        retryAfter ??= r.headers.get('retry-after');
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    } finally {
      delete process.env.API_RATE_LIMIT_PER_MINUTE;
      resetEnvCache();
    }
  });
});

describe('sessions and CSRF', () => {
  it('refuses anonymous callers for private data but serves public reference data', async () => {
    const anon = await gql(LIST, {}, {});
    expect(anon.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const hs = await gql('{ hsCode(code: "0901") { code } }', {}, {});
    expect(hs.json.data.hsCode.code).toBe('0901');
  });

  it('refuses a cookie-authenticated POST that a cross-site form could send (no JSON content type)', async () => {
    const res = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...H.trader },
      body: JSON.stringify({ query: CREATE, variables: { i: validImport() } }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF|preflight/i);
  });
});

describe('broker delegation', () => {
  it('lets a broker file for a client with a valid grant, and stops it the moment the grant is revoked', async () => {
    const brokerMe = await gql('{ me { clients { client { eori } scope representation } } }', {}, H.broker!);
    expect(brokerMe.json.data.me.clients).toEqual([{ client: { eori: 'NL123456789' }, scope: 'ALL', representation: 'DIRECT' }]);

    const forClient = validImport({ representativeEori: 'NL987654321', representationStatus: 'DIRECT' });
    const filed = await createAs(H.broker!, forClient);
    const id = filed.data.createDeclarationDraft.declaration.id;
    expect(id).toBeTruthy();
    // The client sees what the broker filed for it; the broker sees it in its queue.
    expect((await gql(GET, { id }, H.trader!)).json.data.declaration.id).toBe(id);
    expect((await gql(LIST, {}, H.broker!)).json.data.declarations.edges.map((e: any) => e.node.id)).toContain(id);

    // Wrong representation kind, or a client that gave no power of representation: field errors, nothing stored.
    const indirect = await createAs(H.broker!, validImport({ representativeEori: 'NL987654321', representationStatus: 'INDIRECT' }));
    // An authorization failure (FORBIDDEN) that still says which field to change.
    expect(indirect.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', fieldErrors: [{ path: ['representationStatus'], code: 'MISMATCH' }] });
    const noGrant = await createAs(H.broker!, validImport({ importerEori: 'UG100200300', representativeEori: 'NL987654321', representationStatus: 'DIRECT' }));
    expect(noGrant.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', fieldErrors: [{ path: ['importerEori'], code: 'NOT_ALLOWED' }] });

    const client = await loadUserActor({ email: EMAILS.trader });
    const { rows } = await getPool().query(`SELECT id FROM delegation WHERE client_id = $1 AND revoked_at IS NULL`, [client.companyId]);
    await revokeDelegation({ actor: client, id: rows[0].id });

    expect((await gql(GET, { id }, H.broker!)).json.data.declaration).toBeNull();
    expect((await gql(LIST, {}, H.broker!)).json.data.declarations.edges).toEqual([]);
    const submit = await gql(SUBMIT, { id }, H.broker!);
    expect(submit.json.data?.submitDeclaration?.declaration ?? null).toBeNull();
    // What the broker filed stays with the client.
    expect((await gql(GET, { id }, H.trader!)).json.data.declaration.id).toBe(id);
    const again = await createAs(H.broker!, forClient);
    expect(again.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', fieldErrors: [{ code: 'NOT_ALLOWED' }] });
    const rowsFiled = await getPool().query(`SELECT count(*)::int AS n FROM declaration WHERE declarant_id = (SELECT id FROM company WHERE eori = 'NL987654321')`);
    expect(rowsFiled.rows[0].n).toBe(1);
  });
});

describe('object-level authorization (id guessing)', () => {
  it("hides one company's declaration from every other company, token and role, and refuses their changes", async () => {
    const id = (await createAs(H.trader!)).data.createDeclarationDraft.declaration.id;
    const otherToken = await asToken(EMAILS.otherTrader, ['declarations:read', 'declarations:write']);
    const strangers = { otherTrader: H.otherTrader!, broker: H.broker!, otherToken: otherToken.headers };
    // The broker holds a grant from Rotterdam, but is no party to this declaration: still invisible.
    for (const [who, headers] of Object.entries(strangers)) {
      expect((await gql(GET, { id }, headers)).json.data.declaration, who).toBeNull();
      expect((await gql(LIST, {}, headers)).json.data.declarations.edges.map((e: any) => e.node.id), who).not.toContain(id);
      const submit = await gql(SUBMIT, { id }, headers);
      const error = submit.json.data?.submitDeclaration?.userErrors?.[0]?.message ?? submit.json.errors?.[0]?.message;
      expect(error, who).toMatch(/No declaration .* that you can see/);
    }
    // Colleagues and officials see the draft; the exporter named on it only once submitted; only the declarant's staff change it.
    for (const who of ['clerk', 'officer', 'admin']) expect((await gql(GET, { id }, H[who]!)).json.data.declaration?.id, who).toBe(id);
    expect((await gql(GET, { id }, H.exporter!)).json.data.declaration).toBeNull();
    const byExporter = await gql(SUBMIT, { id }, H.exporter!);
    expect(byExporter.json.data?.submitDeclaration?.userErrors?.[0]?.message ?? byExporter.json.errors?.[0]?.message).toMatch(/No declaration .* that you can see/);
    const byOfficer = await gql(SUBMIT, { id }, H.officer!);
    expect(byOfficer.json.data?.submitDeclaration?.userErrors?.[0]?.message ?? byOfficer.json.errors?.[0]?.message).toMatch(/Only the declarant/);
    // An officer-only mutation by a trader.
    const release = await gql('mutation($id: ID!) { releaseDeclaration(id: $id) { declaration { id } userErrors { message } } }', { id }, H.trader!);
    expect(release.json.data?.releaseDeclaration?.userErrors?.[0]?.message ?? release.json.errors?.[0]?.message).toMatch(/Only customs officers/);
  });

  it("shows a company's audit trail to its administrator only, and everything to officers", async () => {
    const own = await gql('{ auditEvents(first: 200) { nodes { companyId action } } }', {}, H.trader!);
    const trader = await loadUserActor({ email: EMAILS.trader });
    expect(own.json.data.auditEvents.nodes.length).toBeGreaterThan(0);
    expect(own.json.data.auditEvents.nodes.every((e: any) => e.companyId === trader.companyId)).toBe(true);
    expect((await gql('{ auditEvents { nodes { id } } }', {}, H.otherTrader!)).json.data.auditEvents.nodes.every(() => true)).toBe(true);
    const clerk = await gql('{ auditEvents { nodes { id } } }', {}, H.clerk!);
    expect(clerk.json.errors[0].extensions.code).toBe('FORBIDDEN');
    const officer = await gql('{ auditEvents(first: 200) { nodes { companyId } } }', {}, H.officer!);
    expect(new Set(officer.json.data.auditEvents.nodes.map((e: any) => e.companyId)).size).toBeGreaterThan(1);
  });
});
