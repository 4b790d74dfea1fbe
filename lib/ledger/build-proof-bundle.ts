// A self-contained proof that an item is in the ledger: its entry, the audit path to the latest signed
// checkpoint, the checkpoint and the log's key. verifyProofBundle (verify-proof.ts) checks it offline.
import { AppError, isAppError } from '../errors';
import { getEnv } from '../env';
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import { formatVerifierKey } from './checkpoint-format';
import { readLatestCheckpoint } from './checkpoint-rows';
import { getInclusionProof } from './get-inclusion-proof';
import { getLedgerEntry } from './get-ledger-entry';
import { loadLedgerSigningKey } from './load-signing-key';
import type { ProofBundle } from './verify-proof';

/**
 * For the earliest entry anchoring the item (getLedgerEntry). NOT_FOUND when none does; CONFLICT
 * (details.retryAfterSeconds) while the entry is pending or no checkpoint covers it yet.
 */
export async function buildProofBundle(itemSha256: string): Promise<ProofBundle> {
  const entry = await getLedgerEntry(itemSha256).catch((error: unknown) => {
    // Pending: the next checkpoint will cover it, as for an integrated entry it does not cover yet.
    if (isAppError(error) && error.details.pending === true) {
      const retryAfterSeconds = getEnv().LEDGER_CHECKPOINT_SECONDS;
      throw new AppError('CONFLICT', `The item is being anchored; no signed checkpoint covers it yet: try again in ${retryAfterSeconds} s.`, { pending: true, retryAfterSeconds });
    }
    throw error;
  });
  const [checkpoint, key] = await Promise.all([readLatestCheckpoint(sqlOfClient(getPool())), loadLedgerSigningKey()]);
  if (!checkpoint || checkpoint.treeSize <= entry.leafIndex) {
    const retryAfterSeconds = getEnv().LEDGER_CHECKPOINT_SECONDS;
    throw new AppError('CONFLICT', `The item is anchored at leaf ${entry.leafIndex}, which no signed checkpoint covers yet: try again in ${retryAfterSeconds} s.`, {
      leafIndex: entry.leafIndex,
      retryAfterSeconds,
    });
  }
  const proof = await getInclusionProof({ leafIndex: entry.leafIndex, treeSize: checkpoint.treeSize });
  const [published] = await sqlOfClient(getPool())<{ chain_id: number; contract_address: string; tx_hash: string; block_number: string; published_at: Date }>(
    `SELECT chain_id, contract_address, tx_hash, block_number::text AS block_number, published_at FROM ledger_publication WHERE tree_size = $1::bigint`,
    [checkpoint.treeSize],
  );
  if (proof.rootHash !== checkpoint.rootHash) {
    throw new AppError('INTERNAL_SERVER_ERROR', `The ledger's root at size ${checkpoint.treeSize} differs from its signed checkpoint: run npm run ledger:verify.`);
  }
  return {
    format: 'clearway-ledger-proof/1',
    itemSha256: entry.fields.sha256,
    entry: { base64: entry.entry, fields: entry.fields },
    leafIndex: entry.leafIndex,
    leafHash: entry.leafHash,
    treeSize: proof.treeSize,
    rootHash: proof.rootHash,
    auditPath: proof.auditPath,
    checkpoint,
    publicKey: { base64: key.publicKeyRaw.toString('base64'), keyId: key.keyId, verifierKey: formatVerifierKey(key.origin, key.keyId, key.publicKeyRaw) },
    anchor: published
      ? { chainId: published.chain_id, contractAddress: published.contract_address, txHash: published.tx_hash, blockNumber: Number(published.block_number), publishedAt: published.published_at.toISOString() }
      : null,
  };
}
