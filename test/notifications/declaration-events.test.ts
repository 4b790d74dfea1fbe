// Subscription.declarationEvents over graphql-ws: the same events as webhooks, as they commit, also when
// another process raised them (PostgreSQL LISTEN/NOTIFY), and only those the subscriber may see.
import { spawn } from 'node:child_process';

import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { disconnectDb, getPool } from '../../lib/db';
import { asToken } from '../support/auth';
import { submittedImport } from '../support/declarations';
import { startTestServer, type TestServer } from '../graphql/http-server';

const TRADER = 'trader@rotterdam-importers.example';
let server: TestServer;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await server.app.close();
  await disconnectDb();
});

function subscribe(secret: string, declarationId: string) {
  const client = createClient({ url: `${server.url.replace('http', 'ws')}/api/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${secret}` } });
  clients.push(client);
  const seen: { type: string; dmsCode: string | null; body: string }[] = [];
  const errors: unknown[] = [];
  client.subscribe(
    { query: 'subscription($d: ID) { declarationEvents(declarationId: $d) { id type dmsCode declarationId body } }', variables: { d: declarationId } },
    { next: (v) => (v.data ? seen.push((v.data as any).declarationEvents) : errors.push(v.errors)), error: (e) => errors.push(e), complete: () => undefined },
  );
  return { seen, errors };
}

async function listening() {
  for (let i = 0; i < 100; i++) {
    const { rows } = await getPool().query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN business_event%'`);
    if (rows.length) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('never listened');
}

describe('Subscription.declarationEvents', () => {
  it('carries events committed in another process to those who may see them, and not to others', async () => {
    const id = await submittedImport(TRADER);
    const mine = await asToken(TRADER, ['notifications:read']);
    const theirs = await asToken('trader@kampala-trading.example', ['notifications:read']);
    const a = subscribe(mine.secret, id);
    const b = subscribe(theirs.secret, id);
    await listening();
    await new Promise((r) => setTimeout(r, 300));
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/record-event-child.ts', id], { env: { ...process.env }, stdio: 'inherit' });
    await new Promise((resolve) => child.on('exit', resolve));
    await expect.poll(() => a.seen.length, { timeout: 10_000 }).toBe(1);
    expect(a.seen[0]).toMatchObject({ type: 'declaration.amended', dmsCode: 'DMSRES' });
    expect(JSON.parse(a.seen[0]!.body).data.from).toBe('another process');
    await new Promise((r) => setTimeout(r, 500));
    expect(b.seen).toHaveLength(0);
    expect(a.errors).toEqual([]);
  });
});
