// A release note exported as an OpenAttestation document, issued on a DocumentStore of an in-process
// chain. The DNS-TXT identity check a TradeTrust verifier also runs needs the public DNS: not here.
import { digestDocument, getData, validateSchema, verifySignature } from '@govtechsg/open-attestation';
import { ethers } from 'ethers';
import ganache from 'ganache';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createEvmAnchor } from '../../lib/ledger/anchor/create-evm-anchor';
import { deployDocumentStore } from '../../lib/ledger/anchor/deploy-document-store';
import { connectDocumentStore } from '../../lib/ledger/anchor/document-store-contract';
import { buildReleaseNoteDocument, wrapReleaseNoteDocument, type ReleaseNoteAttestationInput } from '../../lib/ledger/open-attestation';

const note: ReleaseNoteAttestationInput = {
  mrn: '26NL000000000012A3',
  lrn: 'RTM-2026-0042',
  declarant: { name: 'Delta Customs Brokers B.V.', eori: 'NL987654321' },
  importer: { name: 'Rotterdam Importers B.V.', eori: 'NL123456789' },
  exporter: { name: 'Shenzhen Bright Electronics' },
  releasedAt: new Date('2026-11-26T14:05:00Z'),
  items: [
    { itemNumber: 1, commodityCode: '84713000', description: 'Laptops', packages: 20, grossMassKg: '410.5' },
    { itemNumber: 2, commodityCode: '09012100', description: 'Roasted coffee, not decaffeinated', packages: 40, grossMassKg: '1020' },
  ],
  dutyTotal: '2381.27',
  currency: 'EUR',
  officerName: 'J. de Vries',
  declarationSha256: 'a'.repeat(64),
};

describe('release note as an OpenAttestation v2 document', () => {
  const chain = ganache.provider({ logging: { quiet: true } });
  const provider = new ethers.providers.Web3Provider(chain as unknown as ethers.providers.ExternalProvider);
  let store: string;

  beforeAll(async () => {
    store = (await deployDocumentStore({ signer: provider.getSigner(0), name: 'Utopia Customs' })).address;
  });
  afterAll(async () => {
    await chain.disconnect();
  });

  const issuer = () => ({ documentStoreAddress: store, issuerName: 'Utopia Customs', identityLocation: 'customs.example', chainId: 1337 });

  it('builds the raw document with a DNS-TXT issuer on the store and the release data', () => {
    const raw = buildReleaseNoteDocument(note, issuer());
    expect(raw.issuers).toEqual([{ name: 'Utopia Customs', documentStore: store, identityProof: { type: 'DNS-TXT', location: 'customs.example' } }]);
    expect(raw.$template).toEqual({ name: 'CLEARWAY_RELEASE_NOTE', type: 'EMBEDDED_RENDERER' });
    expect(raw).toMatchObject({ id: note.mrn, mrn: note.mrn, releasedAt: '2026-11-26T14:05:00.000Z', duties: { total: '2381.27', currency: 'EUR' } });
    expect(raw.network).toEqual({ chain: 'ETH', chainId: '1337' });
    expect(raw.exporter).toEqual({ name: 'Shenzhen Bright Electronics' });
  });

  it('wraps, is issued on the DocumentStore, verifies, and fails verification when a field is changed', async () => {
    const { document, merkleRoot, targetHash } = wrapReleaseNoteDocument(note, issuer());
    expect(validateSchema(document)).toBe(true);
    expect(merkleRoot).toBe(`0x${document.signature.merkleRoot}`);
    expect(targetHash).toBe(document.signature.targetHash);
    expect(getData(document)).toMatchObject({ mrn: note.mrn, duties: { total: '2381.27' } });
    expect(verifySignature(document)).toBe(true);

    const anchor = createEvmAnchor({ signer: provider.getSigner(0), contractAddress: store });
    expect(await anchor.isPublished(merkleRoot)).toBe(false);
    await anchor.publish(merkleRoot);
    expect(await connectDocumentStore(store, provider).isIssued(merkleRoot)).toBe(true);

    // A forger edits the salted duty total: the hash no longer matches the issued root.
    const tampered = structuredClone(document);
    const [salt] = tampered.data.duties.total.split(':');
    tampered.data.duties.total = `${salt}:string:0.00`;
    expect(verifySignature(tampered)).toBe(false);
    // …and re-wrapping the forgery gives a root that was never issued.
    const forgedRoot = `0x${digestDocument(tampered)}`;
    expect(forgedRoot).not.toBe(merkleRoot);
    expect(await anchor.isPublished(forgedRoot)).toBe(false);
  });

  it('refuses an issuer a verifier could not resolve', () => {
    expect(() => buildReleaseNoteDocument(note, { ...issuer(), documentStoreAddress: '0x123', identityLocation: 'not a host' })).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        details: { fieldErrors: [expect.objectContaining({ path: ['documentStoreAddress'] }), expect.objectContaining({ path: ['identityLocation'] })] },
      }),
    );
  });
});
