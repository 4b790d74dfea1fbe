// npm run ledger:verify as an auditor runs it: database access and the log's published public key,
// no private key anywhere (LEDGER_SIGNING_KEY unset, an empty DATA_DIR), nothing written.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getLedgerPublicInfo } from '../../lib/ledger/get-ledger-public-info';
import { issueCheckpoint } from '../../lib/ledger/issue-checkpoint';
import { append, item, query, setTemporaryDataDir } from './helpers';

setTemporaryDataDir(); // where the server's key is generated; the auditor's DATA_DIR is another, empty one
const auditorDir = mkdtempSync(path.join(os.tmpdir(), 'clearway-auditor-'));
afterAll(() => rmSync(auditorDir, { recursive: true, force: true }));

beforeAll(async () => {
  await append(Array.from({ length: 40 }, (_, i) => item(i)));
  await issueCheckpoint();
});

function verifyAsAuditor(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: auditorDir, LOG_LEVEL: 'error' };
  delete env.LEDGER_SIGNING_KEY;
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('scripts/ledger-verify.ts'), ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

describe('npm run ledger:verify with only the public key', () => {
  it('verifies with the published key in each of its published forms', async () => {
    const info = await getLedgerPublicInfo();
    const migrations = await query('SELECT count(*)::int AS n FROM _prisma_migrations');
    for (const key of [info.publicKey, info.verifierKey]) {
      const run = verifyAsAuditor('--public-key', key);
      expect(run.out).toMatch(/Ledger OK: 40 leaves, \d+ full tiles? and 1 checkpoint checked/);
      expect(run.status).toBe(0);
    }
    const pem = path.join(auditorDir, 'ledger.pub.pem');
    writeFileSync(pem, info.publicKeyPem);
    expect(verifyAsAuditor('--public-key-file', pem).status).toBe(0);
    expect(await query('SELECT count(*)::int AS n FROM _prisma_migrations')).toEqual(migrations);
  }, 120_000);

  it('names the missing key or the wrong one, exiting 1', async () => {
    const none = verifyAsAuditor();
    expect(none.status).toBe(1);
    expect(none.out).toContain('pass the log\'s published key (--public-key');
    const wrong = verifyAsAuditor('--public-key', Buffer.alloc(32, 7).toString('base64'));
    expect(wrong.status).toBe(1);
    expect(wrong.out).toMatch(/Checkpoint of size 40 names key [0-9a-f]{8}, not the trusted key/);
    expect(verifyAsAuditor('--public-key', 'not a key').out).toContain('The public key is not usable');
  }, 120_000);
});
