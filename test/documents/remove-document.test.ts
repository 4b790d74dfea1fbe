// Withdrawing a document from a draft: the row is marked, the ledger leaf stays; rows never change otherwise.
import { Readable } from 'node:stream';

import { beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor, type Actor } from '../../lib/auth/actor';
import { getPool } from '../../lib/db';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { attachDocument } from '../../lib/documents/attach-document';
import { getDocumentForDownload } from '../../lib/documents/get-document-for-download';
import { listDocuments } from '../../lib/documents/list-documents';
import { integratePending } from '../../lib/ledger/integrate-pending';
import { removeDocument } from '../../lib/documents/remove-document';
import { storeUpload } from '../../lib/documents/store-upload';
import { validImport } from '../declarations/fixtures';
import { pdf, setTemporaryBlobDir } from './helpers';

setTemporaryBlobDir();

let trader: Actor;
let declarationId: string;

beforeAll(async () => {
  trader = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
  declarationId = (await createDeclarationDraft({ actor: trader, input: validImport() })).id;
});

async function attach() {
  const upload = await storeUpload({ actor: trader, content: Readable.from([pdf()]), fileName: 'x.pdf' });
  return attachDocument({ actor: trader, declarationId, uploadId: upload.uploadId, type: 'OTHER', reference: 'R-1' });
}

describe('removeDocument', () => {
  it('withdraws a document from a draft; the ledger leaf stays, and customs can still read it', async () => {
    const doc = await attach();
    const other = await loadUserActor({ email: 'trader@kampala-trading.example' });
    await expect(removeDocument({ actor: other, documentId: doc.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const removed = await removeDocument({ actor: trader, documentId: doc.id });
    expect(removed.removedAt).toBeInstanceOf(Date);
    expect((await listDocuments({ actor: trader, declarationId })).map((d) => d.id)).not.toContain(doc.id);
    expect((await listDocuments({ actor: trader, declarationId, includeRemoved: true })).map((d) => d.id)).toContain(doc.id);
    await expect(getDocumentForDownload({ actor: trader, documentId: doc.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const officer = await loadUserActor({ email: 'officer@customs.example' });
    const { content } = await getDocumentForDownload({ actor: officer, documentId: doc.id });
    content.destroy();

    await integratePending({ wait: true });
    const { rows } = await getPool().query("SELECT count(*)::int AS n FROM ledger_leaves_of(decode($1, 'hex')) WHERE leaf_hash = decode($2, 'hex')", [doc.sha256, doc.ledgerLeafHash]);
    expect(rows[0].n).toBe(1);
    await expect(removeDocument({ actor: trader, documentId: doc.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const audit = await getPool().query(`SELECT action FROM audit_event WHERE target_id = $1 ORDER BY id`, [doc.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['document.attach', 'document.remove']);
  });

  it('leaves documents rows unchangeable otherwise: no edit, no delete', async () => {
    const doc = await attach();
    await expect(getPool().query(`UPDATE document SET reference = 'forged' WHERE id = $1`, [doc.id])).rejects.toThrow(/only change by being removed once/);
    await expect(getPool().query(`DELETE FROM document WHERE id = $1`, [doc.id])).rejects.toThrow(/append-only/);
  });
});
