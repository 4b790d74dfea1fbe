import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { validImport } from '../declarations/fixtures';
import { asUser } from '../support/auth';
import { startTestServer, type TestServer } from './http-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  TRADER = await asUser('trader@rotterdam-importers.example');
  OFFICER = await asUser('officer@customs.example');
  STRANGER = await asUser('trader@kampala-trading.example');
});
afterAll(async () => {
  await server.app.close();
});

let TRADER: Record<string, string>;
let OFFICER: Record<string, string>;
let STRANGER: Record<string, string>;

const FIELDS = `id lrn mrn status version invoiceAmount declarant { eori } importer { eori name } exporter { eori }
  containers { containerNumber seals } items { sequence commodityCode netMass itemPrice customsValue }
  statusHistory { from to actorEmail reason } versions { version sha256 }`;
const CREATE = `mutation($input: DeclarationInput!) { createDeclarationDraft(input: $input) { declaration { ${FIELDS} } userErrors { path code message } replayed } }`;
const SUBMIT = `mutation($id: ID!, $key: String) { submitDeclaration(id: $id, idempotencyKey: $key) { declaration { ${FIELDS} } userErrors { path code message } replayed } }`;

async function createDraft(input = validImport(), headers = TRADER) {
  const { json } = await server.graphql({ query: CREATE, variables: { input } }, headers);
  expect(json.errors).toBeUndefined();
  return json.data.createDeclarationDraft;
}

describe('declarations over GraphQL', () => {
  it('files a draft and submits it; a retry with the same key returns the first result', async () => {
    const draft = await createDraft();
    expect(draft.userErrors).toEqual([]);
    expect(draft.declaration).toMatchObject({ status: 'DRAFT', mrn: null, invoiceAmount: '12000', declarant: { eori: 'NL123456789' }, importer: { eori: 'NL123456789' } });
    expect(draft.declaration.items[1]).toMatchObject({ sequence: 2, commodityCode: '09012100', netMass: '950', customsValue: null });

    const key = crypto.randomUUID();
    const first = (await server.graphql({ query: SUBMIT, variables: { id: draft.declaration.id, key } }, TRADER)).json.data.submitDeclaration;
    expect(first.userErrors).toEqual([]);
    expect(first.replayed).toBe(false);
    expect(first.declaration).toMatchObject({ status: 'DUTY_ASSESSED', mrn: expect.stringMatching(/^\d{2}NL[A-Z0-9]{13}\d$/), version: 1 });
    expect(first.declaration.items.map((i: { customsValue: string }) => i.customsValue)).toEqual(['8859.6', '2953.2']);
    expect(first.declaration.statusHistory.map((s: { to: string }) => s.to)).toEqual(['DRAFT', 'SUBMITTED', 'ACCEPTED', 'RISK_ASSESSED', 'DUTY_ASSESSED']);
    expect(first.declaration.statusHistory[1].actorEmail).toBe('trader@rotterdam-importers.example');
    expect(first.declaration.versions).toEqual([{ version: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);

    const retry = (await server.graphql({ query: SUBMIT, variables: { id: draft.declaration.id, key } }, TRADER)).json.data.submitDeclaration;
    expect(retry.replayed).toBe(true);
    expect(retry.declaration.mrn).toBe(first.declaration.mrn);
    expect(retry.declaration.versions).toHaveLength(1);
  });

  it('returns field-level userErrors for bad input and stores nothing', async () => {
    const input = validImport({ containers: [{ containerNumber: 'CSQU3054384' }], invoiceCurrency: 'ZZZ' });
    input.items![0] = { ...input.items![0]!, netMass: '2000' };
    const result = await createDraft(input);
    expect(result.declaration).toBeNull();
    expect(result.userErrors).toEqual(
      expect.arrayContaining([
        { path: ['containers', '0', 'containerNumber'], code: 'INVALID', message: 'Check digit should be 3, not 4: is a character mistyped?' },
        expect.objectContaining({ path: ['invoiceCurrency'] }),
        expect.objectContaining({ path: ['items', '0', 'netMass'], message: 'Net mass (2000 kg) cannot exceed gross mass (1500 kg).' }),
      ]),
    );
    const { json } = await server.graphql({ query: '{ declaration(lrn: $lrn) { id } }'.replace('$lrn', JSON.stringify(input.lrn)) }, TRADER);
    expect(json.data.declaration).toBeNull();
  });

  it('refuses the ISO 4217 codes that name no currency (XXX, XAU, XTS) as the invoice currency', async () => {
    for (const code of ['XXX', 'XAU', 'XTS']) {
      const result = await createDraft(validImport({ invoiceCurrency: code }));
      expect(result.declaration, code).toBeNull();
      expect(result.userErrors).toEqual([expect.objectContaining({ path: ['invoiceCurrency'], message: expect.stringContaining(`${code} is an ISO 4217 code for no currency`) })]);
    }
  });

  it('reports an illegal transition as a userError and a trader deciding as FORBIDDEN', async () => {
    const draft = await createDraft();
    const release = `mutation($id: ID!) { releaseDeclaration(id: $id) { declaration { status } userErrors { code message } } }`;
    const asOfficer = await server.graphql({ query: release, variables: { id: draft.declaration.id } }, OFFICER);
    expect(asOfficer.json.data.releaseDeclaration.userErrors).toEqual([{ code: 'CONFLICT', message: 'A DRAFT declaration cannot become RELEASED. From DRAFT it can become: SUBMITTED.' }]);
    const asTrader = await server.graphql({ query: release, variables: { id: draft.declaration.id } }, TRADER);
    expect(asTrader.json.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('lets an officer reject with a reason that the filer then sees', async () => {
    const draft = await createDraft();
    await server.graphql({ query: SUBMIT, variables: { id: draft.declaration.id } }, TRADER);
    const reject = `mutation($id: ID!, $reason: String!) { rejectDeclaration(id: $id, reason: $reason) { declaration { status } userErrors { message } } }`;
    const { json } = await server.graphql({ query: reject, variables: { id: draft.declaration.id, reason: 'Wrong procedure code.' } }, OFFICER);
    expect(json.data.rejectDeclaration).toEqual({ declaration: { status: 'REJECTED' }, userErrors: [] });
    const seen = await server.graphql({ query: `{ declaration(id: "${draft.declaration.id}") { status statusHistory { to reason actorEmail } } }` }, TRADER);
    expect(seen.json.data.declaration.statusHistory.at(-1)).toEqual({ to: 'REJECTED', reason: 'Wrong procedure code.', actorEmail: 'officer@customs.example' });
  });

  it("keeps other companies' declarations invisible", async () => {
    const draft = await createDraft();
    const { json } = await server.graphql({ query: `{ declaration(id: "${draft.declaration.id}") { id } }` }, STRANGER);
    expect(json.data.declaration).toBeNull();
    const list = await server.graphql({ query: `{ declarations(filter: { text: "${draft.declaration.lrn}" }) { totalCount } }` }, STRANGER);
    expect(list.json.data.declarations.totalCount).toBe(0);
    const update = await server.graphql(
      { query: `mutation($id: ID!, $input: DeclarationInput!) { updateDeclarationDraft(id: $id, input: $input) { userErrors { message } } }`, variables: { id: draft.declaration.id, input: validImport() } },
      STRANGER,
    );
    expect(update.json.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('lists with filters, sorting and pages', async () => {
    const lrns: string[] = [];
    for (let i = 0; i < 5; i++) lrns.push((await createDraft(validImport({ lrn: `PAGE-${Date.now()}-${i}` }))).declaration.lrn);
    const query = `query($after: String) { declarations(filter: { status: [DRAFT], text: "PAGE-" }, orderBy: CREATED_AT_ASC, first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { lrn } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { json } = await server.graphql({ query, variables: { after } }, TRADER);
      const page: { edges: { node: { lrn: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = json.data.declarations;
      seen.push(...page.edges.map((e) => e.node.lrn));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen.filter((l) => lrns.includes(l))).toEqual(lrns);
    const byHs = await server.graphql({ query: `{ declarations(filter: { hsCode: "8471", text: "${lrns[0]}" }) { totalCount } }` }, TRADER);
    expect(byHs.json.data.declarations.totalCount).toBe(1);
    const bad = await server.graphql({ query: `{ declarations(first: 0) { totalCount } }` }, TRADER);
    expect(bad.json.errors[0].extensions.fieldErrors[0].path).toEqual(['first']);
  });

  it('names the signed-in user, and refuses anonymous callers and forged sessions', async () => {
    const { json } = await server.graphql({ query: '{ me { email role company { eori } } }' }, OFFICER);
    expect(json.data.me).toEqual({ email: 'officer@customs.example', role: 'OFFICER', company: null });
    const anonymous = await server.graphql({ query: '{ me { email } }' });
    expect(anonymous.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // The old demo header names nobody any more.
    const header = await server.graphql({ query: '{ me { email } }' }, { 'x-demo-user': 'officer@customs.example' });
    expect(header.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const forged = await server.graphql({ query: '{ me { email } }' }, { cookie: 'next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..forged' });
    expect(forged.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
