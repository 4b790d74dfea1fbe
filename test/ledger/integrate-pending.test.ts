// Sequence, then integrate: anchoring queues a pending entry with no shared lock, the integrator gives
// committed entries their leaves. Faults, each with real processes killed with SIGKILL: a burst of
// anchoring killed between commits and integration, an integrator killed mid-batch, and integrators
// started at once. After each, every committed item has exactly one leaf and the tree verifies.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { afterEach, describe, expect, it } from 'vitest';

import { sqlTransaction } from '../../lib/database/sql';
import { anchorItem } from '../../lib/ledger/anchor-item';
import { awaitAnchoring } from '../../lib/ledger/await-anchoring';
import { integratePending } from '../../lib/ledger/integrate-pending';
import { issueCheckpoint } from '../../lib/ledger/issue-checkpoint';
import { startLedgerIntegrator } from '../../lib/ledger/start-ledger-integrator';
import { verifyLedger } from '../../lib/ledger/verify-ledger';
import { getLogger } from '../../lib/logger';
import { query, readLeaves, setTemporaryDataDir } from './helpers';

setTemporaryDataDir();

const CHILD = path.join(import.meta.dirname, 'processes', 'ledger-child.ts');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts the child; `lines` yields its stdout lines. */
function startChild(...args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { env: { ...process.env, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const lines = createInterface({ input: child.stdout! });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, lines, exited };
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Leaves per item SHA-256, and what is still pending. */
async function ledgerState() {
  const stored = await readLeaves();
  const leaves = new Map<string, number>();
  for (const leaf of stored) leaves.set(leaf.itemSha256, (leaves.get(leaf.itemSha256) ?? 0) + 1);
  const [{ pending }] = (await query<{ pending: number }>('SELECT count(*)::int AS pending FROM ledger_pending')) as [{ pending: number }];
  const size = stored.length ? stored[stored.length - 1]!.leafIndex + 1 : 0;
  const distinct = new Set(stored.map((l) => l.leafIndex)).size;
  return { byItem: leaves, pending, size, distinct };
}

async function expectOneConsistentTree() {
  const state = await ledgerState();
  expect(state.pending).toBe(0);
  expect(state.distinct).toBe(state.size); // no gap, no duplicate index
  expect([...state.byItem.values()].every((n) => n === 1)).toBe(true);
  const verification = await verifyLedger({ batchSize: 97 });
  expect(verification, JSON.stringify(verification.divergence)).toMatchObject({ ok: true, leaves: state.size });
  return state;
}

describe('integratePending', () => {
  it('gives committed entries their leaves in the order they were queued; rolled-back ones never', async () => {
    const items = Array.from({ length: 5 }, (_, i) => sha(`ordered ${i}`));
    for (const [i, item] of items.entries()) await sqlTransaction((sql) => anchorItem(sql, { kind: 'document', sha256: item, ref: `ordered-${i}` }));
    await expect(sqlTransaction(async (sql) => {
      await anchorItem(sql, { kind: 'document', sha256: sha('rolled back'), ref: 'rolled-back' });
      throw new Error('the caller fails after anchoring');
    })).rejects.toThrow('the caller fails');
    expect((await awaitAnchoring(items[0]!, { timeoutMs: 0 }))).toMatchObject({ integrated: false, leafIndex: null });
    const before = (await ledgerState()).size;
    expect(await integratePending({ batchSize: 2 })).toEqual({ integrated: 5, treeSize: before + 5 });
    for (const [i, item] of items.entries()) expect(await awaitAnchoring(item, { timeoutMs: 0 })).toMatchObject({ integrated: true, leafIndex: before + i });
    expect(await awaitAnchoring(sha('rolled back'), { timeoutMs: 0 })).toBeNull();
    expect(await integratePending()).toEqual({ integrated: 0, treeSize: before + 5 }); // nothing pending
    await expectOneConsistentTree();
  });

  it('awaitAnchoring waits for the background integrator, which integrates at start', async () => {
    const item = sha('awaited');
    await sqlTransaction((sql) => anchorItem(sql, { kind: 'pdf', sha256: item, ref: 'awaited' }));
    const integrator = startLedgerIntegrator({ logger: getLogger(), pollMs: 20 });
    try {
      const started = Date.now();
      const later = sha('awaited later');
      await sqlTransaction((sql) => anchorItem(sql, { kind: 'pdf', sha256: later, ref: 'awaited-later' }));
      expect(await awaitAnchoring(item, { timeoutMs: 5_000 })).toMatchObject({ integrated: true, leafIndex: expect.any(Number) });
      expect(await awaitAnchoring(later, { timeoutMs: 5_000 })).toMatchObject({ integrated: true });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await integrator.stop();
    }
    await expect(awaitAnchoring(item, { timeoutMs: 60_000 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('after kill -9 during a burst of anchoring, every committed item gets exactly one leaf at the next start', async () => {
    const { child, lines } = startChild('anchor', 'burst');
    const committed: string[] = [];
    for await (const line of lines) {
      committed.push(line);
      if (committed.length === 60) break;
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const state = await ledgerState();
    expect(state.pending).toBeGreaterThanOrEqual(60); // committed, not integrated: nobody was integrating
    const integrator = startLedgerIntegrator({ logger: getLogger(), pollMs: 1_000 }); // "restart": integrates at start
    await integrator.stop();
    const after = await expectOneConsistentTree();
    for (const item of committed) expect(after.byItem.get(item)).toBe(1);
  });

  it('an integrator killed mid-batch leaves its batch pending; the next one integrates it once', async () => {
    for (let i = 0; i < 120; i++) await sqlTransaction((sql) => anchorItem(sql, { kind: 'decision', sha256: sha(`mid-batch ${i}`), ref: `mid-batch-${i}` }));
    const before = await ledgerState();
    const { child, lines } = startChild('integrate', 'mid', '50');
    for await (const line of lines) {
      expect(line).toMatch(/^written \{"integrated":50,/);
      break;
    }
    // Its transaction holds the lock: no other integrator runs meanwhile.
    expect(await integratePending()).toBeNull();
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(await ledgerState()).toMatchObject({ size: before.size, pending: before.pending });
    await integratePending({ wait: true });
    const after = await expectOneConsistentTree();
    expect(after.size).toBe(before.size + 120);
  });

  it('integrators started at once, in two processes and here, while items are anchored, build one tree', async () => {
    const anchoring = Promise.all(Array.from({ length: 4 }, (_, w) => (async () => {
      for (let i = 0; i < 40; i++) await sqlTransaction((sql) => anchorItem(sql, { kind: 'document', sha256: sha(`race ${w} ${i}`), ref: `race-${w}-${i}` }));
    })()));
    const others = [startChild('integrate-all', 'a', '7'), startChild('integrate-all', 'b', '11')];
    const here = (async () => {
      for (let i = 0; i < 20; i++) {
        await integratePending({ batchSize: 5 });
        await issueCheckpoint();
      }
    })();
    await Promise.all([anchoring, here, ...others.map((o) => o.exited)]);
    await integratePending({ wait: true });
    await issueCheckpoint();
    const state = await expectOneConsistentTree();
    for (let w = 0; w < 4; w++) for (let i = 0; i < 40; i++) expect(state.byItem.get(sha(`race ${w} ${i}`))).toBe(1);
  }, 60_000);
});
