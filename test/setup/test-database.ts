// Test databases on a real PostgreSQL: the embedded one (started once per run by global-setup.ts, in
// a temporary folder) or, when TEST_DATABASE_URL is set, any server where that role may create databases.
// A template database is migrated and seeded once; each test file gets its own copy of it.
import { randomBytes } from 'node:crypto';

import pg from 'pg';

export const TEMPLATE_DB = 'clearway_test_template';

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new empty database, or a copy of `template`. Returns its URL. */
export async function createDatabase(adminUrl: string, options: { template?: string; prefix?: string } = {}): Promise<string> {
  const name = `${options.prefix ?? 'test'}_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (c) =>
    c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${options.template ? ` TEMPLATE ${pg.escapeIdentifier(options.template)}` : ''}`),
  );
  return databaseUrl(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
}
