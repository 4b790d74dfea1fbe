// Attaching an upload to a declaration: the document row, its audit event and its ledger leaf in one
// transaction; who may attach what.
import { Readable } from 'node:stream';

import { beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor, type Actor } from '../../lib/auth/actor';
import { createApiToken } from '../../lib/auth/create-api-token';
import { loadTokenActor } from '../../lib/auth/actor';
import type { Scope } from '../../lib/auth/scopes';
import { getPool } from '../../lib/db';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { attachDocument } from '../../lib/documents/attach-document';
import { listDocuments } from '../../lib/documents/list-documents';
import { storeUpload } from '../../lib/documents/store-upload';
import { formatLedgerEntry } from '../../lib/ledger/entry-format';
import { getInclusionProof } from '../../lib/ledger/get-inclusion-proof';
import { getLedgerEntry } from '../../lib/ledger/get-ledger-entry';
import { integratePending } from '../../lib/ledger/integrate-pending';
import { hashLeaf } from '../../lib/ledger/merkle-hash';
import { verifyInclusion } from '../../lib/ledger/verify-proof';
import { validImport } from '../declarations/fixtures';
import { pdf, setTemporaryBlobDir } from './helpers';

setTemporaryBlobDir();

let trader: Actor;
let otherTrader: Actor;
let officer: Actor;
let declarationId: string;

beforeAll(async () => {
  trader = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
  otherTrader = await loadUserActor({ email: 'trader@kampala-trading.example' });
  officer = await loadUserActor({ email: 'officer@customs.example' });
  declarationId = (await createDeclarationDraft({ actor: trader, input: validImport() })).id;
});

const uploadAs = (actor: Actor, bytes = pdf(100), fileName = 'invoice.pdf') => storeUpload({ actor, content: Readable.from([bytes]), fileName });

async function tokenActor(scopes: Scope[]): Promise<Actor> {
  const { secret } = await createApiToken({ actor: trader, input: { name: `attach ${scopes.join(' ')}`, scopes } });
  return loadTokenActor(secret);
}

// Leaves and entries still waiting for the integrator: anchoring adds to the second.
const ledgerSize = async () => Number((await getPool().query('SELECT ledger_tree_size() + (SELECT count(*) FROM ledger_pending) AS count')).rows[0].count);

/** The document's leaf index once the pending entries are integrated, as listDocuments reads it. */
async function integratedLeaf(actor: Actor, doc: { id: string; declarationId: string }): Promise<number> {
  await integratePending({ wait: true });
  const listed = (await listDocuments({ actor, declarationId: doc.declarationId })).find((d) => d.id === doc.id)!;
  expect(listed.ledgerLeafIndex).toEqual(expect.any(Number));
  return listed.ledgerLeafIndex!;
}

describe('attachDocument', () => {
  it('stores the document and anchors it: its leaf hash is the ledger’s hash of its entry', async () => {
    const upload = await uploadAs(trader);
    const doc = await attachDocument({ actor: trader, declarationId, uploadId: upload.uploadId, type: 'COMMERCIAL_INVOICE', reference: ' INV-2026-001 ' });
    expect(doc).toMatchObject({
      declarationId,
      type: 'COMMERCIAL_INVOICE',
      reference: 'INV-2026-001',
      fileName: 'invoice.pdf',
      sha256: upload.sha256,
      size: upload.size,
      contentType: 'application/pdf',
      uploadedById: trader.userId,
      uploadedByName: trader.name,
      companyId: trader.companyId,
      removedAt: null,
    });

    // The entry the ledger holds is { at: createdAt, kind: document, ref: the document id, sha256 }.
    const entry = formatLedgerEntry({ at: doc.createdAt.toISOString(), kind: 'document', ref: doc.id, sha256: upload.sha256 });
    expect(doc.ledgerLeafHash).toBe(hashLeaf(entry).toString('hex'));
    // Committed with the document as a pending entry; its leaf index follows from the integrator.
    expect(doc.ledgerLeafIndex).toBeNull();
    const pending = await getPool().query(`SELECT convert_from(entry, 'UTF8') AS entry FROM ledger_pending WHERE item_sha256 = decode($1, 'hex')`, [upload.sha256]);
    expect(pending.rows).toEqual([{ entry }]);
    const leafIndex = await integratedLeaf(trader, doc);
    const { rows } = await getPool().query(`SELECT leaf_index::int AS leaf_index, encode(leaf_hash, 'hex') AS leaf_hash FROM ledger_leaves_of(decode($1, 'hex'))`, [upload.sha256]);
    expect(rows).toEqual([{ leaf_index: leafIndex, leaf_hash: doc.ledgerLeafHash }]);
    expect(Buffer.from((await getLedgerEntry(upload.sha256)).entry, 'base64').toString()).toBe(entry);
    expect(await getLedgerEntry(upload.sha256)).toMatchObject({ leafIndex, leafHash: doc.ledgerLeafHash });
    const proof = await getInclusionProof({ leafIndex });
    expect(proof.leafHash).toBe(doc.ledgerLeafHash);
    expect(await verifyInclusion(proof)).toBe(true);

    const audit = await getPool().query(`SELECT action, actor_id, details FROM audit_event WHERE target_id = $1`, [doc.id]);
    expect(audit.rows).toEqual([expect.objectContaining({ action: 'document.attach', actor_id: trader.userId })]);
    expect(audit.rows[0].details).toMatchObject({ declarationId, sha256: upload.sha256, type: 'COMMERCIAL_INVOICE' });
  });

  it('attaches by SHA-256 (the company’s latest upload of those bytes), with a new file name if given', async () => {
    const bytes = pdf(200);
    await uploadAs(trader, bytes, 'old name.pdf');
    const upload = await uploadAs(trader, bytes, 'packing list.pdf');
    const doc = await attachDocument({ actor: trader, declarationId, sha256: upload.sha256.toUpperCase(), type: 'PACKING_LIST', reference: 'PL-7' });
    expect(doc.fileName).toBe('packing list.pdf');
    const renamed = await attachDocument({
      actor: trader,
      declarationId: (await createDeclarationDraft({ actor: trader, input: validImport() })).id,
      uploadId: upload.uploadId,
      type: 'PACKING_LIST',
      reference: 'PL-7',
      fileName: 'PL-7.pdf',
    });
    expect(renamed.fileName).toBe('PL-7.pdf');
    expect(await integratedLeaf(trader, renamed)).toBeGreaterThan(await integratedLeaf(trader, doc));
  });

  it('refuses the same file twice on one declaration (409), anchoring nothing', async () => {
    const upload = await uploadAs(trader);
    const first = await attachDocument({ actor: trader, declarationId, uploadId: upload.uploadId, type: 'OTHER', reference: 'X' });
    const size = await ledgerSize();
    await expect(attachDocument({ actor: trader, declarationId, uploadId: upload.uploadId, type: 'OTHER', reference: 'Y' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { documentId: first.id },
    });
    expect(await ledgerSize()).toBe(size);
  });

  it('only attaches bytes the company uploaded itself: a known SHA-256 is not enough', async () => {
    const theirs = await uploadAs(otherTrader);
    await expect(attachDocument({ actor: trader, declarationId, sha256: theirs.sha256, type: 'OTHER', reference: 'X' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(attachDocument({ actor: trader, declarationId, uploadId: theirs.uploadId, type: 'OTHER', reference: 'X' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is for the declaration’s filer: another company gets "not found", an officer "forbidden"', async () => {
    const theirs = await uploadAs(otherTrader);
    await expect(attachDocument({ actor: otherTrader, declarationId, uploadId: theirs.uploadId, type: 'OTHER', reference: 'X' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(attachDocument({ actor: officer, declarationId, sha256: theirs.sha256, type: 'OTHER', reference: 'X' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(attachDocument({ actor: trader, declarationId: '00000000-0000-4000-8000-000000000000', sha256: theirs.sha256, type: 'OTHER', reference: 'X' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('takes documents:write for tokens, not the declarations scopes', async () => {
    const upload = await uploadAs(trader);
    const documentsOnly = await tokenActor(['documents:write']);
    const doc = await attachDocument({ actor: documentsOnly, declarationId, uploadId: upload.uploadId, type: 'LICENCE', reference: 'LIC-1' });
    expect(doc.type).toBe('LICENCE');
    const declarationsOnly = await tokenActor(['declarations:read', 'declarations:write']);
    await expect(attachDocument({ actor: declarationsOnly, declarationId, uploadId: upload.uploadId, type: 'LICENCE', reference: 'LIC-1' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { requiredScope: 'documents:write' },
    });
  });

  it('validates its input field by field', async () => {
    const error = await attachDocument({ actor: trader, declarationId, type: 'INVOICE' as never, reference: '' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT' });
    const paths = (error as { details: { fieldErrors: { path: string[] }[] } }).details.fieldErrors.map((f) => f.path.join('.'));
    expect(paths.sort()).toEqual(['reference', 'type']);
    await expect(attachDocument({ actor: trader, declarationId, type: 'OTHER', reference: 'X' })).rejects.toMatchObject({
      details: { fieldErrors: [{ path: ['uploadId'], message: 'Give either the upload id or the SHA-256 of an upload.' }] },
    });
  });
});
