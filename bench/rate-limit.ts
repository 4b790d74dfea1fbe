// What does a rate-limited request cost? The PostgreSQL store's hit (one upsert by the database's clock,
// lib/auth/postgres-rate-limiter.ts) and the in-process store's, next to a bare `SELECT 1` round trip on
// the same pool: sequential hits on a few keys, p50/p99 in µs.
//
//   npm run bench:rate-limit [-- --hits 5000]
import { parseArgs } from 'node:util';

import pg from 'pg';

import { createPostgresRateLimiter } from '../lib/auth/postgres-rate-limiter';
import { createInProcessRateLimiter } from '../lib/auth/rate-limiter';
import { describeMachine, latencies, runBench } from './support';

const { values } = parseArgs({ options: { hits: { type: 'string', default: '5000' } } });
const HITS = Number(values.hits);
if (!Number.isInteger(HITS) || HITS < 1) throw new Error('--hits must be a positive integer');

runBench({ prepare: { seed: false } }, async ({ databaseUrl, cleanup }) => {
  // SELECT 1 on a pool of its own, of the size the limiter's shared pool has for one caller.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  cleanup(() => pool.end());
  const postgres = createPostgresRateLimiter();
  const memory = createInProcessRateLimiter();
  const paths = {
    'SELECT 1 (baseline)': () => pool.query('SELECT 1'),
    'PostgreSQL store hit': (i: number) => postgres.hit(`bench:${i % 8}`, 1_000_000, 60_000),
    'in-process store hit': (i: number) => memory.hit(`bench:${i % 8}`, 1_000_000, 60_000),
  };
  for (const run of Object.values(paths)) for (let i = 0; i < 200; i++) await run(i); // warm-up
  const us = (x: number) => `${(x * 1000).toFixed(0).padStart(6)} µs`;
  for (const [name, run] of Object.entries(paths)) {
    const times: number[] = [];
    for (let i = 0; i < HITS; i++) {
      const started = performance.now();
      await run(i);
      times.push(performance.now() - started);
    }
    const l = latencies(times);
    console.log(`  ${name.padEnd(22)} p50 ${us(l.p50)}  p99 ${us(l.p99)}`);
  }
  console.log(`${HITS} sequential hits each; ${describeMachine()}`);
});
