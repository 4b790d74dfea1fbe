// The self-contained proof a verifier downloads, checked with the pure verifier the /verify page runs.
import { createHash } from 'node:crypto';

import { beforeAll, describe, expect, it } from 'vitest';

import { bytesToBase64 } from '../../lib/ledger/encoding';
import { buildProofBundle } from '../../lib/ledger/build-proof-bundle';
import { getLedgerEntry } from '../../lib/ledger/get-ledger-entry';
import { getLedgerPublicInfo } from '../../lib/ledger/get-ledger-public-info';
import { issueCheckpoint } from '../../lib/ledger/issue-checkpoint';
import { parseLedgerEntry } from '../../lib/ledger/entry-format';
import { verifyInclusion, verifyProofBundle, type ProofBundle } from '../../lib/ledger/verify-proof';
import { append, item, setTemporaryDataDir } from './helpers';

setTemporaryDataDir();

const pdf = createHash('sha256').update('%PDF-1.7 release note').digest('hex');

beforeAll(async () => {
  await append(Array.from({ length: 30 }, (_, i) => item(i)));
  await append([{ kind: 'pdf', sha256: pdf, ref: 'decl-42/release.pdf' }]);
  await append(Array.from({ length: 12 }, (_, i) => item(100 + i)));
});

describe('buildProofBundle', () => {
  it('waits for a checkpoint that covers the entry', async () => {
    await expect(buildProofBundle(pdf)).rejects.toMatchObject({ code: 'CONFLICT', details: { leafIndex: 30, retryAfterSeconds: 10 } });
  });

  it('builds a bundle that verifies with the published key', async () => {
    await issueCheckpoint();
    const bundle = await buildProofBundle(pdf.toUpperCase());
    const info = await getLedgerPublicInfo();
    expect(bundle).toMatchObject({ format: 'clearway-ledger-proof/1', itemSha256: pdf, leafIndex: 30, treeSize: 43, entry: { fields: { kind: 'pdf', ref: 'decl-42/release.pdf', sha256: pdf } } });
    expect(bundle.publicKey).toEqual({ base64: info.publicKey, keyId: info.keyId, verifierKey: info.verifierKey });
    // Survives the trip through JSON, as the page receives it.
    const received = JSON.parse(JSON.stringify(bundle)) as ProofBundle;
    expect(await verifyProofBundle(received, { publicKey: info.publicKey, itemSha256: pdf, origin: info.origin })).toEqual({
      ok: true,
      problems: [],
      entry: bundle.entry.fields,
      keyTrusted: true,
    });
    expect(await verifyInclusion(received)).toBe(true);
  });

  it('fails a tampered bundle, naming what is wrong', async () => {
    const bundle = await buildProofBundle(pdf);
    const info = await getLedgerPublicInfo();
    const check = async (change: (b: ProofBundle) => void) => {
      const copy = JSON.parse(JSON.stringify(bundle)) as ProofBundle;
      change(copy);
      const result = await verifyProofBundle(copy, { publicKey: info.publicKey });
      expect(result.ok).toBe(false);
      return result.problems;
    };
    expect(await check((b) => (b.auditPath[1] = b.auditPath[1]!.replace(/^./, (c) => (c === '0' ? '1' : '0'))))).toEqual([
      "The audit path does not lead from leaf 30 to the checkpoint's root.",
    ]);
    expect(await check((b) => (b.leafIndex = 31))).toEqual(["The audit path does not lead from leaf 31 to the checkpoint's root."]);
    const forgedEntry = Buffer.from(bundle.entry.base64, 'base64').toString().replace('release.pdf', 'release.PDF');
    expect(await check((b) => (b.entry.base64 = bytesToBase64(Buffer.from(forgedEntry))))).toEqual([
      'The entry fields shown differ from the entry bytes.',
      'The leaf hash is not SHA-256(0x00 || entry).',
    ]);
    expect(await check((b) => (b.checkpoint.timestamp = '2020-01-01T00:00:00.000Z'))).toContain("The checkpoint's signature does not verify with the log's key.");
    expect(await check((b) => (b.entry.base64 = 'not base64!'))).toEqual([expect.stringMatching(/^The bundle is malformed/)]);
    // A bundle re-signed by someone else's key verifies only against that key, never the published one.
    const stranger = (await import('node:crypto')).generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');
    expect(await check((b) => (b.publicKey.base64 = stranger))).toEqual(["The bundle's public key is not the log's published key."]);
    expect((await verifyProofBundle(bundle, {})).keyTrusted).toBe(false);
  });

  it('answers NOT_FOUND for an unknown hash and BAD_USER_INPUT for a malformed one', async () => {
    const unknown = 'ab'.repeat(32);
    await expect(buildProofBundle(unknown)).rejects.toMatchObject({ name: 'AppError', code: 'NOT_FOUND', message: `No ledger entry anchors the SHA-256 ${unknown}.` });
    await expect(getLedgerEntry('xyz')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { fieldErrors: [{ path: ['sha256'] }] } });
  });
});

describe('getLedgerEntry', () => {
  it('returns the earliest of several entries anchoring the same item, listing the later ones', async () => {
    const again = await append([{ kind: 'document', sha256: pdf, ref: 'decl-43/attachment' }]);
    const entry = await getLedgerEntry(pdf);
    expect(entry).toMatchObject({ leafIndex: 30, fields: { kind: 'pdf', ref: 'decl-42/release.pdf' }, laterLeafIndexes: [again.leaves[0]!.leafIndex] });
    expect(parseLedgerEntry(Buffer.from(entry.entry, 'base64'))).toEqual(entry.fields);
  });
});
