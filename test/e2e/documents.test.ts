// Documents of a declaration in the browser, on the server as `npm start` runs it (with its demo data):
// the trader opens a released demo declaration, uploads a PDF (progress, then attached and anchored),
// sees it listed with its ledger leaf, downloads it, is told clearly why a text file named .pdf is
// refused, and opens the generated declaration PDF.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ClearwayProcess } from './clearway-process';
import { openPortalSession } from './portal-session';

// Set before the session's hook starts the server, which inherits them: its blobs and ledger key stay
// in this test's temporary folder.
const dir = mkdtempSync(path.join(os.tmpdir(), 'clearway-e2e-documents-'));
const previous = { BLOB_DIR: process.env.BLOB_DIR, LEDGER_SIGNING_KEY: process.env.LEDGER_SIGNING_KEY };
process.env.BLOB_DIR = path.join(dir, 'blobs');
process.env.LEDGER_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');

const session = openPortalSession();
const { actAs, shot } = session;
let clearway: ClearwayProcess;
let page: Page;

const TRADER = 'trader@rotterdam-importers.example';
// The seed files drafts 1–6, green 7–12, paid 13–16, then releases 17–28 (lib/declarations/seed-demo-declarations.ts).
const RELEASED_DEMO = 'DEMO-0017';

// A minimal PDF (the upload sniffer needs only "%PDF-"), unique to this run.
const INVOICE = Buffer.from(
  `%PDF-1.4\n% ${randomBytes(8).toString('hex')}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
);
const INVOICE_SHA = createHash('sha256').update(INVOICE).digest('hex');
const invoicePath = path.join(dir, 'invoice-INV-2026-0042.pdf');
const disguisedPath = path.join(dir, 'not-really.pdf');

beforeAll(() => {
  ({ clearway, page } = session);
  writeFileSync(invoicePath, INVOICE);
  writeFileSync(disguisedPath, 'Commercial invoice INV-2026-0043\nThis is plain text with a .pdf name.\n');
});

afterAll(() => {
  for (const [name, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(dir, { recursive: true, force: true });
});

const documents = () => page.getByTestId('documents');

describe('documents of a declaration in the portal', () => {
  let declarationUrl: string;

  it('shows a released demo declaration’s empty Documents section, the upload form and the generated PDFs', async () => {
    await page.goto(`${clearway.url}/declarations`);
    await actAs(TRADER);
    await page.goto(`${clearway.url}/declarations?q=${RELEASED_DEMO}`);
    await page.getByRole('link', { name: RELEASED_DEMO }).click();
    await page.waitForURL(/\/declarations\/[0-9a-f-]{36}$/);
    declarationUrl = page.url();
    expect(await page.getByTestId('current-status').getAttribute('data-status')).toBe('RELEASED');
    await expect.poll(() => documents().getByTestId('documents-empty').count()).toBe(1);
    expect(await documents().getByRole('link', { name: 'Declaration PDF' }).count()).toBe(1);
    expect(await documents().getByRole('link', { name: 'Release note PDF' }).count()).toBe(1);
    await documents().scrollIntoViewIfNeeded();
    await shot('documents-empty');
  });

  it('uploads a PDF and lists it with the ledger leaf that anchors it', async () => {
    await page.getByLabel('File', { exact: true }).setInputFiles(invoicePath);
    await page.getByLabel('Kind of document').selectOption('COMMERCIAL_INVOICE');
    await page.getByLabel('Reference', { exact: true }).fill('INV-2026-0042');
    await page.getByRole('button', { name: 'Upload and attach' }).click();

    const done = page.getByTestId('document-upload-done');
    // Attaching queues the ledger entry; the integrator gives it its leaf a moment later, and the row
    // shows "Anchoring…" until the page's refresh finds it.
    await expect.poll(() => done.textContent()).toMatch(/invoice-INV-2026-0042\.pdf is attached(; its ledger anchoring follows in a moment|, anchored in the ledger at leaf \d+)\./);
    const row = documents().locator(`[data-testid="document-row"][data-sha256="${INVOICE_SHA}"]`);
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.getByTestId('document-leaf').textContent(), { timeout: 15_000 }).toMatch(/^Anchored at leaf \d+$/);
    expect(await row.getByTestId('document-leaf').getAttribute('href')).toBe(`/verify?hash=${INVOICE_SHA}`);
    const text = (await row.textContent())!;
    for (const expected of ['Commercial invoice', 'INV-2026-0042', 'invoice-INV-2026-0042.pdf', `${INVOICE.length} bytes`]) expect(text).toContain(expected);
    expect(await documents().getByTestId('documents-empty').count()).toBe(0);
    await row.scrollIntoViewIfNeeded();
    await shot('documents-uploaded');
  });

  it('downloads the document as uploaded', async () => {
    const row = documents().locator(`[data-testid="document-row"][data-sha256="${INVOICE_SHA}"]`);
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: /^Download / }).click()]);
    expect(download.suggestedFilename()).toBe('invoice-INV-2026-0042.pdf');
    const saved = await download.path();
    expect(createHash('sha256').update(readFileSync(saved)).digest('hex')).toBe(INVOICE_SHA);
  });

  it('refuses a text file named .pdf with the server’s reason next to the file field, attaching nothing', async () => {
    await page.getByLabel('File', { exact: true }).setInputFiles(disguisedPath);
    await page.getByLabel('Kind of document').selectOption('OTHER');
    await page.getByLabel('Reference', { exact: true }).fill('INV-2026-0043');
    await page.getByRole('button', { name: 'Upload and attach' }).click();
    const error = page.locator('#doc-file-error');
    await expect.poll(() => error.textContent()).toContain('The file is not an accepted type.');
    expect(await error.textContent()).toContain('PDF, PNG, JPEG, XML or JSON');
    expect(await documents().getByTestId('document-row').count()).toBe(1);
    await page.locator('[data-testid="document-upload"]').scrollIntoViewIfNeeded();
    await shot('documents-refused-upload');
  });

  it('opens the generated declaration and release note PDFs', async () => {
    for (const name of ['Declaration PDF', 'Release note PDF']) {
      const href = (await documents().getByRole('link', { name }).getAttribute('href'))!;
      expect(href).toMatch(/^\/api\/declarations\/[0-9a-f-]{36}\/(declaration|release-note)\.pdf$/);
      const res = await page.request.get(`${clearway.url}${href}`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('application/pdf');
      const body = await res.body();
      expect(body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(res.headers()['x-document-sha256']).toBe(createHash('sha256').update(body).digest('hex'));
    }
  });

  it('links the leaf to the public verification page for the document’s hash', async () => {
    await page.goto(declarationUrl);
    await documents().locator(`[data-testid="document-row"][data-sha256="${INVOICE_SHA}"]`).getByTestId('document-leaf').click();
    await page.waitForURL((url) => url.pathname === '/verify' && url.searchParams.get('hash') === INVOICE_SHA);
    await shot('documents-verify-link');
  });
});
