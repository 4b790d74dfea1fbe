import type { ethers } from 'ethers';

import { toAnchorError } from './to-anchor-error';
import { DocumentStoreFactory } from './document-store-contract';

export interface DeployDocumentStoreOptions {
  /** Pays for the deployment; becomes the owner, with the admin and issuer roles, unless `owner` is given. */
  signer: ethers.Signer;
  /** Shown by verifiers as the store's name (e.g. "Clearway customs ledger"). */
  name: string;
  owner?: string;
}

export interface DeployedDocumentStore {
  address: string;
  txHash: string;
  blockNumber: number;
  chainId: number;
  gasUsed: string;
}

/**
 * Deploy a fresh OpenAttestation DocumentStore from the bytecode shipped in @tradetrust-tt/document-store
 * (no compiler, no DocumentStoreCreator contract, so it works on any chain, including a local one).
 */
export async function deployDocumentStore({ signer, name, owner }: DeployDocumentStoreOptions): Promise<DeployedDocumentStore> {
  try {
    const ownerAddress = owner ?? (await signer.getAddress());
    const contract = await new DocumentStoreFactory(signer).deploy(name, ownerAddress);
    const receipt = await contract.deployTransaction.wait();
    const chainId = (await signer.provider!.getNetwork()).chainId;
    return { address: contract.address, txHash: receipt.transactionHash, blockNumber: receipt.blockNumber, chainId, gasUsed: receipt.gasUsed.toString() };
  } catch (error) {
    throw toAnchorError(error, `deploy a DocumentStore named "${name}"`);
  }
}
