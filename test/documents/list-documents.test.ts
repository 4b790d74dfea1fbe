// The documents of a declaration, for whoever sees it.
import { Readable } from 'node:stream';

import { beforeAll, describe, expect, it } from 'vitest';

import { loadTokenActor, loadUserActor, type Actor } from '../../lib/auth/actor';
import { createApiToken } from '../../lib/auth/create-api-token';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { attachDocument } from '../../lib/documents/attach-document';
import { integratePending } from '../../lib/ledger/integrate-pending';
import { listDocuments } from '../../lib/documents/list-documents';
import { storeUpload } from '../../lib/documents/store-upload';
import { validImport } from '../declarations/fixtures';
import { pdf, PNG, setTemporaryBlobDir } from './helpers';

setTemporaryBlobDir();

let trader: Actor;
let declarationId: string;
const attached: string[] = [];

beforeAll(async () => {
  trader = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
  declarationId = (await createDeclarationDraft({ actor: trader, input: validImport() })).id;
  for (const [bytes, type] of [[pdf(), 'COMMERCIAL_INVOICE'], [PNG, 'BILL_OF_LADING']] as const) {
    const upload = await storeUpload({ actor: trader, content: Readable.from([bytes]), fileName: `${type}.bin` });
    attached.push((await attachDocument({ actor: trader, declarationId, uploadId: upload.uploadId, type, reference: type })).id);
  }
});

describe('listDocuments', () => {
  it('lists them oldest first with their ledger leaves, for the declarant and for customs', async () => {
    // Attaching queues the ledger entries; once integrated, each document finds its leaf.
    await integratePending({ wait: true });
    const docs = await listDocuments({ actor: trader, declarationId });
    expect(docs.map((d) => d.id)).toEqual(attached);
    expect(docs[1]).toMatchObject({ type: 'BILL_OF_LADING', contentType: 'image/png', ledgerLeafIndex: expect.any(Number), ledgerLeafHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const officer = await loadUserActor({ email: 'officer@customs.example' });
    expect(await listDocuments({ actor: officer, declarationId })).toHaveLength(2);
  });

  it('is "not found" for another company, and needs documents:read for tokens', async () => {
    const other = await loadUserActor({ email: 'trader@kampala-trading.example' });
    await expect(listDocuments({ actor: other, declarationId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listDocuments({ actor: trader, declarationId: 'nonsense' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const token = async (scopes: ('documents:read' | 'declarations:read')[]) =>
      loadTokenActor((await createApiToken({ actor: trader, input: { name: scopes.join(' '), scopes } })).secret);
    expect(await listDocuments({ actor: await token(['documents:read']), declarationId })).toHaveLength(2);
    await expect(listDocuments({ actor: await token(['declarations:read']), declarationId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { requiredScope: 'documents:read' },
    });
  });
});
