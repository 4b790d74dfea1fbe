// A ledger proof bundle (lib/ledger/build-proof-bundle.ts, format clearway-ledger-proof/1) for an item of a
// scan — an image's bytes or a verdict record — as JSON text, for partners who verify it offline with
// verifyProofBundle and the log's published key. Null while no signed checkpoint covers the item yet
// (it was anchored seconds ago): the partner asks again; the item's SHA-256 is in the answer already.
import { isAppError } from '../errors';
import { buildProofBundle } from '../ledger/build-proof-bundle';

export async function getScanProof(itemSha256: string): Promise<string | null> {
  try {
    return JSON.stringify(await buildProofBundle(itemSha256));
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFLICT') return null;
    throw error;
  }
}
