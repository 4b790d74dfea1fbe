// How fast does the ledger integrate, how fast are its proofs at a million leaves, and how much does a
// leaf cost on disk?
//   (a) queue: --leaves pending entries written as anchorItem writes them (ledger_pending), 10,000 per
//       statement (not the integrator's cost: callers pay it, one row each, in their transactions);
//       integrate: integratePending in batches of --batch (delete pending, hash in memory, write the
//       full tiles and bundles the batch completes and the tail, one transaction each), with the
//       checkpointer running as `npm start` runs it (LEDGER_CHECKPOINT_SECONDS 10, LEAVES 1000);
//   (b) baseline: SHA-256(0x00 || entry) of the same entries, in this process, nothing else: the
//       floor that hashing alone would allow;
//   (c) proofs: --proofs inclusion proofs of random leaves against the latest checkpoint, one at a
//       time (getInclusionProof: one query for the sizes and the leaf's tile unless cached), p50/p99;
//       and consistency proofs between checkpoints;
//   (d) storage: pg_total_relation_size of the tree's tables (tiles, bundles with their GIN index, tail,
//       checkpoints) per leaf, and of the drained queue (ledger_pending, which held all --leaves at once
//       here: its indexes keep that peak's size).
// On a fresh embedded PostgreSQL in a temporary folder, removed at the end.
//
//   npm run bench:ledger [-- --leaves 1000000 --batch 4096 --proofs 2000 --verify --checkpointer off]
import { createHash, hash } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { sqlTransaction } from '../lib/database/sql';
import type { LedgerEntryInput } from '../lib/ledger/append-ledger-entries';
import { formatLedgerEntry } from '../lib/ledger/entry-format';
import { getConsistencyProof } from '../lib/ledger/get-consistency-proof';
import { getInclusionProof } from '../lib/ledger/get-inclusion-proof';
import { getLatestCheckpoint } from '../lib/ledger/get-latest-checkpoint';
import { getLedgerPublicInfo } from '../lib/ledger/get-ledger-public-info';
import { integratePending } from '../lib/ledger/integrate-pending';
import { issueCheckpoint } from '../lib/ledger/issue-checkpoint';
import { startCheckpointer } from '../lib/ledger/start-checkpointer';
import { verifyLedger } from '../lib/ledger/verify-ledger';
import { verifyCheckpointSignature, verifyConsistency, verifyInclusion } from '../lib/ledger/verify-proof';
import { getLogger } from '../lib/logger';
import { percentile, runBench } from './support';

const { values } = parseArgs({
  options: {
    leaves: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '4096' },
    proofs: { type: 'string', default: '2000' },
    verify: { type: 'boolean', default: false },
    checkpointer: { type: 'string', default: 'on' },
  },
});
const LEAVES = Number(values.leaves);
const BATCH = Number(values.batch);
const PROOFS = Number(values.proofs);
for (const [name, value] of Object.entries({ leaves: LEAVES, batch: BATCH, proofs: PROOFS })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
}
const GOAL_RATE = 100_000;
const GOAL_P99_MS = 2;
const GOAL_BYTES_PER_LEAF = 150;

const AT = new Date('2026-11-26T12:00:00.000Z');
const entryOf = (i: number): LedgerEntryInput => ({
  kind: 'document',
  sha256: createHash('sha256').update(`bench item ${i}`).digest('hex'),
  ref: `bench/declaration-${i}`,
  at: new Date(AT.getTime() + i),
});

runBench({ env: { LEDGER_CHECKPOINT_SECONDS: '10', LEDGER_CHECKPOINT_LEAVES: '1000' }, prepare: { seed: false } }, async ({ databaseUrl, cleanup }) => {
  const loadAtStart = os.loadavg()[0]!;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  cleanup(() => pool.end());

  // (b) first: the floor, on the very bytes (a) will hash. Making the entries is not timed.
  let hashSeconds = 0;
  let genSeconds = 0;
  for (let at = 0; at < LEAVES; at += BATCH) {
    const made = performance.now();
    const texts = Array.from({ length: Math.min(BATCH, LEAVES - at) }, (_, i) => {
      const e = entryOf(at + i);
      return formatLedgerEntry({ at: e.at!.toISOString(), kind: e.kind, ref: e.ref, sha256: e.sha256 });
    });
    const started = performance.now();
    for (const text of texts) hash('sha256', `\u0000${text}`, 'buffer');
    hashSeconds += (performance.now() - started) / 1000;
    genSeconds += (started - made) / 1000;
  }

  // (a)
  let queueSeconds = 0;
  for (let at = 0; at < LEAVES; at += 10_000) {
    const texts = Array.from({ length: Math.min(10_000, LEAVES - at) }, (_, i) => {
      const e = entryOf(at + i);
      return formatLedgerEntry({ at: e.at!.toISOString(), kind: e.kind, ref: e.ref, sha256: e.sha256 });
    });
    const started = performance.now();
    await sqlTransaction((sql) =>
      sql(
        `INSERT INTO ledger_pending (entry, item_sha256)
         SELECT convert_to(t, 'UTF8'), decode(substr(t, length(t) - 65, 64), 'hex') FROM string_to_table($1::text, E'\n') AS t`,
        [texts.join('\n')],
      ),
    );
    queueSeconds += (performance.now() - started) / 1000;
  }
  // Off: the batches are exactly --batch (on, the checkpointer's ticks integrate the backlog in its own batches too).
  const checkpointer = values.checkpointer === 'off' ? { stop: async () => undefined } : startCheckpointer({ logger: getLogger() });
  // Wall time until nothing is pending: the checkpointer's ticks integrate too (issueCheckpoint
  // integrates first), taking turns with this loop on the same lock, so their work is inside it.
  const batchMs: number[] = [];
  const integrationStarted = performance.now();
  for (let treeSize = 0; treeSize < LEAVES; ) {
    const started = performance.now();
    const result = await integratePending({ batchSize: BATCH, maxLeaves: BATCH, wait: true });
    batchMs.push(performance.now() - started);
    const before = treeSize;
    treeSize = result?.treeSize ?? treeSize;
    if (result?.integrated === 0 && treeSize < LEAVES) throw new Error(`nothing pending at tree size ${treeSize} of ${LEAVES}: the benchmark measured nothing`);
    if (Math.floor(treeSize / (10 * BATCH)) > Math.floor(before / (10 * BATCH))) {
      process.stderr.write(`  ${treeSize.toLocaleString('en')} leaves, ${(treeSize / ((performance.now() - integrationStarted) / 1000)).toFixed(0)} leaves/s so far\n`);
    }
  }
  const appendSeconds = (performance.now() - integrationStarted) / 1000;
  const [{ size: integratedSize }] = (await pool.query<{ size: number }>('SELECT ledger_tree_size()::int AS size')).rows as [{ size: number }];
  if (integratedSize !== LEAVES) throw new Error(`${integratedSize} leaves after integrating ${LEAVES}: the benchmark measured something else`);
  await checkpointer.stop();
  const { rows: [counts] } = await pool.query<{ checkpoints: number; nodes: number }>('SELECT (SELECT count(*) FROM ledger_checkpoint)::int AS checkpoints, (SELECT count(*) FROM ledger_tile)::int AS nodes');
  await issueCheckpoint();
  const checkpoint = (await getLatestCheckpoint())!;
  const info = await getLedgerPublicInfo();
  if (checkpoint.treeSize !== LEAVES || !(await verifyCheckpointSignature(checkpoint, info.publicKey))) throw new Error('the final checkpoint does not cover every leaf or does not verify');

  // (c) After a VACUUM ANALYZE, as autovacuum would run after a million inserts (the first read of
  // freshly inserted pages otherwise also writes their hint bits). The round trip of SELECT 1 on
  // the same server is the floor any one-query proof stands on.
  await pool.query('VACUUM (ANALYZE) ledger_tile, ledger_bundle, ledger_tail, ledger_checkpoint');
  const pingMs: number[] = [];
  for (let i = 0; i < PROOFS; i++) {
    const started = performance.now();
    await pool.query('SELECT 1');
    pingMs.push(performance.now() - started);
  }
  // Two passes of random leaves: the first right after the bulk load (node and index pages still on
  // disk or in the OS cache), the second as a running server would see it (those pages cached).
  let verified = 0;
  const proofPass = async () => {
    const times: number[] = [];
    for (let i = 0; i < PROOFS; i++) {
      const leafIndex = Math.floor(Math.random() * LEAVES);
      const started = performance.now();
      const proof = await getInclusionProof({ leafIndex });
      times.push(performance.now() - started);
      if (proof.treeSize !== checkpoint.treeSize || proof.rootHash !== checkpoint.rootHash) throw new Error(`proof of leaf ${leafIndex} is not against the latest checkpoint`);
      if (i % 10 === 0) {
        if (!(await verifyInclusion(proof))) throw new Error(`proof of leaf ${leafIndex} does not verify`);
        verified++;
      }
    }
    return times;
  };
  const coldMs = await proofPass();
  const proofMs = await proofPass();
  const { rows: sizes } = await pool.query<{ tree_size: string }>('SELECT tree_size FROM ledger_checkpoint ORDER BY tree_size');
  const consistencyMs: number[] = [];
  for (let i = 0; i < Math.min(500, PROOFS); i++) {
    const a = Number(sizes[Math.floor(Math.random() * sizes.length)]!.tree_size);
    const b = Number(sizes[Math.floor(Math.random() * sizes.length)]!.tree_size);
    const started = performance.now();
    const proof = await getConsistencyProof({ from: Math.min(a, b), to: Math.max(a, b) });
    consistencyMs.push(performance.now() - started);
    if (i % 10 === 0 && !(await verifyConsistency(proof))) throw new Error(`consistency ${a} -> ${b} does not verify`);
  }

  let verifySeconds: number | undefined;
  if (values.verify) {
    const started = performance.now();
    const result = await verifyLedger();
    verifySeconds = (performance.now() - started) / 1000;
    if (!result.ok) throw new Error(`verifyLedger: ${result.divergence!.message}`);
  }
  await pool.query('VACUUM ledger_pending'); // emptied by the integration: its pages are given back
  const { rows: [storage] } = await pool.query<{ tiles: string; bundles: string; tail: string; checkpoints: string; pending: string; total: string; queue: string }>(
    `SELECT pg_size_pretty(pg_total_relation_size('ledger_tile')) AS tiles, pg_size_pretty(pg_total_relation_size('ledger_bundle')) AS bundles,
            pg_size_pretty(pg_total_relation_size('ledger_tail')) AS tail, pg_size_pretty(pg_total_relation_size('ledger_checkpoint')) AS checkpoints,
            pg_size_pretty(pg_total_relation_size('ledger_pending')) AS pending,
            (pg_total_relation_size('ledger_tile') + pg_total_relation_size('ledger_bundle') + pg_total_relation_size('ledger_tail') + pg_total_relation_size('ledger_checkpoint'))::text AS total,
            pg_total_relation_size('ledger_pending')::text AS queue`,
  );
  const bytesPerLeaf = Number(storage!.total) / LEAVES;

  const rate = LEAVES / appendSeconds;
  const hashRate = LEAVES / hashSeconds;
  const cpus = os.cpus();
  const ms = (x: number) => `${x.toFixed(2).padStart(7)} ms`;
  console.log('');
  console.log(`${LEAVES.toLocaleString('en')} leaves in batches of ${BATCH.toLocaleString('en')}, ${values.checkpointer === 'off' ? 'checkpointer off (every batch exactly --batch)' : 'checkpointer running (every 10 s or 1,000 leaves; its ticks integrate in batches of 20,000 too)'}`);
  console.log(`machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, ${os.platform()} ${os.arch()}; PostgreSQL embedded, same machine`);
  console.log(`load average (1 min) at start ${loadAtStart.toFixed(1)}, at end ${os.loadavg()[0]!.toFixed(1)}: other processes on this machine weigh on every figure`);
  console.log('');
  console.log(`  queue (ledger_pending rows as anchorItem writes them)  ${(LEAVES / queueSeconds).toFixed(0).padStart(9)} rows/s (10,000 per statement; paid by the anchoring transactions)`);
  console.log(`  integrate (integratePending, 1 transaction per batch)  ${rate.toFixed(0).padStart(9)} leaves/s   batch p50 ${ms(percentile(batchMs, 0.5))}  p99 ${ms(percentile(batchMs, 0.99))}`);
  console.log(`  baseline: SHA-256(0x00 || entry) only, same entries    ${hashRate.toFixed(0).padStart(9)} leaves/s`);
  console.log(`  ratio baseline/integrate: ${(hashRate / rate).toFixed(1)}x   (making the test entries took ${((genSeconds / LEAVES) * 1e6).toFixed(1)} µs/leaf, outside both timings)`);
  console.log(`  ${counts!.checkpoints} checkpoints signed during the append, ${counts!.nodes.toLocaleString('en')} full tiles stored; storage: tiles ${storage!.tiles}, bundles ${storage!.bundles}, tail ${storage!.tail}, checkpoints ${storage!.checkpoints}`);
  console.log(`  storage: ${bytesPerLeaf.toFixed(0)} bytes per leaf (pg_total_relation_size of ledger_tile, ledger_bundle, ledger_tail and ledger_checkpoint, indexes and TOAST included / leaves)`);
  console.log(`  queue: ledger_pending drained and VACUUMed ${storage!.pending} = ${(Number(storage!.queue) / LEAVES).toFixed(0)} bytes per leaf of its peak backlog (all ${LEAVES.toLocaleString('en')} queued at once here); with it ${((Number(storage!.total) + Number(storage!.queue)) / LEAVES).toFixed(0)} bytes per leaf`);
  console.log('');
  console.log(`  inclusion proof at ${checkpoint.treeSize.toLocaleString('en')} leaves, ${PROOFS} random leaves, first pass  p50 ${ms(percentile(coldMs, 0.5))}  p99 ${ms(percentile(coldMs, 0.99))}  max ${ms(Math.max(...coldMs))}`);
  console.log(`  inclusion proof, second pass (${PROOFS} other random leaves)          p50 ${ms(percentile(proofMs, 0.5))}  p99 ${ms(percentile(proofMs, 0.99))}  max ${ms(Math.max(...proofMs))}  (${verified} verified with WebCrypto)`);
  console.log(`  baseline: SELECT 1 round trip, same server (${PROOFS})                           p50 ${ms(percentile(pingMs, 0.5))}  p99 ${ms(percentile(pingMs, 0.99))}`);
  console.log(`  consistency proof between checkpoints (${consistencyMs.length})                         p50 ${ms(percentile(consistencyMs, 0.5))}  p99 ${ms(percentile(consistencyMs, 0.99))}`);
  if (verifySeconds !== undefined) console.log(`  verifyLedger (npm run ledger:verify's core): ${verifySeconds.toFixed(1)} s, ${(LEAVES / verifySeconds).toFixed(0)} leaves/s`);
  console.log('');
  console.log(
    `  goals: integrate >= ${GOAL_RATE.toLocaleString('en')} leaves/s: ${rate >= GOAL_RATE ? 'met' : 'NOT met'}; proof p99 < ${GOAL_P99_MS} ms (second pass): ${percentile(proofMs, 0.99) < GOAL_P99_MS ? 'met' : 'NOT met'}; ` +
      `storage <= ${GOAL_BYTES_PER_LEAF} bytes/leaf: ${bytesPerLeaf <= GOAL_BYTES_PER_LEAF ? 'met' : 'NOT met'}`,
  );
});
