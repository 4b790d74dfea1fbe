// Both ways pg-pool fails to give a connection in time count as overload (503 with Retry-After, see
// test/graphql/busy-database.test.ts), and a database that refuses connections does not.
import net from 'node:net';
import type { AddressInfo } from 'node:net';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isPoolExhausted } from '../../lib/database/is-pool-exhausted';

/** A server that accepts connections and never answers: a database too busy to start a session. */
let silent: net.Server;
const sockets: net.Socket[] = [];

beforeAll(async () => {
  silent = net.createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

const failure = (p: Promise<unknown>) => p.then(() => expect.fail('no connection expected'), (e: unknown) => e);

describe('isPoolExhausted', () => {
  it('is true when every connection stays busy past the wait', async () => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, connectionTimeoutMillis: 200 });
    const held = await pool.connect();
    try {
      expect(isPoolExhausted(await failure(pool.query('SELECT 1')))).toBe(true);
    } finally {
      held.release();
      await pool.end();
    }
  });

  it('is true when a new connection does not open within the wait', async () => {
    const { port } = silent.address() as AddressInfo;
    const pool = new pg.Pool({ connectionString: `postgres://nobody@127.0.0.1:${port}/none`, max: 1, connectionTimeoutMillis: 200 });
    try {
      expect(isPoolExhausted(await failure(pool.query('SELECT 1')))).toBe(true);
    } finally {
      await pool.end();
    }
  });

  it('is false for a database that refuses connections, and for other errors', async () => {
    const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', max: 1, connectionTimeoutMillis: 200 });
    try {
      expect(isPoolExhausted(await failure(pool.query('SELECT 1')))).toBe(false);
    } finally {
      await pool.end();
    }
    expect(isPoolExhausted(new Error('boom'))).toBe(false);
  });
});
