// Checkpoints published to an EVM chain by the background publisher: a real DocumentStore on an
// in-process chain (ganache), deployed in the test; with the chain down, filing goes on and the
// checkpoint is published once it is back.
import { ethers } from 'ethers';
import ganache from 'ganache';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../../lib/auth/actor';
import { sqlTransaction } from '../../../lib/database/sql';
import { getPool } from '../../../lib/db';
import { createDeclarationDraft } from '../../../lib/declarations/create-declaration-draft';
import { submitDeclaration } from '../../../lib/declarations/submit-declaration';
import { createEvmAnchor } from '../../../lib/ledger/anchor/create-evm-anchor';
import { deployDocumentStore } from '../../../lib/ledger/anchor/deploy-document-store';
import type { LedgerAnchor } from '../../../lib/ledger/anchor/ledger-anchor';
import { publishLatestCheckpoint } from '../../../lib/ledger/anchor/publish-latest-checkpoint';
import { anchorItem } from '../../../lib/ledger/anchor-item';
import { issueCheckpoint } from '../../../lib/ledger/issue-checkpoint';
import { getLogger } from '../../../lib/logger';
import { validImport } from '../../declarations/fixtures';

const chain = ganache.provider({ logging: { quiet: true } });
const provider = new ethers.providers.Web3Provider(chain as unknown as ethers.providers.ExternalProvider);
let anchor: LedgerAnchor;
const logger = getLogger();

beforeAll(async () => {
  const { address } = await deployDocumentStore({ signer: provider.getSigner(0), name: 'Clearway test ledger' });
  anchor = createEvmAnchor({ signer: provider.getSigner(0), contractAddress: address });
});
afterAll(async () => {
  await chain.disconnect();
});

async function anchorSomething(byte: string) {
  await sqlTransaction((sql) => anchorItem(sql, { kind: 'document', sha256: byte.repeat(64), ref: `test-${byte}` }));
}

describe('the checkpoint publisher', () => {
  it('publishes the latest checkpoint root, records the transaction, and publishes nothing twice', async () => {
    await anchorSomething('a');
    const checkpoint = (await issueCheckpoint())!;
    const published = await publishLatestCheckpoint(anchor, { minIntervalSeconds: 0, logger });
    expect(published).toBe(checkpoint.treeSize);
    expect(await anchor.isPublished(`0x${checkpoint.rootHash}`)).toBe(true);
    const { rows } = await getPool().query(`SELECT tree_size::int AS n, chain_id, tx_hash, block_number::int AS block FROM ledger_publication`);
    expect(rows).toEqual([{ n: checkpoint.treeSize, chain_id: 1337, tx_hash: expect.stringMatching(/^0x[0-9a-f]{64}$/), block: expect.any(Number) }]);
    expect(await publishLatestCheckpoint(anchor, { minIntervalSeconds: 0, logger })).toBeNull();
    // A publication row is append-only.
    await expect(getPool().query(`DELETE FROM ledger_publication`)).rejects.toThrow(/append-only/);
  });

  it('waits for the interval between publications', async () => {
    await anchorSomething('b');
    await issueCheckpoint();
    expect(await publishLatestCheckpoint(anchor, { minIntervalSeconds: 3600, logger })).toBeNull();
  });

  it('keeps filing while the chain is down, and publishes when it is back', async () => {
    const down: LedgerAnchor = {
      name: 'down',
      publish: async () => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
      },
      isPublished: async () => false,
    };
    const trader = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
    const { id } = await createDeclarationDraft({ actor: trader, input: validImport() });
    const started = Date.now();
    const publishing = publishLatestCheckpoint(down, { minIntervalSeconds: 0, logger });
    // Filing does not wait for the chain.
    await submitDeclaration({ actor: trader, id });
    expect(Date.now() - started).toBeLessThan(5_000);
    const checkpoint = (await issueCheckpoint())!;
    expect(await publishing).toBeNull();
    expect(await publishLatestCheckpoint(anchor, { minIntervalSeconds: 0, logger })).toBe(checkpoint.treeSize);
  }, 60_000);
});
