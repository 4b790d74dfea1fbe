// Shared by the interchange tests: the fixtures, requests to the product's server, counts.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { getPool } from '../../lib/db';
import type { TestServer } from '../graphql/http-server';

const DIR = path.join(import.meta.dirname, '..', 'fixtures', 'interchange');
export const fixture = (name: string) => readFileSync(path.join(DIR, name), 'utf8');
export const fixtureBytes = (name: string) => readFileSync(path.join(DIR, name));

export async function post(server: TestServer, body: string | Buffer, contentType: string, headers: Record<string, string>) {
  const res = await fetch(`${server.url}/api/interchange/declarations`, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { 'content-type': contentType, ...headers } });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

export async function get(server: TestServer, url: string, headers: Record<string, string>) {
  const res = await fetch(`${server.url}${url}`, { headers });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

export const declarationCount = async () => Number((await getPool().query('SELECT count(*) FROM declaration')).rows[0].count);
export const declarationByLrn = async (lrn: string) => (await getPool().query<{ id: string; status: string; mrn: string | null; lane: string | null }>('SELECT id, status::text, mrn, lane::text FROM declaration WHERE lrn = $1', [lrn])).rows[0];
