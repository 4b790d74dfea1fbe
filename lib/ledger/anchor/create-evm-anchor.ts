// A LedgerAnchor on any EVM chain, through OpenAttestation's DocumentStore (`issue(bytes32)`,
// `isIssued(bytes32)`): the same contract TradeTrust verifiers already read, so an exported release
// note and a ledger checkpoint are checked the same way.
import type { ethers } from 'ethers';

import { AppError } from '../../errors';
import { connectDocumentStore } from './document-store-contract';
import type { AnchorReceipt, LedgerAnchor } from './ledger-anchor';
import { normalizeRoot } from './normalize-root';
import { isRevertError, toAnchorError } from './to-anchor-error';

export interface EvmAnchorOptions {
  /** A signer connected to a provider; it must hold the store's issuer role (the deployer does). */
  signer: ethers.Signer;
  contractAddress: string;
  /** Blocks to wait for after the one including the transaction (1 = included). */
  confirmations?: number;
  /** How long to wait for the receipt before giving up (the attempt is retryable; see publish). */
  receiptTimeoutMs?: number;
}

export function createEvmAnchor(options: EvmAnchorOptions): LedgerAnchor {
  const { signer, confirmations = 1, receiptTimeoutMs = 120_000 } = options;
  const provider = signer.provider;
  if (!provider) throw new AppError('BAD_USER_INPUT', 'The anchor signer must be connected to a provider.');
  const contractAddress = options.contractAddress;
  const store = connectDocumentStore(contractAddress, signer);
  let chainId: number | undefined;
  let contractChecked = false;

  async function ensureContract(): Promise<number> {
    chainId ??= (await provider!.getNetwork()).chainId;
    if (!contractChecked) {
      // Without this, a wrong address shows up as an opaque "call revert exception" on every call.
      if ((await provider!.getCode(contractAddress)) === '0x') {
        throw new AppError('SERVICE_UNAVAILABLE', `No contract at ${contractAddress} on chain ${chainId}: check ANCHOR_CONTRACT_ADDRESS.`, {
          retryable: false,
        });
      }
      contractChecked = true;
    }
    return chainId;
  }

  /** The receipt of an earlier issue of this root, found through the contract's own record and event. */
  async function findIssue(root: string, chain: number): Promise<AnchorReceipt | null> {
    if (!(await store.isIssued(root))) return null;
    const blockNumber = (await store.getIssuedBlock(root)).toNumber();
    const [log] = await store.queryFilter(store.filters.DocumentIssued(root), blockNumber, blockNumber);
    if (!log) throw new AppError('SERVICE_UNAVAILABLE', `Root ${root} is issued in block ${blockNumber}, but the node returned no DocumentIssued event for it.`, { retryable: true });
    return { txHash: log.transactionHash, blockNumber, chainId: chain, contractAddress, alreadyPublished: true };
  }

  // One transaction at a time from this signer: concurrent sends would race for the same nonce.
  let tail: Promise<unknown> = Promise.resolve();
  function serialized<T>(run: () => Promise<T>): Promise<T> {
    const result = tail.then(run, run);
    tail = result.catch(() => undefined);
    return result;
  }

  return {
    name: `evm:${contractAddress}`,

    async publish(rootHex) {
      const root = normalizeRoot(rootHex);
      return serialized(async () => {
        try {
          const chain = await ensureContract();
          // Checking first makes a retry after a lost answer (timeout, crash) return the first receipt
          // instead of paying for a transaction that would revert.
          const earlier = await findIssue(root, chain);
          if (earlier) return earlier;
          let tx: ethers.ContractTransaction;
          try {
            tx = await store.issue(root);
          } catch (error) {
            // Another process may have issued it between the check and the send.
            if (isRevertError(error)) {
              const raced = await findIssue(root, chain);
              if (raced) return raced;
            }
            throw error;
          }
          const receipt = await provider.waitForTransaction(tx.hash, confirmations, receiptTimeoutMs);
          if (receipt.status !== 1) {
            throw new AppError('SERVICE_UNAVAILABLE', `Transaction ${tx.hash} issuing ${root} reverted.`, { retryable: false });
          }
          return { txHash: receipt.transactionHash, blockNumber: receipt.blockNumber, chainId: chain, contractAddress, gasUsed: receipt.gasUsed.toString() };
        } catch (error) {
          throw toAnchorError(error, `publish ${root} to the DocumentStore at ${contractAddress}`);
        }
      });
    },

    async isPublished(rootHex) {
      const root = normalizeRoot(rootHex);
      try {
        await ensureContract();
        return await store.isIssued(root);
      } catch (error) {
        throw toAnchorError(error, `read ${root} from the DocumentStore at ${contractAddress}`);
      }
    },
  };
}
