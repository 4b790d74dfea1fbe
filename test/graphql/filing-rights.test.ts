// Who may file in whose name, and what the other parties then see (issue 12, items 1 and 8), through the
// product's HTTP server: a trader names as importer (exporter of an export) only its own company; a
// counterparty named on a declaration sees it once submitted, without documents, queries or risk details.
import { describe, expect, it } from 'vitest';

import { getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { validImport } from '../declarations/fixtures';
import { pdf, setTemporaryBlobDir } from '../documents/helpers';
import { serveSignedIn } from './http-server';

setTemporaryBlobDir();
resetEnvCache();

const EMAILS = {
  trader: 'trader@rotterdam-importers.example',
  exporter: 'exports@bright-electronics.example',
  victim: 'trader@kampala-trading.example',
  broker: 'broker@delta-brokers.example',
  officer: 'officer@customs.example',
};
const { server, H } = serveSignedIn(EMAILS);

async function gql(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  return (await server.graphql({ query, variables }, headers)).json;
}

const CREATE = 'mutation($i: DeclarationInput!) { createDeclarationDraft(input: $i) { declaration { id } userErrors { path code message } } }';
const UPDATE = 'mutation($id: ID!, $i: DeclarationInput!) { updateDeclarationDraft(id: $id, input: $i) { declaration { id } userErrors { path code message } } }';
const SUBMIT = 'mutation($id: ID!) { submitDeclaration(id: $id) { declaration { id status } userErrors { path code message } } }';
const AMEND = 'mutation($id: ID!, $i: DeclarationInput!) { amendDeclaration(id: $id, input: $i, reason: "Correction") { declaration { id } userErrors { path code message } } }';
const GET = 'query($id: ID!) { declaration(id: $id) { id status lane riskScore riskFindings { ruleKey weight reason } statusHistory { to reason } queries { question } documents { id } } }';
const LIST = '{ declarations(first: 100) { edges { node { id } } } }';
const ATTACH = 'mutation($d: ID!, $i: AttachDocumentInput!) { attachDocument(declarationId: $d, input: $i) { document { id } userErrors { path code message } } }';

const errorOf = (json: any, field: string) => json.errors?.[0] ?? { message: json.data?.[field]?.userErrors?.[0]?.message };
const declarationsNaming = async (eori: string) =>
  (await getPool().query(`SELECT count(*)::int AS n FROM declaration d JOIN company c ON c.id = d.importer_id WHERE c.eori = $1`, [eori])).rows[0].n as number;

async function create(input = validImport(), headers = H.trader!): Promise<string> {
  const json = await gql(CREATE, { i: input }, headers);
  expect(json.errors).toBeUndefined();
  return json.data.createDeclarationDraft.declaration.id;
}

/** A draft of Rotterdam's that names Kampala as importer, as the old rule let it be made. */
async function foreignDraft(): Promise<string> {
  const id = await create();
  await getPool().query(`UPDATE declaration SET importer_id = (SELECT id FROM company WHERE eori = 'UG100200300') WHERE id = $1`, [id]);
  return id;
}

describe('filing in another company’s name', () => {
  it('refuses a trader naming another company as importer, with the field named, and stores nothing', async () => {
    const before = await declarationsNaming('UG100200300');
    const json = await gql(CREATE, { i: validImport({ importerEori: 'UG100200300' }) }, H.trader!);
    expect(json.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', fieldErrors: [{ path: ['importerEori'], code: 'NOT_ALLOWED' }] });
    expect(await declarationsNaming('UG100200300')).toBe(before);
    // The company named never sees it.
    expect((await gql(LIST, {}, H.victim!)).data.declarations.edges).toEqual([]);
  });

  it('refuses a trader naming another company as the exporter of an export', async () => {
    const json = await gql(CREATE, { i: validImport({ type: 'EX', exporterEori: 'UG100200300', importerEori: 'NL123456789' }) }, H.trader!);
    expect(json.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', fieldErrors: [{ path: ['exporterEori'], code: 'NOT_ALLOWED' }] });
  });

  it('refuses moving a draft, or amending a submitted declaration, into another company’s name', async () => {
    const draft = await create();
    const saved = await gql(UPDATE, { id: draft, i: validImport({ importerEori: 'UG100200300' }) }, H.trader!);
    expect(saved.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', fieldErrors: [{ path: ['importerEori'], code: 'NOT_ALLOWED' }] });

    const input = validImport();
    const submitted = await create(input);
    expect((await gql(SUBMIT, { id: submitted }, H.trader!)).data.submitDeclaration.userErrors).toEqual([]);
    const amended = await gql(AMEND, { id: submitted, i: { ...input, importerEori: 'UG100200300' } }, H.trader!);
    expect(amended.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', fieldErrors: [{ path: ['importerEori'], code: 'NOT_ALLOWED' }] });
    const { rows } = await getPool().query(`SELECT c.eori, d.version FROM declaration d JOIN company c ON c.id = d.importer_id WHERE d.id = ANY($1::uuid[]) ORDER BY d.created_at`, [[draft, submitted]]);
    expect(rows).toEqual([{ eori: 'NL123456789', version: 1 }, { eori: 'NL123456789', version: 1 }]);
  });

  it('refuses submitting, and attaching documents to, a draft that names another company', async () => {
    const id = await foreignDraft();
    const submit = await gql(SUBMIT, { id }, H.trader!);
    expect(errorOf(submit, 'submitDeclaration').message).toMatch(/only in its own name/);
    expect((await getPool().query(`SELECT status::text FROM declaration WHERE id = $1`, [id])).rows[0].status).toBe('DRAFT');

    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdf())], { type: 'application/pdf' }), 'invoice.pdf');
    const uploaded = await (await fetch(`${server.url}/api/documents`, { method: 'POST', body: form, headers: H.trader! })).json();
    const attach = await gql(ATTACH, { d: id, i: { uploadId: uploaded.uploadId, type: 'COMMERCIAL_INVOICE', reference: 'INV-1' } }, H.trader!);
    expect(errorOf(attach, 'attachDocument').message).toMatch(/Only the declarant company/);
    expect((await getPool().query(`SELECT count(*)::int AS n FROM document WHERE declaration_id = $1`, [id])).rows[0].n).toBe(0);
  });

  it('still lets a broker file for a client that granted it power of representation', async () => {
    const json = await gql(CREATE, { i: validImport({ representativeEori: 'NL987654321', representationStatus: 'DIRECT' }) }, H.broker!);
    expect(json.errors).toBeUndefined();
    expect(json.data.createDeclarationDraft.declaration.id).toBeTruthy();
  });
});

describe('the counterparty named on a declaration', () => {
  it('does not see drafts; sees it once submitted, without documents, queries or reasons', async () => {
    const id = await create();
    expect((await gql(GET, { id }, H.exporter!)).data.declaration).toBeNull();
    expect((await gql(LIST, {}, H.exporter!)).data.declarations.edges.map((e: any) => e.node.id)).not.toContain(id);
    expect(errorOf(await gql(SUBMIT, { id }, H.exporter!), 'submitDeclaration').message).toMatch(/No declaration .* that you can see/);

    await gql(SUBMIT, { id }, H.trader!);
    await gql('mutation($id: ID!) { raiseQuery(id: $id, question: "Show the origin certificate.") { declaration { id } } }', { id }, H.officer!);
    const seen = (await gql(GET, { id }, H.exporter!)).data.declaration;
    expect(seen).toMatchObject({ id, status: 'QUERY', queries: [], documents: [] });
    expect(seen.statusHistory.every((h: any) => h.reason === null)).toBe(true);
    expect((await gql(LIST, {}, H.exporter!)).data.declarations.edges.map((e: any) => e.node.id)).toContain(id);
    // The filer sees the query it must answer.
    expect((await gql(GET, { id }, H.trader!)).data.declaration.queries).toEqual([{ question: 'Show the origin certificate.' }]);
  });
});

describe('risk details', () => {
  it('are shown to officers only: filers and counterparties see the lane, not scores, rules or findings', async () => {
    const input = validImport();
    input.items = input.items!.map((i) => ({ ...i, originCountry: 'KP' }));
    const id = await create(input);
    await gql(SUBMIT, { id }, H.trader!);

    const officer = (await gql(GET, { id }, H.officer!)).data.declaration;
    expect(officer.lane).toBe('RED');
    expect(officer.riskScore).toBeGreaterThan(0);
    expect(officer.riskFindings.map((f: any) => f.ruleKey)).toContain('watchlist-origin');
    expect(officer.statusHistory.find((h: any) => h.to === 'RISK_ASSESSED').reason).toMatch(/score \d+/);

    for (const who of ['trader', 'exporter'] as const) {
      const d = (await gql(GET, { id }, H[who]!)).data.declaration;
      expect(d, who).toMatchObject({ lane: 'RED', riskScore: null, riskFindings: [] });
      expect(JSON.stringify(d.statusHistory), who).not.toMatch(/score/);
    }
    const trader = (await gql(GET, { id }, H.trader!)).data.declaration;
    expect(trader.statusHistory.find((h: any) => h.to === 'RISK_ASSESSED').reason).toBe('Lane RED');

    // Sorting by score would reveal the order of the scores.
    const sorted = await gql('{ declarations(orderBy: RISK_SCORE_DESC) { edges { node { id } } } }', {}, H.trader!);
    expect(sorted.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
