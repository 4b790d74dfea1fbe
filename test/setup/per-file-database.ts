// Before each test file: its own database, copied from the migrated and seeded template, so files
// running in parallel never see each other's rows. Dropped after the file.
import { afterAll, beforeAll, inject } from 'vitest';

import { disconnectDb } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { createDatabase, dropDatabase } from './test-database';

process.env.LOG_LEVEL ??= 'silent';
// Random control (lib/risk/draw-random-control.ts) would make lanes a lottery; tests that want it set it.
process.env.RISK_RANDOM_CONTROL_SHARE ??= '0';
resetEnvCache();

let url: string;

beforeAll(async () => {
  url = await createDatabase(inject('adminUrl'), { template: inject('templateDb') });
  process.env.DATABASE_URL = url;
});

afterAll(async () => {
  await disconnectDb();
  await dropDatabase(inject('adminUrl'), url);
});
