// `npm run db:migrate`: apply pending migrations (and load reference data) to DATABASE_URL, or to the
// embedded PostgreSQL under .data/ when it is unset.
import { prepareDatabase } from '../lib/database/prepare-database';
import { getLogger } from '../lib/logger';

const logger = getLogger();
try {
  const db = await prepareDatabase({ logger, seed: !process.argv.includes('--no-seed') });
  const { applied, alreadyApplied } = db.migrations;
  logger.info({ applied, alreadyApplied: alreadyApplied.length, database: db.mode }, applied.length ? 'migrations applied' : 'database is up to date');
  await db.stop();
} catch (error) {
  logger.fatal({ err: error }, error instanceof Error ? error.message : String(error));
  process.exit(1);
}
