// POST /api/documents and GET /api/documents/{id} through the product's HTTP server: limits, content
// sniffing, interrupted uploads, deduplication, and who may download what.
import { createHash } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { getPool } from '../../lib/db';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { attachDocument } from '../../lib/documents/attach-document';
import { resetEnvCache } from '../../lib/env';
import { validImport } from '../declarations/fixtures';
import { serveSignedIn } from '../graphql/http-server';
import { asToken } from '../support/auth';
import { EXE, filesUnder, PNG, pdf, setTemporaryBlobDir, waitFor } from './helpers';

const MAX = 64 * 1024;
const blobDir = setTemporaryBlobDir();
process.env.DOCUMENT_MAX_BYTES = String(MAX);
resetEnvCache();

const EMAILS = {
  trader: 'trader@rotterdam-importers.example',
  otherTrader: 'trader@kampala-trading.example',
  officer: 'officer@customs.example',
};
const { server, H } = serveSignedIn(EMAILS);

async function upload(bytes: Uint8Array, headers: Record<string, string> = H.trader!, fileName = 'invoice.pdf', type = 'application/pdf') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), fileName);
  const res = await fetch(`${server.url}/api/documents`, { method: 'POST', body: form, headers });
  return { status: res.status, json: await res.json() };
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const blobPath = (sha: string) => path.join(sha.slice(0, 2), sha.slice(2, 4), sha);
const uploadCount = async () => Number((await getPool().query('SELECT count(*) FROM document_upload')).rows[0].count);

describe('POST /api/documents', () => {
  it('stores a PDF under its SHA-256 and answers 201; the same bytes again are stored once, "duplicate"', async () => {
    const bytes = pdf(1000);
    const first = await upload(bytes);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ sha256: sha256(bytes), size: bytes.length, contentType: 'application/pdf', fileName: 'invoice.pdf', duplicate: false });
    expect(first.json.uploadId).toMatch(/^[0-9a-f-]{36}$/);
    expect(filesUnder(blobDir)).toContain(blobPath(sha256(bytes)));

    const files = filesUnder(blobDir);
    const again = await upload(bytes, H.trader, 'copy.pdf');
    expect(again.status).toBe(201);
    expect(again.json).toMatchObject({ sha256: sha256(bytes), duplicate: true, fileName: 'copy.pdf' });
    expect(filesUnder(blobDir)).toEqual(files);

    // Another company uploading the same bytes learns nothing about the first company's files.
    const elsewhere = await upload(bytes, H.otherTrader);
    expect(elsewhere.json).toMatchObject({ sha256: sha256(bytes), duplicate: false });
    expect(filesUnder(blobDir)).toEqual(files);
    const { rows } = await getPool().query('SELECT count(*)::int AS n FROM blob WHERE sha256 = $1', [sha256(bytes)]);
    expect(rows[0].n).toBe(1);
  });

  it('decides the type from the bytes: a PNG named .pdf is a PNG', async () => {
    const res = await upload(PNG, H.trader, 'scan.pdf', 'application/pdf');
    expect(res.json).toMatchObject({ contentType: 'image/png', fileName: 'scan.pdf' });
  });

  it('refuses a file over DOCUMENT_MAX_BYTES with 413, leaving no blob, no temporary file and no row', async () => {
    const files = filesUnder(blobDir);
    const rows = await uploadCount();
    // Streamed past the limit (the declared length alone does not give it away)…
    const streamed = await upload(pdf(MAX + 1000));
    expect(streamed.status).toBe(413);
    expect(streamed.json.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', maxBytes: MAX });
    expect(streamed.json.error.message).toContain(`limit of 64 KiB (${MAX} bytes)`);
    // …or declared too large before a byte is read.
    const declared = await upload(pdf(4 * MAX));
    expect(declared.status).toBe(413);
    await waitFor(() => filesUnder(blobDir).length === files.length);
    expect(filesUnder(blobDir)).toEqual(files);
    expect(await uploadCount()).toBe(rows);
  });

  it('refuses with 415 what is not PDF, PNG, JPEG, XML or JSON — an .exe renamed .pdf included', async () => {
    const files = filesUnder(blobDir);
    const disguised = await upload(EXE, H.trader, 'invoice.pdf', 'application/pdf');
    expect(disguised.status).toBe(415);
    expect(disguised.json.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(disguised.json.error.message).toContain('PDF, PNG, JPEG, XML or JSON');
    expect((await upload(Buffer.from('just some text'), H.trader, 'notes.txt', 'text/plain')).status).toBe(415);
    expect((await upload(Buffer.from('{"invoice": 12,'), H.trader, 'data.json', 'application/json')).status).toBe(415);
    expect((await upload(Buffer.from('  {"invoice": 12}'), H.trader, 'data.json', 'text/plain')).json.contentType).toBe('application/json');
    expect((await upload(Buffer.from('\ufeff<?xml version="1.0"?><Invoice/>'), H.trader, 'inv.xml')).json.contentType).toBe('application/xml');

    const notMultipart = await fetch(`${server.url}/api/documents`, { method: 'POST', body: new Uint8Array(pdf()), headers: { ...H.trader, 'content-type': 'application/pdf' } });
    expect(notMultipart.status).toBe(415);
    expect(filesUnder(blobDir).filter((f) => !files.includes(f))).toHaveLength(2); // the JSON and the XML
  });

  it('refuses an empty file (400) and a form without a "file" field (400)', async () => {
    const files = filesUnder(blobDir);
    const empty = await upload(new Uint8Array(0));
    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toBe('The file is empty.');
    const form = new FormData();
    form.append('document', new Blob([new Uint8Array(pdf())]), 'x.pdf');
    const wrongField = await fetch(`${server.url}/api/documents`, { method: 'POST', body: form, headers: H.trader });
    expect(wrongField.status).toBe(400);
    expect(filesUnder(blobDir)).toEqual(files);
  });

  it('leaves no blob and no temporary file when the client aborts mid-upload', async () => {
    const files = filesUnder(blobDir);
    const rows = await uploadCount();
    const boundary = 'clearway-test-boundary';
    const req = http.request(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { ...H.trader, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(MAX) },
    });
    req.on('error', () => undefined);
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    req.write(pdf(20_000));
    await waitFor(() => filesUnder(blobDir).some((f) => f.startsWith('.tmp')));
    req.destroy();
    await waitFor(() => !filesUnder(blobDir).some((f) => f.startsWith('.tmp')));
    expect(filesUnder(blobDir)).toEqual(files);
    expect(await uploadCount()).toBe(rows);
  });

  it('needs a signed-in trader or broker, or a token with documents:write', async () => {
    const anonymous = await upload(pdf(), {});
    expect(anonymous.status).toBe(401);
    expect((await upload(pdf(), H.officer)).status).toBe(403);
    const reader = await asToken(EMAILS.trader, ['declarations:write', 'documents:read']);
    const refused = await upload(pdf(), reader.headers);
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'documents:write' });
    const writer = await asToken(EMAILS.trader, ['documents:write']);
    expect((await upload(pdf(), writer.headers)).status).toBe(201);
    const crossSite = await upload(pdf(), { ...H.trader, origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
  });
});

describe('GET /api/documents/{id}', () => {
  let documentId: string;
  let bytes: Buffer;

  beforeAll(async () => {
    const trader = await loadUserActor({ email: EMAILS.trader });
    const { id: declarationId } = await createDeclarationDraft({ actor: trader, input: validImport() });
    bytes = pdf(5000);
    const uploaded = await upload(bytes, H.trader, 'Facture n°1 "final".pdf');
    const doc = await attachDocument({ actor: trader, declarationId, uploadId: uploaded.json.uploadId, type: 'COMMERCIAL_INVOICE', reference: 'INV-2026-001' });
    documentId = doc.id;
  });

  const get = (id: string, headers: Record<string, string>) => fetch(`${server.url}/api/documents/${id}`, { headers });

  it('streams the bytes with their type, a safe content-disposition and nosniff to whoever sees the declaration', async () => {
    const res = await get(documentId, H.trader!);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="Facture n_1 _final_.pdf"; filename*=UTF-8''Facture%20n%C2%B01%20%22final%22.pdf`);
    expect(res.headers.get('x-document-sha256')).toBe(sha256(bytes));

    expect((await get(documentId, H.officer!)).status).toBe(200);
    const reader = await asToken(EMAILS.trader, ['documents:read']);
    expect((await get(documentId, reader.headers)).status).toBe(200);
  });

  it('answers 404 to another company, 403 to a token without documents:read, 401 without credentials', async () => {
    const other = await get(documentId, H.otherTrader!);
    expect(other.status).toBe(404);
    expect((await other.json()).error.code).toBe('NOT_FOUND');
    const otherToken = await asToken(EMAILS.otherTrader, ['documents:read']);
    expect((await get(documentId, otherToken.headers)).status).toBe(404);

    const declarationsOnly = await asToken(EMAILS.trader, ['declarations:read', 'declarations:write']);
    const refused = await get(documentId, declarationsOnly.headers);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.requiredScope).toBe('documents:read');

    expect((await get(documentId, {})).status).toBe(401);
    expect((await get('00000000-0000-4000-8000-000000000000', H.trader!)).status).toBe(404);
    expect((await get('not-a-uuid', H.trader!)).status).toBe(404);
    expect((await fetch(`${server.url}/api/documents/${documentId}`, { method: 'DELETE', headers: H.trader })).status).toBe(405);
  });
});
