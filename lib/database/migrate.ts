// Applies prisma/migrations/<name>/migration.sql in order, offline, and records them in
// `_prisma_migrations` exactly as `prisma migrate deploy` does, so that `prisma migrate status`
// agrees on a machine that can run Prisma's schema engine (it cannot here: it downloads it at start).
//
// Each migration runs in its own transaction together with its bookkeeping row: a failure rolls the
// database back to where it was before that migration and stops with the migration's name and error.
// Consequently a migration must not use statements PostgreSQL refuses inside a transaction
// (CREATE INDEX CONCURRENTLY, VACUUM, ...).
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import pg from 'pg';

import { AppError } from '../errors';

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
  /** Applied migrations whose file changed since (a warning, as with Prisma). */
  modified: string[];
  /** Rows in the database with no matching folder (made by a newer version, or a deleted folder). */
  unknown: string[];
}

// The DDL Prisma uses for its bookkeeping table (PostgreSQL connector).
const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// Any fixed 64-bit number: serialises concurrent migrators (two processes starting at once).
const ADVISORY_LOCK_KEY = 7_216_304_115;

export async function readMigrationFiles(dir: string): Promise<MigrationFile[]> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  const files: MigrationFile[] = [];
  for (const name of entries.sort()) {
    const file = path.join(dir, name, 'migration.sql');
    if (!(await stat(path.join(dir, name))).isDirectory()) continue;
    const sql = await readFile(file, 'utf8').catch(() => {
      throw new AppError('MIGRATION_FAILED', `Migration folder ${name} has no migration.sql`);
    });
    files.push({ name, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return files;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
}

async function readAppliedMigrations(client: pg.ClientBase): Promise<AppliedRow[]> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!exists.rows[0]?.t) return [];
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
      ORDER BY finished_at, migration_name`,
  );
  return rows;
}

export async function applyMigrations(options: {
  connectionString: string;
  migrationsDir: string;
  onApplied?: (name: string, ms: number) => void;
}): Promise<MigrationResult> {
  const files = await readMigrationFiles(options.migrationsDir);
  const client = new pg.Client({ connectionString: options.connectionString });
  await client.connect();
  const result: MigrationResult = { applied: [], alreadyApplied: [], modified: [], unknown: [] };
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const applied = new Map((await readAppliedMigrations(client)).map((r) => [r.migration_name, r.checksum]));
    const onDisk = new Set(files.map((f) => f.name));
    result.unknown = [...applied.keys()].filter((name) => !onDisk.has(name));

    for (const file of files) {
      const checksum = applied.get(file.name);
      if (checksum !== undefined) {
        result.alreadyApplied.push(file.name);
        if (checksum !== file.checksum) result.modified.push(file.name);
        continue;
      }
      const started = performance.now();
      try {
        await client.query('BEGIN');
        // Behind a long query of a running instance, give up rather than queue every request behind us.
        await client.query("SET LOCAL lock_timeout = '30s'");
        await client.query(file.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations"
             (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), file.checksum, file.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new AppError(
          'MIGRATION_FAILED',
          `Migration ${file.name} failed and was rolled back: ${describePgError(error, file.sql)}`,
          { migration: file.name },
          { cause: error },
        );
      }
      result.applied.push(file.name);
      options.onApplied?.(file.name, performance.now() - started);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
  return result;
}

/** The PostgreSQL message, with the line of the migration file the error points at. */
function describePgError(error: unknown, sql: string): string {
  if (!(error instanceof Error)) return String(error);
  const position = Number((error as { position?: string }).position);
  if (!Number.isFinite(position) || position <= 0) return error.message;
  const line = sql.slice(0, position).split('\n').length;
  return `${error.message} (migration.sql line ${line})`;
}
