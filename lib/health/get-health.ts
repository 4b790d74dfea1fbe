// The health report behind GET /api/health and the `health` query.
import { readMigrationFiles } from '../database/migrate';
import { getDb } from '../db';
import { migrationsDir } from '../env';
import { getLogger } from '../logger';
import { version } from '../version';

export interface HealthReport {
  status: 'OK' | 'DEGRADED';
  version: string;
  uptimeSeconds: number;
  checkedAt: string;
  database: {
    reachable: boolean;
    latencyMs: number | null;
    mode: 'embedded' | 'external';
    appliedMigration: string | null;
    pendingMigrations: string[];
    error: string | null;
  };
}

export async function getHealth(): Promise<HealthReport> {
  const mode = process.env.CLEARWAY_DATABASE_MODE === 'embedded' ? 'embedded' : 'external';
  const database: HealthReport['database'] = {
    reachable: false,
    latencyMs: null,
    mode,
    appliedMigration: null,
    pendingMigrations: [],
    error: null,
  };
  try {
    const db = getDb();
    const started = performance.now();
    await db.$queryRaw`SELECT 1`;
    database.latencyMs = Math.round((performance.now() - started) * 100) / 100;
    database.reachable = true;
    const applied = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;
    const names = new Set(applied.map((r) => r.migration_name));
    database.appliedMigration = applied.at(-1)?.migration_name ?? null;
    database.pendingMigrations = (await readMigrationFiles(migrationsDir())).map((f) => f.name).filter((n) => !names.has(n));
  } catch (error) {
    // The reason stays in the server log: connection errors name hosts, users and databases.
    getLogger().warn({ err: error }, 'health check: database unreachable');
    database.error = 'The database does not answer (details in the server log).';
  }
  return {
    status: database.reachable && database.pendingMigrations.length === 0 ? 'OK' : 'DEGRADED',
    version,
    uptimeSeconds: Math.round(process.uptime()),
    checkedAt: new Date().toISOString(),
    database,
  };
}
