// Once per test run: a real PostgreSQL and a migrated, seeded template database.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { TestProject } from 'vitest/node';

import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../lib/database/embedded-postgres';
import { prepareDatabase } from '../../lib/database/prepare-database';
import { disconnectDb } from '../../lib/db';
import { getLogger } from '../../lib/logger';
import { createDatabase, dropDatabase, TEMPLATE_DB, withAdmin } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

export default function setup(project: TestProject) {
  return prepareTestTemplate(project, { demoDeclarations: false });
}

/**
 * A real PostgreSQL (embedded unless TEST_DATABASE_URL) and the template every test file's database is
 * copied from. `demoDeclarations`: also the demo declarations, shipments and permits (the browser tests
 * show them; seeding them once here rather than in each file's server saves ~15 s per file).
 */
export async function prepareTestTemplate(project: TestProject, options: { demoDeclarations: boolean }) {
  process.env.LOG_LEVEL ??= 'silent';
  // Random control (lib/risk/draw-random-control.ts) would make lanes a lottery; tests that want it set it.
  process.env.RISK_RANDOM_CONTROL_SHARE ??= '0';
  let embedded: EmbeddedDatabase | undefined;
  let dir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    // The cluster runs as the `postgres` system user when tests run as root: a world-traversable folder.
    dir = await mkdtemp(path.join(os.tmpdir(), 'clearway-test-'));
    embedded = await startEmbeddedPostgres({ dir, port: 0, database: 'postgres', persistent: false });
    adminUrl = embedded.adminUrl;
  }

  await withAdmin(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  });
  const templateUrl = await createDatabase(adminUrl, { prefix: 'build' });
  const previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = templateUrl;
  await prepareDatabase({ logger: getLogger(), demoDeclarations: options.demoDeclarations });
  await disconnectDb();
  if (previousUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = previousUrl;
  await withAdmin(adminUrl, (c) =>
    c.query(`ALTER DATABASE ${new URL(templateUrl).pathname.slice(1)} RENAME TO ${TEMPLATE_DB}`),
  );

  project.provide('adminUrl', adminUrl);
  project.provide('templateDb', TEMPLATE_DB);

  return async () => {
    if (embedded) await embedded.stop();
    else await dropDatabase(adminUrl!, templateUrl.replace(/\/[^/]+$/, `/${TEMPLATE_DB}`)).catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  };
}
