import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestServer, type TestServer } from './http-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.app.close();
});

describe('GraphQL over HTTP', () => {
  it('answers the health query with the applied migration', async () => {
    const { status, json } = await server.graphql({ query: '{ health { status version database { reachable mode appliedMigration pendingMigrations } } }' });
    expect(status).toBe(200);
    expect(json.data.health).toMatchObject({
      status: 'OK',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      database: { reachable: true, mode: 'external', appliedMigration: expect.stringMatching(/^\d{14}_/), pendingMigrations: [] },
    });
  });

  it('searches the nomenclature, resolving parents and sections', async () => {
    const { json } = await server.graphql({
      query: `query($q: String) { hsCodes(search: $q, level: SUBHEADING, first: 2) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { code formattedCode level description section { id name } parent { code parent { code } } } } } }`,
      variables: { q: '0901' },
    });
    expect(json.errors).toBeUndefined();
    expect(json.data.hsCodes.totalCount).toBe(5);
    expect(json.data.hsCodes.pageInfo.hasNextPage).toBe(true);
    expect(json.data.hsCodes.edges[0].node).toMatchObject({
      code: '090111',
      formattedCode: '0901.11',
      level: 'SUBHEADING',
      section: { id: 'II' },
      parent: { code: '0901', parent: { code: '09' } },
    });
  });

  it('gives field-level errors with a code and the request id', async () => {
    const { json } = await server.graphql({ query: '{ hsCodes(first: 1000) { totalCount } }' }, { 'x-request-id': 'trace-123' });
    expect(json.errors).toEqual([
      expect.objectContaining({
        message: 'Invalid HS search.',
        extensions: {
          code: 'BAD_USER_INPUT',
          // The message's catalogue key and parameters let clients word it in their own language (docs/languages.md).
          fieldErrors: [{ path: ['first'], code: 'TOO_BIG', message: 'first is at most 100.', messageKey: 'zod.tooBig', params: { origin: 'number', limit: 100, inclusive: 'yes' } }],
          requestId: 'trace-123',
        },
      }),
    ]);
  });

  it('echoes a well-formed x-request-id and replaces a malformed one', async () => {
    const kept = await server.graphql({ query: '{ __typename }' }, { 'x-request-id': 'abc-1' });
    expect(kept.headers.get('x-request-id')).toBe('abc-1');
    const replaced = await server.graphql({ query: '{ __typename }' }, { 'x-request-id': 'bad id with spaces' });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('masks unexpected errors behind a request id', async () => {
    const saved = process.env.DATABASE_URL!;
    // A database that does not answer: Prisma's own error must not reach the client.
    process.env.DATABASE_URL = 'postgresql://nobody:secret@127.0.0.1:1/nowhere';
    try {
      const { json, headers } = await server.graphql({ query: '{ hsCode(code: "0901") { code } }' });
      expect(json.errors).toHaveLength(1);
      expect(json.errors[0].message).toBe('Unexpected error. Quote the requestId to support.');
      expect(json.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: headers.get('x-request-id') });
      expect(JSON.stringify(json)).not.toMatch(/secret|nowhere|ECONNREFUSED/);
    } finally {
      process.env.DATABASE_URL = saved;
    }
  });

  it('rejects a query deeper than the limit', async () => {
    const deep = '{ hsCode(code: "090111") { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { code } } } } } } } } } } } }';
    const { json } = await server.graphql({ query: deep });
    expect(json.data).toBeUndefined();
    expect(json.errors[0].message).toMatch(/depth/i);
    expect(json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('rejects too many aliases', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: hsSections { id }`).join(' ');
    const { json } = await server.graphql({ query: `{ ${aliases} }` });
    expect(json.errors[0].message).toMatch(/aliases/i);
  });

  it('rejects a too costly query', async () => {
    const fields = Array.from({ length: 12 }, (_, i) => `s${i}: hsCodes(first: 100) { edges { node { code parent { code parent { code } } section { id } } } }`).join(' ');
    const { json } = await server.graphql({ query: `{ ${fields} }` });
    expect(json.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(/cost/i);
    expect(json.data).toBeUndefined();
  });

  it('refuses a body over the limit with 413, and invalid JSON with 400', async () => {
    const big = await server.graphql(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(1_100_000)}` }));
    expect(big.status).toBe(413);
    expect(big.json.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const broken = await server.graphql('{"query": ');
    expect(broken.status).toBe(400);
    expect(broken.json.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses simple cross-site requests (CSRF prevention)', async () => {
    const res = await fetch(`${server.url}/api/graphql?query=%7B__typename%7D`, { method: 'GET' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/);
  });

  it('reports unknown fields with a suggestion', async () => {
    const { json } = await server.graphql({ query: '{ hsCode(code: "0901") { descripton } }' });
    expect(json.errors[0].message).toMatch(/Cannot query field "descripton".*Did you mean "description"/);
  });
});

describe('GET /api/health', () => {
  it('reports a reachable database and no pending migration', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'OK', database: { reachable: true, pendingMigrations: [], error: null } });
  });

  it('answers 503 with the reason when the database is unreachable', async () => {
    const saved = process.env.DATABASE_URL!;
    process.env.DATABASE_URL = 'postgresql://nobody:x@127.0.0.1:1/nowhere';
    try {
      const res = await fetch(`${server.url}/api/health`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'DEGRADED', database: { reachable: false, error: expect.any(String) } });
    } finally {
      process.env.DATABASE_URL = saved;
    }
  });
});
