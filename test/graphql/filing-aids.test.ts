// Copying, templates, code lists and party suggestions through the real server (issue 20, "Filing fast").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { validImport } from '../declarations/fixtures';
import { asUser } from '../support/auth';
import { startTestServer, type TestServer } from './http-server';

let server: TestServer;
let TRADER: Record<string, string>;
let STRANGER: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  TRADER = await asUser('trader@rotterdam-importers.example');
  STRANGER = await asUser('trader@kampala-trading.example');
});
afterAll(async () => {
  await server.app.close();
});

const FIELDS = 'id lrn status procedureCode incotermPlace importer { eori } items { commodityCode packageKind netMass supplementaryUnit } containers { containerNumber seals }';
const CREATE = `mutation($input: DeclarationInput!) { createDeclarationDraft(input: $input) { declaration { ${FIELDS} } userErrors { path code message } } }`;
const COPY = `mutation($id: ID!, $lrn: String!) { copyDeclaration(id: $id, lrn: $lrn) { declaration { ${FIELDS} } userErrors { path code message } } }`;
const SAVE = `mutation($name: String!, $input: DeclarationInput, $from: ID) { saveDeclarationTemplate(name: $name, input: $input, fromDeclarationId: $from) {
  template { id name body problems { path code message } } userErrors { path code message } } }`;

async function draft(headers = TRADER, overrides = {}) {
  const { json } = await server.graphql({ query: CREATE, variables: { input: validImport(overrides) } }, headers);
  expect(json.data.createDeclarationDraft.userErrors).toEqual([]);
  return json.data.createDeclarationDraft.declaration;
}

describe('copyDeclaration', () => {
  it('files a new draft under the new LRN with everything else kept', async () => {
    const source = await draft();
    const { json } = await server.graphql({ query: COPY, variables: { id: source.id, lrn: 'COPY-1' } }, TRADER);
    const copy = json.data.copyDeclaration;
    expect(copy.userErrors).toEqual([]);
    expect(copy.declaration.id).not.toBe(source.id);
    const { id: _a, lrn: _b, ...kept } = source;
    const { id: _c, lrn, ...copied } = copy.declaration;
    expect(lrn).toBe('COPY-1');
    expect(copied).toEqual(kept);
    expect(copy.declaration.status).toBe('DRAFT');
  });

  it('answers a taken LRN in userErrors and stores nothing', async () => {
    const source = await draft();
    const { json } = await server.graphql({ query: COPY, variables: { id: source.id, lrn: source.lrn } }, TRADER);
    expect(json.data.copyDeclaration).toEqual({ declaration: null, userErrors: [expect.objectContaining({ path: ['lrn'], code: 'DUPLICATE' })] });
  });

  it('answers NOT_FOUND for a declaration the caller may not see, as for one that does not exist', async () => {
    const theirs = await draft(STRANGER, { importerEori: 'UG100200300', exporterEori: 'CN440300123456789' });
    for (const id of [theirs.id, '00000000-0000-0000-0000-000000000000', 'not-an-id']) {
      const { json } = await server.graphql({ query: COPY, variables: { id, lrn: 'STOLEN-1' } }, TRADER);
      expect(json.errors?.[0]?.extensions?.code, id).toBe('NOT_FOUND');
      expect(json.data?.copyDeclaration ?? null).toBeNull();
    }
    const { json } = await server.graphql({ query: '{ declaration(lrn: "STOLEN-1") { id } }' }, TRADER);
    expect(json.data.declaration).toBeNull();
  });
});

describe('declaration templates', () => {
  it('keeps a template with invalid and unlisted codes, and flags them when it is used', async () => {
    const input = validImport({ procedureCode: '40', incotermPlace: 'XXZZZ' });
    input.items![0] = { ...input.items![0]!, packageKind: 'QQ' };
    const { json } = await server.graphql({ query: SAVE, variables: { name: 'Coffee from Shenzhen', input } }, TRADER);
    const saved = json.data.saveDeclarationTemplate;
    expect(saved.userErrors).toEqual([]);
    expect(JSON.parse(saved.template.body)).toMatchObject({ procedureCode: '40', incotermPlace: 'XXZZZ' });
    expect(JSON.parse(saved.template.body).lrn).toBeUndefined();

    const list = (await server.graphql({ query: '{ declarationTemplates { name problems { path code message } } }' }, TRADER)).json.data.declarationTemplates;
    const problems = list.find((t: { name: string }) => t.name === 'Coffee from Shenzhen').problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['procedureCode'], code: 'INVALID' }),
        expect.objectContaining({ path: ['incotermPlace'], code: 'UNKNOWN' }),
        expect.objectContaining({ path: ['items', '0', 'packageKind'], code: 'UNKNOWN' }),
      ]),
    );
    // Filing it as it is: the server refuses the invalid code with the same field.
    const filed = (await server.graphql({ query: CREATE, variables: { input: { ...JSON.parse(saved.template.body), lrn: 'FROM-TEMPLATE-1' } } }, TRADER)).json.data.createDeclarationDraft;
    expect(filed.userErrors).toEqual([expect.objectContaining({ path: ['procedureCode'] })]);
  });

  it('saves from a declaration, replaces by name, and is private to the company', async () => {
    const source = await draft();
    const first = (await server.graphql({ query: SAVE, variables: { name: 'Weekly laptops', from: source.id } }, TRADER)).json.data.saveDeclarationTemplate;
    expect(first.template.problems).toEqual([]);
    const again = (await server.graphql({ query: SAVE, variables: { name: 'Weekly laptops', from: source.id } }, TRADER)).json.data.saveDeclarationTemplate;
    expect(again.template.id).toBe(first.template.id);
    const theirs = (await server.graphql({ query: '{ declarationTemplates { name } }' }, STRANGER)).json.data.declarationTemplates;
    expect(theirs.map((t: { name: string }) => t.name)).not.toContain('Weekly laptops');
    const stolen = await server.graphql({ query: SAVE, variables: { name: 'Theirs', from: source.id } }, STRANGER);
    expect(stolen.json.errors[0].extensions.code).toBe('NOT_FOUND');
    const empty = (await server.graphql({ query: SAVE, variables: { name: ' ', from: source.id } }, TRADER)).json.data.saveDeclarationTemplate;
    expect(empty.userErrors).toEqual([expect.objectContaining({ path: ['name'], code: 'REQUIRED' })]);
  });
});

describe('code lists and parties', () => {
  it('searches a list by code and by name, names its source, and refuses an unknown list by field', async () => {
    const q = 'query($n: String!, $s: String) { codeList(name: $n, search: $s, first: 5) { title source version complete totalCount entries { code name } } }';
    const byName = (await server.graphql({ query: q, variables: { n: 'packageKinds', s: 'carton' } })).json.data.codeList;
    expect(byName.entries).toEqual([{ code: 'CT', name: 'Carton' }]);
    expect(byName.source).toContain('Recommendation No. 21');
    const byCode = (await server.graphql({ query: q, variables: { n: 'places', s: 'NLRTM' } })).json.data.codeList;
    expect(byCode.entries[0]).toEqual({ code: 'NLRTM', name: 'Rotterdam, NL' });
    const incoterms = (await server.graphql({ query: q, variables: { n: 'incoterms' } })).json.data.codeList;
    expect(incoterms).toMatchObject({ complete: true, totalCount: 11 });
    const unknown = await server.graphql({ query: q, variables: { n: 'colours' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [expect.objectContaining({ path: ['name'], code: 'UNKNOWN' })] });
  });

  it('suggests the own company to a trader, with its name', async () => {
    const { json } = await server.graphql({ query: '{ partySuggestions { eori name relation } }' }, TRADER);
    expect(json.data.partySuggestions[0]).toMatchObject({ eori: 'NL123456789', relation: 'OWN' });
    expect(json.data.partySuggestions[0].name).toBeTruthy();
    const broker = await asUser('broker@delta-brokers.example');
    const theirs = (await server.graphql({ query: '{ partySuggestions { eori relation } }' }, broker)).json.data.partySuggestions;
    expect(theirs).toEqual([{ eori: 'NL987654321', relation: 'OWN' }, { eori: 'NL123456789', relation: 'ALL' }]);
  });
});
