// How fast does the ledger append, and how fast are its proofs at a million leaves?
//   (a) append: --leaves entries in batches of --batch, each batch one transaction through
//       appendLedgerEntries (lock, tree state, one INSERT of entries and subtree hashes), with the
//       checkpointer running as `npm start` runs it (LEDGER_CHECKPOINT_SECONDS 10, LEAVES 1000);
//   (b) baseline: SHA-256(0x00 || entry) of the same entries, in this process, nothing else: the
//       floor that hashing alone would allow;
//   (c) proofs: --proofs inclusion proofs of random leaves against the latest checkpoint, one at a
//       time (getInclusionProof: 2 queries), p50/p99; and consistency proofs between checkpoints.
// On a fresh embedded PostgreSQL in a temporary folder, removed at the end.
//
//   npm run bench:ledger [-- --leaves 1000000 --batch 10000 --proofs 2000 --verify]
import { createHash, hash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { startEmbeddedPostgres, type EmbeddedDatabase } from '../lib/database/embedded-postgres';
import { prepareDatabase, type PreparedDatabase } from '../lib/database/prepare-database';
import { sqlTransaction } from '../lib/database/sql';
import { resetEnvCache } from '../lib/env';
import { appendLedgerEntries, type LedgerEntryInput } from '../lib/ledger/append-ledger-entries';
import { formatLedgerEntry } from '../lib/ledger/entry-format';
import { getConsistencyProof } from '../lib/ledger/get-consistency-proof';
import { getInclusionProof } from '../lib/ledger/get-inclusion-proof';
import { getLatestCheckpoint } from '../lib/ledger/get-latest-checkpoint';
import { getLedgerPublicInfo } from '../lib/ledger/get-ledger-public-info';
import { issueCheckpoint } from '../lib/ledger/issue-checkpoint';
import { startCheckpointer } from '../lib/ledger/start-checkpointer';
import { verifyLedger } from '../lib/ledger/verify-ledger';
import { verifyCheckpointSignature, verifyConsistency, verifyInclusion } from '../lib/ledger/verify-proof';
import { getLogger } from '../lib/logger';

const { values } = parseArgs({
  options: {
    leaves: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '10000' },
    proofs: { type: 'string', default: '2000' },
    verify: { type: 'boolean', default: false },
  },
});
const LEAVES = Number(values.leaves);
const BATCH = Number(values.batch);
const PROOFS = Number(values.proofs);
for (const [name, value] of Object.entries({ leaves: LEAVES, batch: BATCH, proofs: PROOFS })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
}
const GOAL_RATE = 20_000;
const GOAL_P99_MS = 5;

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
};
const AT = new Date('2026-11-26T12:00:00.000Z');
const entryOf = (i: number): LedgerEntryInput => ({
  kind: 'document',
  sha256: createHash('sha256').update(`bench item ${i}`).digest('hex'),
  ref: `bench/declaration-${i}`,
  at: new Date(AT.getTime() + i),
});

async function main() {
  const loadAtStart = os.loadavg()[0]!;
  process.chdir(path.resolve(import.meta.dirname, '..'));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clearway-bench-ledger-'));
  // Set before anything reads the configuration; DATA_DIR in the temporary folder keeps the key there.
  Object.assign(process.env, { LOG_LEVEL: 'warn', DATA_DIR: dir, LEDGER_CHECKPOINT_SECONDS: '10', LEDGER_CHECKPOINT_LEAVES: '1000' });
  let database: EmbeddedDatabase | undefined;
  let pool: pg.Pool | undefined;
  let prepared: PreparedDatabase | undefined;
  try {
    database = await startEmbeddedPostgres({ dir: path.join(dir, 'postgres'), port: 0, database: 'clearway', persistent: false });
    process.env.DATABASE_URL = database.url;
    resetEnvCache();
    prepared = await prepareDatabase({ logger: getLogger(), seed: false });
    pool = new pg.Pool({ connectionString: database.url, max: 1 });

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
    const checkpointer = startCheckpointer({ logger: getLogger() });
    const batchMs: number[] = [];
    let appendSeconds = 0;
    for (let at = 0; at < LEAVES; at += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, LEAVES - at) }, (_, i) => entryOf(at + i));
      const started = performance.now();
      const { treeSize } = await sqlTransaction((sql) => appendLedgerEntries(sql, batch));
      const ms = performance.now() - started;
      batchMs.push(ms);
      appendSeconds += ms / 1000;
      if (treeSize !== at + batch.length) throw new Error(`tree size ${treeSize} after appending up to ${at + batch.length}`);
      if ((at / BATCH) % 10 === 9) process.stderr.write(`  ${(at + batch.length).toLocaleString('en')} leaves, ${((at + batch.length) / appendSeconds).toFixed(0)} leaves/s so far\n`);
    }
    await checkpointer.stop();
    const { rows: [counts] } = await pool.query<{ checkpoints: number; nodes: number }>('SELECT (SELECT count(*) FROM ledger_checkpoint)::int AS checkpoints, (SELECT count(*) FROM ledger_node)::int AS nodes');
    await issueCheckpoint();
    const checkpoint = (await getLatestCheckpoint())!;
    const info = await getLedgerPublicInfo();
    if (checkpoint.treeSize !== LEAVES || !(await verifyCheckpointSignature(checkpoint, info.publicKey))) throw new Error('the final checkpoint does not cover every leaf or does not verify');

    // (c) After a VACUUM ANALYZE, as autovacuum would run after a million inserts (the first read of
    // freshly inserted pages otherwise also writes their hint bits). The round trip of SELECT 1 on
    // the same server is the floor any one-query proof stands on.
    await pool.query('VACUUM (ANALYZE) ledger_entry, ledger_node, ledger_checkpoint');
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
    const { rows: [storage] } = await pool.query<{ entries: string; nodes: string; checkpoints: string }>(
      `SELECT pg_size_pretty(pg_total_relation_size('ledger_entry')) AS entries, pg_size_pretty(pg_total_relation_size('ledger_node')) AS nodes,
              pg_size_pretty(pg_total_relation_size('ledger_checkpoint')) AS checkpoints`,
    );

    const rate = LEAVES / appendSeconds;
    const hashRate = LEAVES / hashSeconds;
    const cpus = os.cpus();
    const ms = (x: number) => `${x.toFixed(2).padStart(7)} ms`;
    console.log('');
    console.log(`${LEAVES.toLocaleString('en')} leaves in batches of ${BATCH.toLocaleString('en')}, checkpointer running (every 10 s or 1,000 leaves)`);
    console.log(`machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, ${os.platform()} ${os.arch()}; PostgreSQL embedded, same machine`);
    console.log(`load average (1 min) at start ${loadAtStart.toFixed(1)}, at end ${os.loadavg()[0]!.toFixed(1)}: other processes on this machine weigh on every figure`);
    console.log('');
    console.log(`  append (appendLedgerEntries, 1 transaction per batch)  ${rate.toFixed(0).padStart(9)} leaves/s   batch p50 ${ms(percentile(batchMs, 0.5))}  p99 ${ms(percentile(batchMs, 0.99))}`);
    console.log(`  baseline: SHA-256(0x00 || entry) only, same entries    ${hashRate.toFixed(0).padStart(9)} leaves/s`);
    console.log(`  ratio baseline/append: ${(hashRate / rate).toFixed(1)}x   (making the test entries took ${((genSeconds / LEAVES) * 1e6).toFixed(1)} µs/leaf, outside both timings)`);
    console.log(`  ${counts!.checkpoints} checkpoints signed during the append, ${counts!.nodes.toLocaleString('en')} subtree hashes stored; storage: entries ${storage!.entries}, nodes ${storage!.nodes}, checkpoints ${storage!.checkpoints}`);
    console.log('');
    console.log(`  inclusion proof at ${checkpoint.treeSize.toLocaleString('en')} leaves, ${PROOFS} random leaves, first pass  p50 ${ms(percentile(coldMs, 0.5))}  p99 ${ms(percentile(coldMs, 0.99))}  max ${ms(Math.max(...coldMs))}`);
    console.log(`  inclusion proof, second pass (${PROOFS} other random leaves)          p50 ${ms(percentile(proofMs, 0.5))}  p99 ${ms(percentile(proofMs, 0.99))}  max ${ms(Math.max(...proofMs))}  (${verified} verified with WebCrypto)`);
    console.log(`  baseline: SELECT 1 round trip, same server (${PROOFS})                           p50 ${ms(percentile(pingMs, 0.5))}  p99 ${ms(percentile(pingMs, 0.99))}`);
    console.log(`  consistency proof between checkpoints (${consistencyMs.length})                         p50 ${ms(percentile(consistencyMs, 0.5))}  p99 ${ms(percentile(consistencyMs, 0.99))}`);
    if (verifySeconds !== undefined) console.log(`  verifyLedger (npm run ledger:verify's core): ${verifySeconds.toFixed(1)} s, ${(LEAVES / verifySeconds).toFixed(0)} leaves/s`);
    console.log('');
    console.log(`  goals: append >= ${GOAL_RATE.toLocaleString('en')} leaves/s: ${rate >= GOAL_RATE ? 'met' : 'NOT met'}; proof p99 < ${GOAL_P99_MS} ms (second pass): ${percentile(proofMs, 0.99) < GOAL_P99_MS ? 'met' : 'NOT met'}`);
  } finally {
    await pool?.end().catch(() => undefined);
    await prepared?.stop().catch(() => undefined); // this process's shared pool only: the database is ours to stop below
    await database?.stop().catch((error) => console.error('stopping PostgreSQL:', error));
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
