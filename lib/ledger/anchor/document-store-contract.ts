// @tradetrust-tt/document-store is CommonJS, and its package root re-exports the typechain factories
// under `…Factory` names (`DocumentStore__factory` exists only in dist/contracts, which the package root
// does not expose): hence the default import and `DocumentStoreFactory`. It needs ethers v5.
import documentStorePackage, { type DocumentStore } from '@tradetrust-tt/document-store';
import type { ethers } from 'ethers';

export type { DocumentStore };

const { DocumentStoreFactory } = documentStorePackage;

export { DocumentStoreFactory };

/** A handle on a deployed OpenAttestation DocumentStore (issue, isIssued, getIssuedBlock, revoke…). */
export function connectDocumentStore(address: string, signerOrProvider: ethers.Signer | ethers.providers.Provider): DocumentStore {
  return DocumentStoreFactory.connect(address, signerOrProvider);
}
