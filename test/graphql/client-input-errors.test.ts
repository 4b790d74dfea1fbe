// Client input errors through the HTTP server: whatever a client sends wrong (a tampered cursor, a NUL
// character, a document over the token limit) is a 4xx answer with a code, the field where there is
// one and the request id, and no error-level log line. And one rule for refusals: a role refusal and a
// scope refusal both answer 403 FORBIDDEN (docs/graphql.md).
import { Writable } from 'node:stream';

import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { asToken, asUser } from '../support/auth';
import { startTestServer, type TestServer } from './http-server';

let server: TestServer;
let logged: { level: number; msg: string }[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) logged.push(JSON.parse(line));
    done();
  },
});
let trader: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({ logger: pino({ level: 'info' }, sink) });
  trader = await asUser('trader@rotterdam-importers.example');
});
afterAll(async () => {
  await server.app.close();
});
beforeEach(() => {
  logged = [];
});

const cursor = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const errorLines = () => logged.filter((l) => l.level >= 50);

/** A refused client request: 4xx, the code, the request id (in the body and the header), nothing logged as an error. */
function expectClientError(res: Awaited<ReturnType<TestServer['graphql']>>, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.json.errors[0].extensions).toMatchObject({ code, requestId: res.headers.get('x-request-id') });
  expect(errorLines()).toEqual([]);
}

describe('tampered pagination cursors', () => {
  it.each([
    ['declarations, a cursor of the right list with a damaged key', '{ declarations(after: $a) { totalCount } }', cursor('declarations:not-a-date|x|')],
    ['declarations, an impossible date', '{ declarations(after: $a) { totalCount } }', cursor('declarations:2026-13-45T99:00:00.000Z|00000000-0000-4000-a000-000000000000|')],
    ['shipments', '{ shipments(after: $a) { totalCount } }', cursor('shipments:yesterday|not-a-uuid')],
    ['the audit trail', '{ auditEvents(after: $a) { nodes { id } } }', cursor('audit:12abc')],
    ['HS codes, anonymously, with a NUL in the key', '{ hsCodes(after: $a) { totalCount } }', cursor('hs:09\u0000')],
  ])('%s: 400 BAD_USER_INPUT naming `after`', async (_name, body, after) => {
    const query = `query($a: String) ${body}`;
    const headers = body.includes('hsCodes') ? {} : trader;
    const res = await server.graphql({ query, variables: { a: after } }, headers);
    expectClientError(res, 400, 'BAD_USER_INPUT');
    expect(res.json.errors[0].extensions.fieldErrors).toEqual([expect.objectContaining({ path: ['after'], code: 'INVALID' })]);
  });
});

describe('NUL characters in inputs', () => {
  it('refuses them in variables, naming the variable path', async () => {
    const res = await server.graphql({ query: 'query($s: String) { hsCodes(search: $s) { totalCount } }', variables: { s: 'coffee\u0000' } });
    expectClientError(res, 400, 'BAD_USER_INPUT');
    expect(res.json.errors[0].extensions.fieldErrors).toEqual([expect.objectContaining({ path: ['s'], code: 'INVALID' })]);
  });

  it('refuses them deep in an input object', async () => {
    const query = 'mutation($i: DeclarationInput!) { createDeclarationDraft(input: $i) { userErrors { path } } }';
    const res = await server.graphql({ query, variables: { i: { lrn: 'NUL-1', type: 'IM', items: [{ commodityCode: '090121', description: 'Coffee\u0000', originCountry: 'BR', packageKind: 'BG', packageCount: 1, grossMass: '1', netMass: '1', itemPrice: '1' }] } } }, trader);
    expectClientError(res, 400, 'BAD_USER_INPUT');
    expect(res.json.errors[0].extensions.fieldErrors).toEqual([expect.objectContaining({ path: ['i', 'items', '0', 'description'] })]);
  });

  it('refuses them in string literals of the document', async () => {
    const res = await server.graphql({ query: '{ hsCodes(search: "coffee\\u0000") { totalCount } }' });
    expectClientError(res, 400, 'BAD_USER_INPUT');
  });
});

describe('GraphQL limits', () => {
  it('answers a document over the token limit with 400, a code and the request id', async () => {
    const fields = Array.from({ length: 2500 }, () => '__typename').join(' ');
    const res = await server.graphql({ query: `{ ${fields} }` });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', requestId: res.headers.get('x-request-id') });
    expect(res.json.errors[0].message).toMatch(/token/i);
    expect(errorLines()).toEqual([]);
  });
});

describe('refusals', () => {
  it('answers a refusal for the role with 403 FORBIDDEN, as one for a missing scope', async () => {
    const role = await server.graphql({ query: '{ riskRules { key } }' }, trader);
    expectClientError(role, 403, 'FORBIDDEN');

    const reader = await asToken('trader@rotterdam-importers.example', ['declarations:read']);
    const scope = await server.graphql({ query: '{ shipments { totalCount } }' }, reader.headers);
    expectClientError(scope, 403, 'FORBIDDEN');
    expect(scope.json.errors[0].extensions.requiredScope).toBe('tracking:read');
  });

  it('still answers 200 when the operation ran, input problems being userErrors in the payload', async () => {
    const query = 'mutation($i: DeclarationInput!) { createDeclarationDraft(input: $i) { declaration { id } userErrors { path code } } }';
    const res = await server.graphql({ query, variables: { i: { lrn: 'has spaces', type: 'IM' } } }, trader);
    expect(res.status).toBe(200);
    expect(res.json.data.createDeclarationDraft.userErrors).toEqual([{ path: ['lrn'], code: 'INVALID' }]);
  });
});
