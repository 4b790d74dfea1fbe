// The small interface behind which an external engine confirms ledger checkpoint roots. The embedded
// ledger (hash chain + checkpoints in PostgreSQL) is complete without it; an anchor only adds a
// timestamped witness outside the operator's database. Callers publish from a background job, never
// while filing.

/** Where and when a root was published; stored with the checkpoint. */
export interface AnchorReceipt {
  txHash: string;
  blockNumber: number;
  chainId: number;
  contractAddress: string;
  /** Gas the issuing transaction used, as a decimal string; absent when the root was already on chain. */
  gasUsed?: string;
  /** True when the root had been published before (e.g. by an attempt whose answer was lost). */
  alreadyPublished?: boolean;
}

export interface LedgerAnchor {
  /** Identifies the engine and target in logs and stored checkpoints, e.g. `evm:0xAbC…` (the contract address). */
  name: string;
  /** Publish a 32-byte root (hex, with or without 0x). Idempotent: a published root returns its first receipt. */
  publish(rootHex: string): Promise<AnchorReceipt>;
  isPublished(rootHex: string): Promise<boolean>;
}
