// Drafts expire DRAFT_EXPIRY_DAYS after their last change: kept and readable, no longer editable or
// submittable; a notice comes DRAFT_EXPIRY_NOTICE_DAYS before (issue 20, "Drafts expire").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getPool } from '../../lib/db';
import { validImport } from '../declarations/fixtures';
import { asUser } from '../support/auth';
import { startTestServer, type TestServer } from './http-server';

let server: TestServer;
let TRADER: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  TRADER = await asUser('trader@rotterdam-importers.example');
});
afterAll(async () => {
  await server.app.close();
});

const CREATE = 'mutation($input: DeclarationInput!) { createDeclarationDraft(input: $input) { declaration { id lrn } } }';
const READ = 'query($id: ID!) { declaration(id: $id) { status draftExpiresAt draftExpired } }';
const age = (id: string, days: number) => getPool().query(`UPDATE declaration SET updated_at = now() - make_interval(days => $2) WHERE id = $1`, [id, days]);

async function draft() {
  const input = validImport();
  const { json } = await server.graphql({ query: CREATE, variables: { input } }, TRADER);
  return { id: json.data.createDeclarationDraft.declaration.id as string, input };
}

describe('draft expiry', () => {
  it('gives a fresh draft 30 days from its last change', async () => {
    const { id } = await draft();
    const d = (await server.graphql({ query: READ, variables: { id } }, TRADER)).json.data.declaration;
    expect(d.draftExpired).toBe(false);
    const days = (Date.parse(d.draftExpiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
  });

  it('keeps an expired draft read-only: no save, no submit, but readable and copyable', async () => {
    const { id, input } = await draft();
    await age(id, 31);
    const d = (await server.graphql({ query: READ, variables: { id } }, TRADER)).json.data.declaration;
    expect(d).toMatchObject({ status: 'DRAFT', draftExpired: true });

    const save = await server.graphql({ query: 'mutation($id: ID!, $input: DeclarationInput!) { updateDeclarationDraft(id: $id, input: $input) { declaration { id } userErrors { code message } } }', variables: { id, input } }, TRADER);
    expect(save.json.data.updateDeclarationDraft).toEqual({ declaration: null, userErrors: [{ code: 'CONFLICT', message: expect.stringContaining('expired') }] });
    const submit = await server.graphql({ query: 'mutation($id: ID!) { submitDeclaration(id: $id) { declaration { id } userErrors { code message } } }', variables: { id } }, TRADER);
    expect(submit.json.data.submitDeclaration.userErrors).toEqual([{ code: 'CONFLICT', message: expect.stringContaining('read-only') }]);
    const { rows } = await getPool().query('SELECT status::text FROM declaration WHERE id = $1', [id]);
    expect(rows[0].status).toBe('DRAFT');

    const copy = await server.graphql({ query: 'mutation($id: ID!) { copyDeclaration(id: $id, lrn: "REVIVED-1") { declaration { status draftExpired } userErrors { message } } }', variables: { id } }, TRADER);
    expect(copy.json.data.copyDeclaration.declaration).toEqual({ status: 'DRAFT', draftExpired: false });
  });

  it('has no expiry once submitted', async () => {
    const { id } = await draft();
    await server.graphql({ query: 'mutation($id: ID!) { submitDeclaration(id: $id) { declaration { id } } }', variables: { id } }, TRADER);
    await age(id, 400);
    const d = (await server.graphql({ query: READ, variables: { id } }, TRADER)).json.data.declaration;
    expect(d).toMatchObject({ draftExpiresAt: null, draftExpired: false });
  });
});
