// Signed checkpoints: the format, the published key, the background job, and a restart.
import { generateKeyPairSync, verify } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';

import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';

import { resetEnvCache } from '../../lib/env';
import { formatCheckpointBody } from '../../lib/ledger/checkpoint-format';
import { getLatestCheckpoint } from '../../lib/ledger/get-latest-checkpoint';
import { getLedgerPublicInfo } from '../../lib/ledger/get-ledger-public-info';
import { issueCheckpoint } from '../../lib/ledger/issue-checkpoint';
import { loadLedgerSigningKey } from '../../lib/ledger/load-signing-key';
import { startCheckpointer, type Checkpointer } from '../../lib/ledger/start-checkpointer';
import { verifyCheckpointSignature } from '../../lib/ledger/verify-proof';
import { append, item, naiveRoot, query, setTemporaryDataDir } from './helpers';

const dataDir = setTemporaryDataDir();
const logger = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const count = async () => Number((await query<{ n: string }>('SELECT count(*) AS n FROM ledger_checkpoint'))[0]!.n);
let next = 0;
const appendLeaves = (n: number) => append(Array.from({ length: n }, () => item(next++)));

let running: Checkpointer | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
  for (const name of ['LEDGER_CHECKPOINT_SECONDS', 'LEDGER_CHECKPOINT_LEAVES', 'LEDGER_SIGNING_KEY', 'LEDGER_ORIGIN']) delete process.env[name];
  resetEnvCache();
});

async function until(condition: () => Promise<boolean>, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(20);
  }
}

describe('issueCheckpoint', () => {
  it('signs nothing for an empty log, then the root of every leaf, once per size', async () => {
    expect(await issueCheckpoint()).toBeNull();
    expect(await getLatestCheckpoint()).toBeNull();
    const { leaves } = await appendLeaves(5);
    const checkpoint = await issueCheckpoint();
    expect(checkpoint).toMatchObject({ origin: 'clearway.example/ledger', treeSize: 5, rootHash: naiveRoot(leaves.map((l) => Buffer.from(l.leafHash, 'hex'))).toString('hex') });
    expect(await issueCheckpoint()).toBeNull();
    expect(await getLatestCheckpoint()).toEqual(checkpoint);
  });

  it('writes the C2SP checkpoint and signed note', async () => {
    const cp = (await getLatestCheckpoint())!;
    const body = `clearway.example/ledger\n5\n${Buffer.from(cp.rootHash, 'hex').toString('base64')}\n${cp.timestamp}\n`;
    expect(formatCheckpointBody(cp)).toBe(body);
    expect(cp.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const sigLine = `\u2014 clearway.example/ledger ${Buffer.concat([Buffer.from(cp.keyId, 'hex'), Buffer.from(cp.signature, 'base64')]).toString('base64')}\n`;
    expect(cp.note).toBe(`${body}\n${sigLine}`);
  });

  it('verifies with the published key (WebCrypto and node:crypto) and not with another key', async () => {
    const cp = (await getLatestCheckpoint())!;
    const info = await getLedgerPublicInfo();
    expect(info).toMatchObject({ origin: 'clearway.example/ledger', keyId: cp.keyId, hashAlgorithm: 'SHA-256', signatureAlgorithm: 'Ed25519' });
    expect(info.verifierKey).toBe(`clearway.example/ledger+${cp.keyId}+${Buffer.concat([Buffer.from([1]), Buffer.from(info.publicKey, 'base64')]).toString('base64')}`);
    expect(await verifyCheckpointSignature(cp, info.publicKey)).toBe(true);
    expect(verify(null, Buffer.from(formatCheckpointBody(cp)), info.publicKeyPem, Buffer.from(cp.signature, 'base64'))).toBe(true);

    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
    expect(await verifyCheckpointSignature(cp, other.toString('base64'))).toBe(false);
    expect(await verifyCheckpointSignature({ ...cp, treeSize: 4 }, info.publicKey)).toBe(false);
    expect(await verifyCheckpointSignature({ ...cp, note: cp.note.replace('\n5\n', '\n6\n') }, info.publicKey)).toBe(false);
  });

  it('keeps the generated key in DATA_DIR (mode 600) and reuses it after a restart', async () => {
    const file = path.join(dataDir, 'ledger-key.pem');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const before = await getLedgerPublicInfo();
    // A restart: a new process reads the configuration and the key file again.
    const { loadLedgerSigningKey: fresh } = await import(`../../lib/ledger/load-signing-key?restart=${Date.now()}`);
    expect((await fresh()).publicKeyRaw.toString('base64')).toBe(before.publicKey);
    expect(await verifyCheckpointSignature((await getLatestCheckpoint())!, (await fresh()).publicKeyRaw)).toBe(true);
  });

  it('signs with LEDGER_SIGNING_KEY and LEDGER_ORIGIN when configured', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    process.env.LEDGER_SIGNING_KEY = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    process.env.LEDGER_ORIGIN = 'customs.example/ledger';
    resetEnvCache();
    const key = await loadLedgerSigningKey();
    expect(key).toMatchObject({ origin: 'customs.example/ledger', source: 'LEDGER_SIGNING_KEY' });
    expect(key.publicKeyRaw.equals(publicKey.export({ format: 'der', type: 'spki' }).subarray(12))).toBe(true);
    await appendLeaves(1);
    const cp = (await issueCheckpoint())!;
    expect(cp.note.startsWith('customs.example/ledger\n6\n')).toBe(true);
    expect(await verifyCheckpointSignature(cp, key.publicKeyRaw)).toBe(true);

    process.env.LEDGER_SIGNING_KEY = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    resetEnvCache();
    expect((await loadLedgerSigningKey()).keyId).toBe(key.keyId);
    process.env.LEDGER_SIGNING_KEY = 'not a key';
    resetEnvCache();
    await expect(loadLedgerSigningKey()).rejects.toThrow('LEDGER_SIGNING_KEY is not a PKCS#8 private key');
  });
});

describe('startCheckpointer', () => {
  it('signs once LEDGER_CHECKPOINT_LEAVES are pending, and not while idle', async () => {
    process.env.LEDGER_CHECKPOINT_SECONDS = '3600';
    process.env.LEDGER_CHECKPOINT_LEAVES = '10';
    resetEnvCache();
    const before = await count();
    running = startCheckpointer({ logger, pollMs: 20 });
    await appendLeaves(9);
    await sleep(300);
    expect(await count()).toBe(before); // 9 pending, the last checkpoint is recent
    await appendLeaves(1);
    await until(async () => (await count()) === before + 1);
    expect((await getLatestCheckpoint())!.treeSize).toBe(next);
    await sleep(300);
    expect(await count()).toBe(before + 1); // idle: nothing changed, nothing signed
  });

  it('signs pending leaves once LEDGER_CHECKPOINT_SECONDS have passed, and picks up after a restart', async () => {
    process.env.LEDGER_CHECKPOINT_SECONDS = '1';
    process.env.LEDGER_CHECKPOINT_LEAVES = '1000';
    resetEnvCache();
    await appendLeaves(3);
    const before = await count();
    running = startCheckpointer({ logger, pollMs: 20 });
    await until(async () => (await count()) === before + 1);
    await running.stop();

    // Restarted: the state is the database's, and the same key signs.
    await appendLeaves(2);
    running = startCheckpointer({ logger, pollMs: 20 });
    await until(async () => (await count()) === before + 2);
    const cp = (await getLatestCheckpoint())!;
    expect(cp.treeSize).toBe(next);
    expect(await verifyCheckpointSignature(cp, (await getLedgerPublicInfo()).publicKey)).toBe(true);
    await sleep(1_300);
    expect(await count()).toBe(before + 2);
  });

  it('never signs the same size twice when several processes try at once', async () => {
    await appendLeaves(1);
    const results = await Promise.all(Array.from({ length: 4 }, () => issueCheckpoint()));
    expect(results.filter((r) => r !== null).map((r) => r!.treeSize)).toEqual([next]);
  });
});
