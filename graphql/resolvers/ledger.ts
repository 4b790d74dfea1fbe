// The public ledger queries: anyone may look up an entry and check proofs, as on /verify.
import { awaitAnchoring } from '../../lib/ledger/await-anchoring';
import { getConsistencyProof } from '../../lib/ledger/get-consistency-proof';
import { getInclusionProof } from '../../lib/ledger/get-inclusion-proof';
import { getLatestCheckpoint } from '../../lib/ledger/get-latest-checkpoint';
import { getLedgerEntry } from '../../lib/ledger/get-ledger-entry';
import type { Resolvers } from '../generated/resolvers-types';

export const ledgerResolvers: Resolvers = {
  Query: {
    ledgerEntry: (_root, { sha256 }) => awaitAnchoring(sha256, { timeoutMs: 0 }),
    awaitAnchoring: (_root, { sha256, timeoutMs }) => awaitAnchoring(sha256, { timeoutMs: timeoutMs ?? undefined }),
    inclusionProof: async (_root, { sha256, treeSize }) => {
      const entry = await getLedgerEntry(sha256);
      return getInclusionProof({ leafIndex: entry.leafIndex, treeSize: treeSize ?? undefined });
    },
    consistencyProof: (_root, { from, to }) => getConsistencyProof({ from, to }),
    latestCheckpoint: () => getLatestCheckpoint(),
  },
  LedgerEntry: {
    kind: (e) => e.fields.kind,
    ref: (e) => e.fields.ref,
    sha256: (e) => e.fields.sha256,
    anchoredAt: (e) => e.fields.at,
  },
};
