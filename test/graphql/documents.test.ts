// Documents and the public ledger over GraphQL, through the product's HTTP server: upload with
// POST /api/documents, attach with attachDocument, read them on the declaration with their ledger leaf,
// then find and prove that leaf with the public ledger queries.
import { createHash, generateKeyPairSync } from 'node:crypto';

import { beforeAll, describe, expect, it } from 'vitest';

import { resetEnvCache } from '../../lib/env';
import { issueCheckpoint } from '../../lib/ledger/issue-checkpoint';
import { verifyConsistency, verifyInclusion } from '../../lib/ledger/verify-proof';
import { pdf, setTemporaryBlobDir } from '../documents/helpers';
import { asToken } from '../support/auth';
import { draftImport, submittedImport } from '../support/declarations';
import { serveSignedIn } from './http-server';

setTemporaryBlobDir();
process.env.LEDGER_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
resetEnvCache();

const EMAILS = {
  trader: 'trader@rotterdam-importers.example',
  otherTrader: 'trader@kampala-trading.example',
  officer: 'officer@customs.example',
};
const { server, H } = serveSignedIn(EMAILS);

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function upload(bytes: Uint8Array, headers: Record<string, string> = H.trader!, fileName = 'invoice.pdf') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), fileName);
  const res = await fetch(`${server.url}/api/documents`, { method: 'POST', body: form, headers });
  expect(res.status).toBe(201);
  return (await res.json()) as { uploadId: string; sha256: string; size: number };
}

async function gql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return server.graphql({ query, variables }, headers);
}

const ATTACH = `mutation($d: ID!, $i: AttachDocumentInput!) {
  attachDocument(declarationId: $d, input: $i) {
    document { id type reference fileName sha256 size contentType uploadedByName downloadUrl ledger { leafIndex leafHash verifyUrl proofUrl } removedAt }
    userErrors { path code message }
  }
}`;
const DOCUMENTS = 'query($id: ID!) { declaration(id: $id) { id documents { id type reference sha256 ledger { leafIndex } } } }';
const REMOVE = 'mutation($id: ID!) { removeDocument(id: $id) { document { id removedAt } userErrors { path code message } } }';

describe('documents of a declaration', () => {
  let declarationId: string;
  let bytes: Buffer;
  let document: { id: string; sha256: string; ledger: { leafIndex: number; leafHash: string } };

  beforeAll(async () => {
    declarationId = await submittedImport(EMAILS.trader);
    bytes = pdf(200);
  });

  it('uploads a PDF, attaches it as the trader, and lists it on the declaration with its ledger leaf', async () => {
    const uploaded = await upload(bytes);
    const { json } = await gql(ATTACH, { d: declarationId, i: { uploadId: uploaded.uploadId, type: 'COMMERCIAL_INVOICE', reference: 'INV-2026-0042' } }, H.trader);
    expect(json.errors).toBeUndefined();
    const attached = json.data.attachDocument;
    expect(attached.userErrors).toEqual([]);
    document = attached.document;
    expect(attached.document).toMatchObject({
      type: 'COMMERCIAL_INVOICE',
      reference: 'INV-2026-0042',
      fileName: 'invoice.pdf',
      sha256: sha256(bytes),
      size: bytes.length,
      contentType: 'application/pdf',
      uploadedByName: expect.any(String),
      downloadUrl: `/api/documents/${attached.document.id}`,
      ledger: {
        leafIndex: null, // committed as a pending entry: the integrator gives it its leaf
        leafHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        verifyUrl: `/verify?hash=${sha256(bytes)}`,
        proofUrl: `/api/ledger/proof?hash=${sha256(bytes)}&download=1`,
      },
      removedAt: null,
    });

    const awaited = await gql('query($h: String!) { awaitAnchoring(sha256: $h, timeoutMs: 10000) { integrated leafIndex leafHash } }', { h: sha256(bytes) });
    expect(awaited.json.data.awaitAnchoring).toEqual({ integrated: true, leafIndex: expect.any(Number), leafHash: document.ledger.leafHash });
    document.ledger.leafIndex = awaited.json.data.awaitAnchoring.leafIndex;
    const listed = await gql(DOCUMENTS, { id: declarationId }, H.trader);
    expect(listed.json.data.declaration.documents).toEqual([
      { id: document.id, type: 'COMMERCIAL_INVOICE', reference: 'INV-2026-0042', sha256: sha256(bytes), ledger: { leafIndex: document.ledger.leafIndex } },
    ]);
    // Officers see it too; the download link serves the same bytes.
    const asOfficer = await gql(DOCUMENTS, { id: declarationId }, H.officer);
    expect(asOfficer.json.data.declaration.documents.map((d: { id: string }) => d.id)).toEqual([document.id]);
    const download = await fetch(`${server.url}${attached.document.downloadUrl}`, { headers: H.trader });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
  });

  it('loads the documents of a page of declarations in one batch', async () => {
    const { json } = await gql('{ declarations(first: 50) { edges { node { id documents { id } } } } }', {}, H.trader);
    expect(json.errors).toBeUndefined();
    const mine = json.data.declarations.edges.find((e: { node: { id: string } }) => e.node.id === declarationId);
    expect(mine.node.documents).toEqual([{ id: document.id }]);
  });

  it('finds the document in the public ledger with kind "document", without sign-in', async () => {
    const { json } = await gql('query($h: String!) { ledgerEntry(sha256: $h) { leafIndex leafHash kind ref sha256 anchoredAt entry laterLeafIndexes } }', { h: sha256(bytes) });
    expect(json.errors).toBeUndefined();
    expect(json.data.ledgerEntry).toMatchObject({ leafIndex: document.ledger.leafIndex, leafHash: document.ledger.leafHash, kind: 'document', ref: document.id, sha256: sha256(bytes), laterLeafIndexes: [] });
    expect(JSON.parse(Buffer.from(json.data.ledgerEntry.entry, 'base64').toString())).toMatchObject({ kind: 'document', sha256: sha256(bytes) });
    const unknown = await gql('{ ledgerEntry(sha256: "' + '0'.repeat(64) + '") { leafIndex } }');
    expect(unknown.json.data.ledgerEntry).toBeNull();
    const malformed = await gql('{ ledgerEntry(sha256: "nope") { leafIndex } }');
    expect(malformed.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('proves the leaf: the inclusion proof verifies against the signed checkpoint, and checkpoints are consistent', async () => {
    const before = await issueCheckpoint();
    const first = (await gql('{ latestCheckpoint { origin treeSize rootHash timestamp keyId signature note } }')).json.data.latestCheckpoint;
    expect(first).toMatchObject({ treeSize: before?.treeSize ?? expect.any(Number), rootHash: expect.stringMatching(/^[0-9a-f]{64}$/), keyId: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(first.note).toContain(first.origin);

    const { json } = await gql('query($h: String!) { inclusionProof(sha256: $h) { leafIndex leafHash treeSize rootHash auditPath } }', { h: sha256(bytes) });
    const proof = json.data.inclusionProof;
    expect(proof).toMatchObject({ leafIndex: document.ledger.leafIndex, leafHash: document.ledger.leafHash, treeSize: first.treeSize, rootHash: first.rootHash });
    expect(await verifyInclusion(proof)).toBe(true);
    expect(await verifyInclusion({ ...proof, leafHash: 'f'.repeat(64) })).toBe(false);

    // Another leaf later, another checkpoint: the later tree extends the earlier one.
    await submittedImport(EMAILS.trader);
    const after = (await issueCheckpoint())!;
    const consistency = (await gql('query($f: Int!, $t: Int!) { consistencyProof(from: $f, to: $t) { firstSize secondSize firstRootHash secondRootHash proof } }', { f: first.treeSize, t: after.treeSize })).json.data
      .consistencyProof;
    expect(consistency).toMatchObject({ firstSize: first.treeSize, secondSize: after.treeSize, firstRootHash: first.rootHash, secondRootHash: after.rootHash });
    expect(await verifyConsistency(consistency)).toBe(true);
    const unknown = await gql('{ inclusionProof(sha256: "' + '0'.repeat(64) + '") { leafIndex } }');
    expect(unknown.json.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('answers the same file twice on one declaration with a CONFLICT user error', async () => {
    const again = await upload(bytes, H.trader, 'invoice-copy.pdf');
    const { json } = await gql(ATTACH, { d: declarationId, i: { uploadId: again.uploadId, type: 'COMMERCIAL_INVOICE', reference: 'INV-2026-0042' } }, H.trader);
    expect(json.data.attachDocument).toEqual({
      document: null,
      userErrors: [{ path: [], code: 'CONFLICT', message: `This file is already attached to the declaration (document ${document.id}).` }],
    });
    const invalid = await gql(ATTACH, { d: declarationId, i: { sha256: sha256(bytes), type: 'OTHER', reference: '' } }, H.trader);
    expect(invalid.json.data.attachDocument.userErrors).toEqual([expect.objectContaining({ path: ['reference'] })]);
  });

  it('shows another company neither the declaration nor its documents, and lets it attach nothing', async () => {
    const { json } = await gql(DOCUMENTS, { id: declarationId }, H.otherTrader);
    expect(json.errors).toBeUndefined();
    expect(json.data.declaration).toBeNull();
    const theirs = await upload(pdf(10), H.otherTrader);
    const attach = await gql(ATTACH, { d: declarationId, i: { uploadId: theirs.uploadId, type: 'OTHER', reference: 'X-1' } }, H.otherTrader);
    expect(attach.json.errors[0].extensions.code).toBe('NOT_FOUND');
    const remove = await gql(REMOVE, { id: document.id }, H.otherTrader);
    expect(remove.json.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('refuses a token without documents:read the documents field and the download with 403 naming the scope', async () => {
    const reader = await asToken(EMAILS.trader, ['declarations:read']);
    const declarationOnly = await gql('query($id: ID!) { declaration(id: $id) { id } }', { id: declarationId }, reader.headers);
    expect(declarationOnly.json.data.declaration.id).toBe(declarationId);

    const refused = await gql(DOCUMENTS, { id: declarationId }, reader.headers);
    expect(refused.status).toBe(403);
    expect(refused.json.errors[0]).toMatchObject({ path: ['declaration', 'documents'], extensions: { code: 'FORBIDDEN', requiredScope: 'documents:read' } });
    const download = await fetch(`${server.url}/api/documents/${document.id}`, { headers: reader.headers });
    expect(download.status).toBe(403);

    const both = await asToken(EMAILS.trader, ['declarations:read', 'documents:read']);
    const allowed = await gql(DOCUMENTS, { id: declarationId }, both.headers);
    expect(allowed.status).toBe(200);
    expect(allowed.json.data.declaration.documents.map((d: { id: string }) => d.id)).toEqual([document.id]);
  });
});

describe('removeDocument', () => {
  it('withdraws a document from a draft (listed again only with includeRemoved), and refuses it after submission as a CONFLICT user error', async () => {
    const draft = await draftImport(EMAILS.trader);
    const uploaded = await upload(pdf(30));
    const attached = (await gql(ATTACH, { d: draft, i: { uploadId: uploaded.uploadId, type: 'PACKING_LIST', reference: 'PL-7' } }, H.trader)).json.data.attachDocument.document;
    const removed = await gql(REMOVE, { id: attached.id }, H.trader);
    expect(removed.json.data.removeDocument).toEqual({ document: { id: attached.id, removedAt: expect.any(String) }, userErrors: [] });
    const listed = await gql('query($id: ID!) { declaration(id: $id) { documents { id } withRemoved: documents(includeRemoved: true) { id removedAt } } }', { id: draft }, H.trader);
    expect(listed.json.data.declaration).toEqual({ documents: [], withRemoved: [{ id: attached.id, removedAt: expect.any(String) }] });

    const submitted = await submittedImport(EMAILS.trader);
    const other = await upload(pdf(40));
    const kept = (await gql(ATTACH, { d: submitted, i: { uploadId: other.uploadId, type: 'PACKING_LIST', reference: 'PL-8' } }, H.trader)).json.data.attachDocument.document;
    const refused = await gql(REMOVE, { id: kept.id }, H.trader);
    expect(refused.json.data.removeDocument).toEqual({ document: null, userErrors: [{ path: [], code: 'CONFLICT', message: expect.stringContaining('stay attached') }] });
  });

  it('needs a session or a token', async () => {
    const { json } = await gql(REMOVE, { id: '00000000-0000-0000-0000-000000000000' });
    expect(json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
