// `npm start` (production build) and `npm run dev` (Next.js dev mode): prepares the database
// (embedded PostgreSQL unless DATABASE_URL is set, migrations, reference data), builds the portal when
// its sources changed since the last build, and serves portal and API on one port.
import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';

import next from 'next';

import { takeOverShutdownSignals } from '../lib/database/embedded-postgres';
import { prepareDatabase } from '../lib/database/prepare-database';
import { startBackgroundJobs } from '../server/background-jobs';
import { getEnv } from '../lib/env';
import { getLogger } from '../lib/logger';
import { createAppServer } from '../server/create-app-server';
import { buildIsCurrent, recordBuild } from './build-hash';

const dev = process.argv.includes('--dev');
// `npm start` serves the production build: it must also get production's strict page policy (no eval, no
// inline styles in the CSP), which server/security-headers.ts keys on NODE_ENV; only `npm run dev` relaxes it.
(process.env as Record<string, string | undefined>).NODE_ENV ??= dev ? 'development' : 'production';
process.env.NEXT_TELEMETRY_DISABLED = '1';

let shutdown: ((signal: string) => Promise<void>) | undefined;
let stopping = false;

// Installed before anything starts, so that a signal during start-up still stops what has started.
// A second signal while stopping forces the exit.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    if (shutdown) void shutdown(signal);
    else process.exit(1);
  });
}

async function main() {
  const env = getEnv();
  const logger = getLogger();
  takeOverShutdownSignals();

  if (!dev && !(await buildIsCurrent())) {
    logger.info('building the portal (first start, or its sources changed); this takes a minute or two');
    const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('`next build` failed; see its output above.');
    await recordBuild();
  }

  const database = await prepareDatabase({ logger });
  shutdown = async (signal) => {
    logger.info({ signal }, 'shutting down');
    await database.stop().catch((err) => logger.error({ err }, 'stopping the database'));
    process.exit(0);
  };
  if (stopping) return shutdown('signal during start-up');

  const nextApp = next({ dev, dir: process.cwd(), hostname: 'localhost', port: env.PORT });
  await nextApp.prepare();
  const handleNext = nextApp.getRequestHandler();

  const app = await createAppServer({ logger, fallback: (req, res) => handleNext(req, res) });
  await new Promise<void>((resolve, reject) => {
    app.server.once('error', reject);
    app.server.listen(env.PORT, env.HOST, () => resolve());
  });
  const { port } = app.server.address() as AddressInfo;
  logger.info({ url: `http://localhost:${port}`, graphql: `http://localhost:${port}/api/graphql`, database: database.mode, dev }, 'Clearway is ready');

  // Background jobs; their state is in the database, so several processes may run them (each takes an
  // advisory lock or re-checks before acting).
  const jobs = startBackgroundJobs(logger);

  shutdown = async (signal) => {
    logger.info({ signal }, 'shutting down');
    try {
      await jobs.stop();
      await app.close();
      await nextApp.close?.();
    } catch (err) {
      logger.error({ err }, 'closing the HTTP server');
    } finally {
      await database.stop().catch((err) => logger.error({ err }, 'stopping the database'));
      process.exit(0);
    }
  };
  if (stopping) await shutdown('signal during start-up');
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  try {
    getLogger().fatal({ err: error }, message);
  } catch {
    // The configuration itself is invalid: no logger can be built from it.
    console.error(message);
  }
  process.exit(1);
});
