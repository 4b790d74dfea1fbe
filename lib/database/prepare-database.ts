// Brings the database to a state the application can run on: the embedded PostgreSQL when no
// DATABASE_URL is set, every migration applied, reference data loaded. Called by `npm start`,
// `npm run dev`, `npm run db:migrate` and the test setup.
import path from 'node:path';

import { disconnectDb } from '../db';
import { dataDir, getEnv, migrationsDir } from '../env';
import type { Logger } from '../logger';
import { seedDemoDeclarations } from '../declarations/seed-demo-declarations';
import { seedDemoShipments } from '../tracking/seed-demo-shipments';
import { seedDemoScans } from '../scans/seed-demo-scans';
import { ensurePlatformAdmin } from '../auth/ensure-platform-admin';
import { seedDemoGates } from '../gates/seed-demo-gates';
import { seedDemoParties } from '../parties/seed-demo-parties';
import { seedDemoPermitDeclarations } from '../permits/seed-demo-permit-declarations';
import { seedDemoPermits } from '../permits/seed-demo-permits';
import { seedDemoRiskModel } from '../risk/seed-demo-risk-model';
import { seedRiskRules } from '../risk/seed-risk-rules';
import { seedDemoTariff } from '../tariff/seed-demo-tariff';
import { loadHsNomenclature } from '../tariff/load-hs-nomenclature';
import { seedHsDescriptionSamples } from '../tariff/seed-hs-description-samples';
import { migrateJobQueue } from '../jobs/migrate-job-queue';
import { applyMigrations, type MigrationResult } from './migrate';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';

export interface PreparedDatabase {
  url: string;
  mode: 'embedded' | 'external';
  migrations: MigrationResult;
  /** Closes this process's connection pool, then stops the embedded server (if any). */
  stop(): Promise<void>;
}

export async function prepareDatabase(options: {
  logger: Logger;
  /** Load reference and demo data (default true). */
  seed?: boolean;
  /** Create the demo declarations (default true; tests start without them). */
  demoDeclarations?: boolean;
}): Promise<PreparedDatabase> {
  const { logger } = options;
  const env = getEnv();
  let embedded: EmbeddedDatabase | undefined;
  let url = env.DATABASE_URL;
  if (!url) {
    const dir = path.join(dataDir(), 'postgres');
    logger.info({ dir, port: env.EMBEDDED_PG_PORT }, 'starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dir,
      port: env.EMBEDDED_PG_PORT,
      database: 'clearway',
      persistent: true,
      log: (line) => logger.debug({ postgres: line }, 'postgres'),
      warn: (message) => logger.warn(message),
    });
    url = embedded.url;
  }
  // The rest of the process (Prisma client, Next.js server components) reads it from here.
  process.env.DATABASE_URL = url;
  process.env.CLEARWAY_DATABASE_MODE = embedded ? 'embedded' : 'external';

  try {
    const migrations = await applyMigrations({
      connectionString: url,
      migrationsDir: migrationsDir(),
      onApplied: (name, ms) => logger.info({ migration: name, ms: Math.round(ms) }, 'migration applied'),
    });
    // The job queue's own schema (graphile_worker), migrated by the library itself.
    await migrateJobQueue({ connectionString: url, logger });
    for (const name of migrations.modified) {
      logger.warn({ migration: name }, 'migration file changed after it was applied; the database keeps the old version');
    }
    for (const name of migrations.unknown) {
      logger.warn({ migration: name }, 'database has a migration this version does not ship (was it made by a newer version?)');
    }
    if (options.seed !== false) {
      const rows = await loadHsNomenclature();
      if (rows) logger.info({ rows }, 'HS 2022 nomenclature loaded');
      await seedRiskRules();
      // The demo tariff is the only national tariff, so it is always loaded; SEED_DEMO governs the demo
      // companies, users (docs/identity.md lists their passwords) and declarations.
      await seedDemoTariff();
      if (getEnv().SEED_DEMO) {
        const samples = await seedHsDescriptionSamples();
        if (samples.length) logger.info({ locales: samples }, 'sample HS descriptions loaded');
      }
      if (getEnv().SEED_DEMO) await seedDemoParties();
      if (getEnv().SEED_DEMO) await seedDemoPermits();
      if (getEnv().SEED_DEMO) await seedDemoGates();
      await ensurePlatformAdmin(logger);
      if (getEnv().SEED_DEMO && options.demoDeclarations !== false) {
        const declarations = await seedDemoDeclarations();
        if (declarations) logger.info({ declarations }, 'demo declarations created');
        const permitDeclarations = await seedDemoPermitDeclarations();
        if (permitDeclarations) logger.info({ declarations: permitDeclarations }, 'demo declarations in each permit state created');
        const shipments = await seedDemoShipments();
        if (shipments) logger.info({ shipments }, 'demo shipments under electronic seal created');
        const scans = await seedDemoScans();
        if (scans) logger.info({ scans }, 'demo X-ray scans posted');
        const riskModel = await seedDemoRiskModel();
        if (riskModel) logger.info({ riskModel }, 'demo risk model trained on a synthetic control history');
      }
    }
    return {
      url,
      mode: embedded ? 'embedded' : 'external',
      migrations,
      stop: async () => {
        await disconnectDb();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await disconnectDb().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}
