// `npm start` with no DATABASE_URL: the embedded PostgreSQL under DATA_DIR, data kept across restarts,
// and a second instance on the same folder refused with a message that says what to do.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freePort } from '../../lib/database/embedded-postgres';
import { startClearway } from './clearway-process';

let dataDir: string;
let env: Record<string, string | undefined>;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clearway-start-'));
  env = { DATABASE_URL: '', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) };
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function graphql(url: string, query: string) {
  const res = await fetch(`${url}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return res.json();
}

describe('npm start on the embedded database', () => {
  it('starts, keeps its data across a restart, and refuses a second instance', async () => {
    const first = await startClearway(env);
    try {
      const health = await (await fetch(`${first.url}/api/health`)).json();
      expect(health).toMatchObject({ status: 'OK', database: { mode: 'embedded', reachable: true } });
      expect(first.output()).toContain('HS 2022 nomenclature loaded');

      const second = await startClearway(env, { expectFailure: true });
      expect(await second.stop()).toBe(1);
      expect(second.output()).toMatch(/Another Clearway process \(pid \d+\) is already running the embedded database/);
      // The first one is unharmed.
      expect((await graphql(first.url, '{ hsCodes(level: CHAPTER) { totalCount } }')).data.hsCodes.totalCount).toBe(97);
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const again = await startClearway(env);
    try {
      // Same data, not loaded again: migrations and reference data were kept.
      expect(again.output()).not.toContain('HS 2022 nomenclature loaded');
      expect(again.output()).not.toContain('migration applied');
      expect((await graphql(again.url, '{ hsCodes(level: SUBHEADING) { totalCount } }')).data.hsCodes.totalCount).toBe(5613);
    } finally {
      expect(await again.stop()).toBe(0);
    }
    // Two starts, the first from an empty folder (initdb, every migration, the HS nomenclature, the demo data).
  }, 300_000);
});
