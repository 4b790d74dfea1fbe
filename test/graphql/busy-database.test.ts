// Overload is not a fault: when every database connection stays busy past the pool's wait, the API
// answers 503 with Retry-After (apps and gate readers back off and retry), never the masked 500 of a
// bug — also when it is the rate limiter's counter (kept in PostgreSQL) that found no connection.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getPool } from '../../lib/db';
import { getEnv } from '../../lib/env';
import { startTestServer, type TestServer } from './http-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.app.close();
});

describe('a database with no free connection', () => {
  it('answers 503 with Retry-After at the rate limiter, and serves again once connections are free', async () => {
    expect(getEnv().RATE_LIMIT_STORE).toBe('postgres');
    const held: pg.PoolClient[] = [];
    for (let i = 0; i < getEnv().DATABASE_POOL_SIZE; i++) held.push(await getPool().connect());
    try {
      // Anonymous: no token or session to look up, so the first statement is the rate limiter's hit.
      const busy = await server.graphql({ query: '{ __typename }' });
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('1');
      expect(busy.json.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: 'The server is busy: retry in a second.', retryAfterSeconds: 1 });
    } finally {
      for (const client of held) client.release();
    }
    const served = await server.graphql({ query: '{ __typename }' });
    expect(served.status).toBe(200);
    expect(served.json.data).toEqual({ __typename: 'Query' });
  }, 30_000);
});
