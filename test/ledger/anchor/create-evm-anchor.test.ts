// The EVM anchor against a real EVM (ganache, in this process): the DocumentStore is deployed from the
// bytecode in @tradetrust-tt/document-store, so nothing here needs a network or a compiler.
import { createServer } from 'node:net';

import { ethers } from 'ethers';
import ganache from 'ganache';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { resetEnvCache } from '../../../lib/env';
import { createAnchorSigner } from '../../../lib/ledger/anchor/create-anchor-signer';
import { createEvmAnchor } from '../../../lib/ledger/anchor/create-evm-anchor';
import { deployDocumentStore } from '../../../lib/ledger/anchor/deploy-document-store';
import { connectDocumentStore } from '../../../lib/ledger/anchor/document-store-contract';
import { getLedgerAnchor } from '../../../lib/ledger/anchor/get-ledger-anchor';
import type { LedgerAnchor } from '../../../lib/ledger/anchor/ledger-anchor';
import { publishWithRetry } from '../../../lib/ledger/anchor/publish-with-retry';

const root = (byte: string) => `0x${byte.repeat(32)}`;
const quiet = { logging: { quiet: true } } as const;

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

/** A localhost port nobody listens on: bind one, then free it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the EVM anchor on an in-process chain', () => {
  const chain = ganache.provider(quiet);
  const provider = new ethers.providers.Web3Provider(chain as unknown as ethers.providers.ExternalProvider);
  let address: string;
  let anchor: LedgerAnchor;

  beforeAll(async () => {
    const deployed = await deployDocumentStore({ signer: provider.getSigner(0), name: 'Clearway test ledger' });
    address = deployed.address;
    expect(deployed).toMatchObject({ chainId: 1337, blockNumber: 1 });
    expect(Number(deployed.gasUsed)).toBeGreaterThan(1_000_000);
    anchor = createEvmAnchor({ signer: provider.getSigner(0), contractAddress: address });
  });
  afterAll(async () => {
    await chain.disconnect();
  });

  it('publishes a root that the contract then reports as issued, and no other', async () => {
    const receipt = await anchor.publish(root('ab'));
    expect(receipt).toMatchObject({ chainId: 1337, contractAddress: address, blockNumber: 2 });
    expect(receipt.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(Number(receipt.gasUsed)).toBeGreaterThan(21_000);
    expect(Number(receipt.gasUsed)).toBeLessThan(100_000);
    expect(await anchor.isPublished(root('ab'))).toBe(true);
    expect(await anchor.isPublished(root('cd'))).toBe(false);
    // The contract itself, read without the anchor.
    const store = connectDocumentStore(address, provider);
    expect(await store.isIssued(root('ab'))).toBe(true);
    expect((await store.getIssuedBlock(root('ab'))).toNumber()).toBe(2);
  });

  it('is idempotent: publishing a published root returns its first receipt without a new transaction', async () => {
    const first = await anchor.publish(root('01'));
    const blockBefore = await provider.getBlockNumber();
    // Case and prefix do not matter: the same bytes32.
    const again = await anchor.publish(root('01').slice(2).toUpperCase());
    expect(again).toMatchObject({ txHash: first.txHash, blockNumber: first.blockNumber, alreadyPublished: true });
    expect(await provider.getBlockNumber()).toBe(blockBefore);
  });

  it('serialises concurrent publishes from one signer', async () => {
    const receipts = await Promise.all(['02', '03', '04', '05'].map((b) => anchor.publish(root(b))));
    expect(new Set(receipts.map((r) => r.txHash)).size).toBe(4);
    for (const b of ['02', '03', '04', '05']) expect(await anchor.isPublished(root(b))).toBe(true);
  });

  it('refuses a malformed root before touching the chain', async () => {
    await expect(anchor.publish('0x1234')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { fieldErrors: [{ path: ['root'] }] } });
    await expect(anchor.isPublished('not hex')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('does not retry what waiting cannot fix: a signer without the issuer role', async () => {
    const outsider = createEvmAnchor({ signer: provider.getSigner(1), contractAddress: address });
    const delays: number[] = [];
    const outcome = await publishWithRetry(outsider, root('ee'), { attempts: 5, baseDelayMs: 1, sleep: async (ms) => void delays.push(ms) });
    expect(outcome).toMatchObject({ ok: false, attempts: 1, retryable: false, error: { code: 'SERVICE_UNAVAILABLE' } });
    expect(delays).toEqual([]);
    expect(await anchor.isPublished(root('ee'))).toBe(false);
  });

  it('names a wrong contract address instead of failing obscurely', async () => {
    const nowhere = createEvmAnchor({ signer: provider.getSigner(0), contractAddress: ethers.Wallet.createRandom().address });
    await expect(nowhere.isPublished(root('ab'))).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/^No contract at 0x/) });
  });
});

describe('publishWithRetry', () => {
  it('backs off exponentially and succeeds once the anchor recovers', async () => {
    let calls = 0;
    const flaky: LedgerAnchor = {
      name: 'flaky',
      isPublished: async () => false,
      publish: async () => {
        calls += 1;
        if (calls < 4) throw Object.assign(new Error('missing response'), { code: 'SERVER_ERROR' });
        return { txHash: '0x1', blockNumber: 7, chainId: 1, contractAddress: '0x2' };
      },
    };
    const delays: number[] = [];
    const outcome = await publishWithRetry(flaky, root('aa'), { attempts: 5, baseDelayMs: 100, maxDelayMs: 300, sleep: async (ms) => void delays.push(ms) });
    expect(outcome).toEqual({ ok: true, attempts: 4, receipt: { txHash: '0x1', blockNumber: 7, chainId: 1, contractAddress: '0x2' } });
    expect(delays).toEqual([100, 200, 300]);
  });

  it('reports a node that is down as a failure after every attempt, without throwing', async () => {
    const port = await closedPort();
    const signer = createAnchorSigner({ rpcUrl: `http://127.0.0.1:${port}`, privateKey: ethers.Wallet.createRandom().privateKey, timeoutMs: 2_000 });
    const down = createEvmAnchor({ signer, contractAddress: ethers.Wallet.createRandom().address });
    const started = Date.now();
    const outcome = await publishWithRetry(down, root('bb'), { attempts: 3, baseDelayMs: 50 });
    const elapsed = Date.now() - started;
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome).toMatchObject({ attempts: 3, retryable: true });
    expect(outcome.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { anchor: down.name, attempts: 3 } });
    expect(outcome.error.message).toMatch(/failed after 3 attempts: Could not publish .*could not detect network/);
    expect(elapsed).toBeGreaterThanOrEqual(50 + 100);
    await expect(down.isPublished(root('bb'))).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { retryable: true } });
    // ethers' provider starts network detection in its constructor; its failure must not escape.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
  });

  it('refuses nonsensical options', async () => {
    const anchor: LedgerAnchor = { name: 'x', publish: async () => ({ txHash: '', blockNumber: 0, chainId: 0, contractAddress: '' }), isPublished: async () => true };
    await expect(publishWithRetry(anchor, root('aa'), { attempts: 0, baseDelayMs: 1 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('the anchor configured by environment, over HTTP', () => {
  const issuer = ethers.Wallet.createRandom();
  const outsider = ethers.Wallet.createRandom();
  const balance = ethers.utils.parseEther('100').toHexString();
  const server = ganache.server({ ...quiet, wallet: { accounts: [issuer, outsider].map((w) => ({ secretKey: w.privateKey, balance })) } });
  const saved = { ...process.env };
  let rpcUrl: string;

  beforeAll(async () => {
    await server.listen(0, '127.0.0.1');
    rpcUrl = `http://127.0.0.1:${server.address().port}`;
  });
  afterEach(() => {
    for (const name of ['ANCHOR_RPC_URL', 'ANCHOR_PRIVATE_KEY', 'ANCHOR_CONTRACT_ADDRESS']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    resetEnvCache();
  });
  afterAll(async () => {
    await server.close();
  });

  it('has no anchor when nothing is configured ("embedded only")', () => {
    delete process.env.ANCHOR_RPC_URL;
    delete process.env.ANCHOR_PRIVATE_KEY;
    delete process.env.ANCHOR_CONTRACT_ADDRESS;
    resetEnvCache();
    expect(getLedgerAnchor()).toBeNull();
  });

  it('refuses half a configuration and malformed values', () => {
    process.env.ANCHOR_RPC_URL = rpcUrl;
    resetEnvCache();
    expect(() => getLedgerAnchor()).toThrow(/ANCHOR_PRIVATE_KEY: required[\s\S]*ANCHOR_CONTRACT_ADDRESS: required/);
    process.env.ANCHOR_PRIVATE_KEY = 'abc-not-a-key';
    resetEnvCache();
    let message = '';
    try {
      getLedgerAnchor();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/ANCHOR_PRIVATE_KEY: must be 32 bytes of hex/);
    expect(message).not.toContain('abc-not-a-key');
  });

  it('deploys, publishes and reads through ANCHOR_RPC_URL, ANCHOR_PRIVATE_KEY and ANCHOR_CONTRACT_ADDRESS', async () => {
    const deployer = createAnchorSigner({ rpcUrl, privateKey: issuer.privateKey });
    const { address } = await deployDocumentStore({ signer: deployer, name: 'Clearway HTTP ledger' });
    process.env.ANCHOR_RPC_URL = rpcUrl;
    process.env.ANCHOR_PRIVATE_KEY = issuer.privateKey.slice(2);
    process.env.ANCHOR_CONTRACT_ADDRESS = address;
    resetEnvCache();
    const anchor = getLedgerAnchor()!;
    expect(anchor.name).toBe(`evm:${address}`);
    expect(getLedgerAnchor()).toBe(anchor);

    const outcome = await publishWithRetry(anchor, root('c0'), { attempts: 3, baseDelayMs: 10 });
    expect(outcome).toMatchObject({ ok: true, attempts: 1, receipt: { chainId: 1337, contractAddress: address } });
    expect(await anchor.isPublished(root('c0'))).toBe(true);
    expect(await anchor.isPublished(root('c1'))).toBe(false);

    // Over HTTP ethers wraps the revert differently (a SERVER_ERROR inside): still not retried.
    const intruder = createEvmAnchor({ signer: createAnchorSigner({ rpcUrl, privateKey: outsider.privateKey }), contractAddress: address });
    const refused = await publishWithRetry(intruder, root('c2'), { attempts: 4, baseDelayMs: 10 });
    expect(refused).toMatchObject({ ok: false, attempts: 1, retryable: false });
    expect(refused.ok || refused.error.message).toMatch(/revert AccessControl: account 0x[0-9a-f]{40} is missing role/);

    // An issuer without funds: the node's "insufficient funds" inside ethers' SERVER_ERROR, not retried either.
    const poor = ethers.Wallet.createRandom();
    const store = connectDocumentStore(address, createAnchorSigner({ rpcUrl, privateKey: issuer.privateKey }));
    await (await store.grantRole(await store.ISSUER_ROLE(), poor.address)).wait();
    const broke = createEvmAnchor({ signer: createAnchorSigner({ rpcUrl, privateKey: poor.privateKey }), contractAddress: address });
    const unpaid = await publishWithRetry(broke, root('c3'), { attempts: 4, baseDelayMs: 10 });
    expect(unpaid).toMatchObject({ ok: false, attempts: 1, retryable: false });
    expect(unpaid.ok || unpaid.error.message).toMatch(/insufficient funds/i);
  });
});
