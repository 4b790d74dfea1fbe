// The public /verify page in a browser: a file is hashed on the device and its proof checked there
// against the published key; a changed file, a tampered or foreign bundle, and a proof not yet signed
// are each told apart. Items are anchored through lib/ledger on the server's database, and checkpoints
// signed here with the key the server also uses (LEDGER_SIGNING_KEY, inherited by the server process).
import { createHash, generateKeyPairSync, sign } from 'node:crypto';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sqlTransaction } from '../../lib/database/sql';
import { disconnectDb } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { anchorItem } from '../../lib/ledger/anchor-item';
import { appendLedgerEntries } from '../../lib/ledger/append-ledger-entries';
import { formatCheckpointBody, formatSignedNote, keyIdPreimage, type SignedCheckpoint } from '../../lib/ledger/checkpoint-format';
import { issueCheckpoint } from '../../lib/ledger/issue-checkpoint';
import type { ProofBundle } from '../../lib/ledger/verify-proof';
import { openPortalSession } from './portal-session';

// Set before the session's hook starts the server, which inherits it.
const previousKey = process.env.LEDGER_SIGNING_KEY;
process.env.LEDGER_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');

const session = openPortalSession();

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const INVOICE = Buffer.from(`Commercial invoice INV-2026-0042\nIssued ${new Date().toISOString()}\n2 pallets of roasted coffee, EUR 12,400.00\n`);
const INVOICE_SHA = sha256(INVOICE);
const CHANGED = Buffer.from(INVOICE.toString().replace('12,400.00', '1,240.00'));
const CHANGED_SHA = sha256(CHANGED);
const DOCUMENT_REF = 'DOC-5f2c9a7e-invoice';
const DECISION_SHA = sha256(`release decision ${Date.now()}`);
const DECISION_REF = '26NL0000000000042X';

let invoiceLeaf: number;
let checkpoint: SignedCheckpoint;

beforeAll(async () => {
  process.env.DATABASE_URL = session.databaseUrl;
  resetEnvCache();
  // Other leaves around the invoice, so that its proof has an audit path worth tampering with.
  // Appended directly (not queued as anchorItem does), so that the invoice's leaf index is known here.
  await sqlTransaction(async (sql) => {
    for (let i = 0; i < 5; i++) await appendLedgerEntries(sql, [{ kind: 'pdf', sha256: sha256(`filler ${i} ${Date.now()}`), ref: `PDF-FILLER-${i}` }]);
    invoiceLeaf = (await appendLedgerEntries(sql, [{ kind: 'document', sha256: INVOICE_SHA, ref: DOCUMENT_REF }])).leaves[0]!.leafIndex;
    await appendLedgerEntries(sql, [{ kind: 'declaration-version', sha256: sha256(`version ${Date.now()}`), ref: 'DECL-FILLER-v2' }]);
  });
  checkpoint = (await issueCheckpoint())!;
  expect(checkpoint.treeSize).toBeGreaterThan(invoiceLeaf);
});

afterAll(async () => {
  await disconnectDb();
  if (previousKey === undefined) delete process.env.LEDGER_SIGNING_KEY;
  else process.env.LEDGER_SIGNING_KEY = previousKey;
  resetEnvCache();
});

/** Drops files on the drop zone as a drag from the desktop would (a DataTransfer holding Files). */
async function dropFiles(page: Page, files: { name: string; bytes: Buffer; type?: string }[]) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    return transfer;
  }, files.map((f) => ({ name: f.name, type: f.type ?? 'application/octet-stream', base64: f.bytes.toString('base64') })));
  const zone = page.getByTestId('drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

async function fetchBundle(hash: string): Promise<ProofBundle> {
  const res = await fetch(`${session.clearway.url}/api/ledger/proof?hash=${hash}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ProofBundle;
}

const flipHexDigit = (hex: string, at = 10) => `${hex.slice(0, at)}${hex[at] === '0' ? '1' : '0'}${hex.slice(at + 1)}`;
const bundleFile = (bundle: unknown, name = 'clearway-proof.json') => ({ name, type: 'application/json', bytes: Buffer.from(JSON.stringify(bundle, null, 2)) });
const successPanel = (page: Page, name: RegExp) => page.getByRole('status', { name });
const failurePanel = (page: Page, name: RegExp) => page.getByRole('alert', { name });

describe('the /verify page', () => {
  it('verifies a dropped file in the browser, without uploading it', async () => {
    const { page } = session;
    const sent: { url: string; method: string; body: string | null }[] = [];
    page.on('request', (r) => sent.push({ url: r.url(), method: r.method(), body: r.postData() }));
    await page.goto(session.clearway.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Verify a document' }).click();
    await page.waitForURL('**/verify');
    await expect(page.getByText('the file is never uploaded').count()).resolves.toBe(1);

    await dropFiles(page, [{ name: 'invoice.txt', bytes: INVOICE, type: 'text/plain' }]);
    const panel = successPanel(page, /Verified: this file is in the Clearway ledger/);
    await panel.waitFor();
    const text = (await panel.textContent())!;
    expect(text).toContain('“invoice.txt” is, byte for byte, the document recorded under reference');
    expect(text).toContain(`What was recordedDocument`);
    expect(text).toContain(`Reference${DOCUMENT_REF}`);
    expect(text).toContain(`Leaf index${invoiceLeaf}`);
    expect(text).toContain(`Tree size${checkpoint.treeSize} entries`);
    expect(text).toContain(checkpoint.rootHash);
    expect(text).toContain(INVOICE_SHA);
    expect(text).toMatch(/Valid Ed25519 signature of log clearway\.example\/ledger \(key [0-9a-f]{8}\), checked against the key published/);
    expect(text).toContain('Not published to a chain in this installation.');
    expect(await page.getByLabel('SHA-256 fingerprint').inputValue()).toBe(INVOICE_SHA);
    // The heading took the focus, so a screen reader and a phone both land on the result.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('verify-result-title');

    const download = panel.getByRole('link', { name: 'Download proof bundle' });
    expect(await download.getAttribute('href')).toBe(`/api/ledger/proof?hash=${INVOICE_SHA}&download=1`);
    const res = await fetch(`${session.clearway.url}/api/ledger/proof?hash=${INVOICE_SHA}&download=1`);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="clearway-proof-[0-9a-f]{16}\.json"$/);
    expect(((await res.json()) as ProofBundle).format).toBe('clearway-ledger-proof/1');

    // Only the fingerprint went out: no request carried the file, and the proof was asked for by hash.
    expect(sent.filter((r) => r.body?.includes('roasted coffee'))).toEqual([]);
    expect(sent.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(sent.some((r) => r.url.endsWith(`/api/ledger/proof?hash=${INVOICE_SHA}`))).toBe(true);
    page.removeAllListeners('request');
    await session.shot('verify-success');
  });

  it('says a changed file is not in the ledger', async () => {
    const { page } = session;
    await page.getByLabel('Choose a file').setInputFiles({ name: 'invoice.txt', mimeType: 'text/plain', buffer: CHANGED });
    const panel = failurePanel(page, /This file is not in the Clearway ledger/);
    await panel.waitFor();
    const text = (await panel.textContent())!;
    expect(text).toContain(CHANGED_SHA);
    expect(text).toContain('Any change to a file');
    expect(await page.getByRole('status', { name: /Verified/ }).count()).toBe(0);
    await session.shot('verify-not-found');
  });

  it('checks a downloaded bundle offline, with the file, against the published key', async () => {
    const { page } = session;
    const bundle = await fetchBundle(INVOICE_SHA);
    await page.goto(`${session.clearway.url}/verify`);
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.getByText('Verify a downloaded proof bundle').click();
    await page.getByLabel('Proof bundle (.json)').setInputFiles({ name: 'clearway-proof.json', mimeType: 'application/json', buffer: bundleFile(bundle).bytes });
    await page.getByLabel('The file it proves').setInputFiles({ name: 'invoice.txt', mimeType: 'text/plain', buffer: INVOICE });
    await page.getByRole('button', { name: 'Verify bundle' }).click();
    const panel = successPanel(page, /Verified: this file is in the Clearway ledger/);
    await panel.waitFor();
    expect(await panel.textContent()).toContain(`Leaf index${invoiceLeaf}`);
    // Offline: the key was fetched, the proof was not.
    expect(asked).toContain('/.well-known/clearway-ledger.json');
    expect(asked).not.toContain('/api/ledger/proof');
    page.removeAllListeners('request');

    // The same bundle with another file: the bundle proves someone else's item.
    await dropFiles(page, [bundleFile(bundle), { name: 'other.txt', bytes: CHANGED }]);
    const mismatch = failurePanel(page, /This proof bundle does not verify/);
    await mismatch.waitFor();
    expect(await mismatch.getByRole('listitem').allTextContents()).toEqual([`The bundle is for item ${INVOICE_SHA}, not ${CHANGED_SHA}.`]);
  });

  it('lists what a tampered bundle gets wrong', async () => {
    const { page } = session;
    const bundle = await fetchBundle(INVOICE_SHA);
    expect(bundle.auditPath.length).toBeGreaterThan(0);

    const pathTampered = { ...bundle, auditPath: [flipHexDigit(bundle.auditPath[0]!), ...bundle.auditPath.slice(1)] };
    await dropFiles(page, [bundleFile(pathTampered), { name: 'invoice.txt', bytes: INVOICE }]);
    let panel = failurePanel(page, /This proof bundle does not verify/);
    await panel.waitFor();
    expect(await panel.getByRole('listitem').allTextContents()).toEqual([`The audit path does not lead from leaf ${invoiceLeaf} to the checkpoint's root.`]);
    await session.shot('verify-tampered');

    const rootTampered = { ...bundle, rootHash: flipHexDigit(bundle.rootHash), checkpoint: { ...bundle.checkpoint, rootHash: flipHexDigit(bundle.rootHash) } };
    await dropFiles(page, [bundleFile(rootTampered)]);
    panel = failurePanel(page, /This proof bundle does not verify/);
    await expect.poll(() => panel.getByRole('listitem').allTextContents()).toEqual([
      `The audit path does not lead from leaf ${invoiceLeaf} to the checkpoint's root.`,
      "The checkpoint's signature does not verify with the log's key.",
    ]);

    // A forger's bundle: consistent and signed, but with a key the ledger never published.
    const forger = generateKeyPairSync('ed25519');
    const raw = forger.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
    const keyId = createHash('sha256').update(keyIdPreimage(bundle.checkpoint.origin, raw)).digest().subarray(0, 4).toString('hex');
    const body = formatCheckpointBody(bundle.checkpoint);
    const signature = sign(null, Buffer.from(body), forger.privateKey).toString('base64');
    const forged = {
      ...bundle,
      checkpoint: { ...bundle.checkpoint, keyId, signature, note: formatSignedNote(body, bundle.checkpoint.origin, keyId, signature) },
      publicKey: { ...bundle.publicKey, base64: raw.toString('base64'), keyId },
    };
    await dropFiles(page, [bundleFile(forged), { name: 'invoice.txt', bytes: INVOICE }]);
    await expect.poll(() => panel.getByRole('listitem').allTextContents()).toEqual([
      "The bundle's public key is not the log's published key.",
      "The checkpoint's signature does not verify with the log's key.",
    ]);
    await session.shot('verify-wrong-key');
  });

  it('verifies at once when opened from a QR code link (/verify?hash=…), also on a phone', async () => {
    const phone = await session.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      await phone.goto(`${session.clearway.url}/verify?hash=${INVOICE_SHA.toUpperCase()}`);
      const panel = successPanel(phone, /Verified: this fingerprint is in the Clearway ledger/);
      await panel.waitFor();
      expect(await panel.textContent()).toContain(`Reference${DOCUMENT_REF}`);
      expect(await phone.getByLabel('SHA-256 fingerprint').inputValue()).toBe(INVOICE_SHA);
      // The result, far below the inputs on a phone, was brought into view.
      expect(await panel.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(844 / 2);
      // Nothing wider than the screen (long hashes wrap).
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await session.shot('verify-phone', phone);
    } finally {
      await phone.close();
    }
  });

  it('asks to come back while the proof is not signed, then verifies it', async () => {
    const { page } = session;
    // Anchored right after a checkpoint: its proof stays pending until the server's checkpointer signs the
    // next one, LEDGER_CHECKPOINT_SECONDS (10 s) later — here, not in beforeAll, so that the tests before
    // this one do not use up that window.
    await issueCheckpoint();
    await sqlTransaction((sql) => anchorItem(sql, { kind: 'decision', sha256: DECISION_SHA, ref: DECISION_REF }));
    await page.goto(`${session.clearway.url}/verify`);
    await page.getByLabel('SHA-256 fingerprint').fill(`  ${DECISION_SHA.toUpperCase().replace(/(.{16})/g, '$1 ')}`);
    await page.getByRole('button', { name: 'Verify fingerprint' }).click();
    const pending = failurePanel(page, /its proof is not signed yet/);
    await pending.waitFor();
    expect(await pending.textContent()).toContain('Try again in 10 seconds');
    expect(await page.getByLabel('SHA-256 fingerprint').inputValue()).toBe(DECISION_SHA);
    await session.shot('verify-pending');

    expect(await issueCheckpoint()).not.toBeNull();
    await pending.getByRole('button', { name: 'Check again now' }).click();
    const panel = successPanel(page, /Verified: this fingerprint is in the Clearway ledger/);
    await panel.waitFor();
    const text = (await panel.textContent())!;
    expect(text).toContain('What was recordedCustoms decision');
    expect(text).toContain(`Reference${DECISION_REF}`);
  });

  it('explains a fingerprint that is not one', async () => {
    const { page } = session;
    await page.getByLabel('SHA-256 fingerprint').fill('not-a-hash');
    await page.getByRole('button', { name: 'Verify fingerprint' }).click();
    await expect(page.getByText('Enter a SHA-256 fingerprint: 64 hexadecimal digits').count()).resolves.toBe(1);
    expect(await page.getByLabel('SHA-256 fingerprint').getAttribute('aria-invalid')).toBe('true');
  });
});
