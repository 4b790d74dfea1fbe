import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { applyMigrations, readMigrationFiles } from '../../lib/database/migrate';
import { migrationsDir } from '../../lib/env';
import { createDatabase, dropDatabase } from '../setup/test-database';

const created: string[] = [];
async function emptyDatabase(): Promise<string> {
  const url = await createDatabase(inject('adminUrl'), { prefix: 'migrate' });
  created.push(url);
  return url;
}
async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
async function migrationsFolder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clearway-migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

afterAll(async () => {
  for (const url of created) await dropDatabase(inject('adminUrl'), url);
});

describe('applyMigrations', () => {
  let url: string;
  beforeAll(async () => {
    url = await emptyDatabase();
  });

  it('applies every shipped migration and records it as Prisma does', async () => {
    const result = await applyMigrations({ connectionString: url, migrationsDir: migrationsDir() });
    const shipped = await readMigrationFiles(migrationsDir());
    expect(shipped.length).toBeGreaterThan(0);
    expect(result.applied).toEqual(shipped.map((m) => m.name));

    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null; rolled_back_at: Date | null; id: string }>(
      url,
      'SELECT * FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(shipped.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      const sql = await readFile(path.join(migrationsDir(), row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.checksum).toBe(shipped[i]!.checksum);
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('applies nothing the second time', async () => {
    const result = await applyMigrations({ connectionString: url, migrationsDir: migrationsDir() });
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied.length).toBeGreaterThan(0);
    expect(result.modified).toEqual([]);
  });
});

describe('a failing migration', () => {
  it('rolls back to the state before it and names the migration and the line', async () => {
    const url = await emptyDatabase();
    const dir = await migrationsFolder({
      '20260101000000_first': 'CREATE TABLE first_table (id int PRIMARY KEY);',
      '20260102000000_broken': 'CREATE TABLE half_done (id int);\n\nINSERT INTO no_such_table VALUES (1);',
      '20260103000000_after': 'CREATE TABLE never_reached (id int);',
    });
    const error = await applyMigrations({ connectionString: url, migrationsDir: dir }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MIGRATION_FAILED', details: { migration: '20260102000000_broken' } });
    expect((error as Error).message).toMatch(/20260102000000_broken.*rolled back.*no_such_table.*line 3/s);

    const tables = await query<{ table_name: string }>(
      url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(['_prisma_migrations', 'first_table']);
    const recorded = await query<{ migration_name: string }>(url, 'SELECT migration_name FROM "_prisma_migrations"');
    expect(recorded.map((r) => r.migration_name)).toEqual(['20260101000000_first']);
  });

  it('reports a migration whose file changed after it was applied, and one the folder lacks', async () => {
    const url = await emptyDatabase();
    const dir = await migrationsFolder({ '20260101000000_a': 'CREATE TABLE a (id int);', '20260102000000_b': 'CREATE TABLE b (id int);' });
    await applyMigrations({ connectionString: url, migrationsDir: dir });
    await writeFile(path.join(dir, '20260101000000_a', 'migration.sql'), 'CREATE TABLE a (id bigint);');
    const { rm } = await import('node:fs/promises');
    await rm(path.join(dir, '20260102000000_b'), { recursive: true });
    const result = await applyMigrations({ connectionString: url, migrationsDir: dir });
    expect(result.modified).toEqual(['20260101000000_a']);
    expect(result.unknown).toEqual(['20260102000000_b']);
    expect(result.applied).toEqual([]);
  });

  it('is applied once when two processes migrate at the same time', async () => {
    const url = await emptyDatabase();
    const dir = await migrationsFolder({ '20260101000000_slow': 'SELECT pg_sleep(0.3); CREATE TABLE once (id int);' });
    const [a, b] = await Promise.all([
      applyMigrations({ connectionString: url, migrationsDir: dir }),
      applyMigrations({ connectionString: url, migrationsDir: dir }),
    ]);
    expect([...a.applied, ...b.applied]).toEqual(['20260101000000_slow']);
    const rows = await query(url, 'SELECT 1 FROM "_prisma_migrations"');
    expect(rows).toHaveLength(1);
  });
});
