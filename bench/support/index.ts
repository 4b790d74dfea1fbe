// What every benchmark shares: a fresh embedded PostgreSQL in a temporary folder (prepared as `npm
// start` prepares it), percentiles, a promise pool, the product-beside-baseline line with its ratio,
// and the rule that a benchmark which measured nothing fails. The API is documented in
// docs/benchmarks.md ("Writing a benchmark"); keep it small.
//
//   import { runBench, promisePool, latencies, printRatio, requireMeasured } from './support';
//   runBench({ env: { SEED_DEMO: 'true' } }, async ({ databaseUrl, cleanup }) => { ... });
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../lib/database/embedded-postgres';
import { prepareDatabase, type PreparedDatabase } from '../../lib/database/prepare-database';
import { resetEnvCache } from '../../lib/env';
import { getLogger } from '../../lib/logger';

import { pgStatementSettings } from './pg-statements';

export { launch, stopChild } from '../launch';
export { pgStatementsEnabled, printPgStatements, resetPgStatements } from './pg-statements';

type PrepareOptions = Omit<Parameters<typeof prepareDatabase>[0], 'logger'>;

export interface BenchContext {
  /** The temporary folder (DATA_DIR points here); removed at the end. */
  dir: string;
  /** The embedded PostgreSQL's URL (also in process.env.DATABASE_URL). */
  databaseUrl: string;
  /** This process's prepared database (Prisma's shared pool); stopped at the end. */
  prepared: PreparedDatabase;
  /** Runs `stop` at the end, before the database stops; the last registered runs first. */
  cleanup(stop: () => unknown): void;
}

/**
 * Runs a benchmark's body from the repository root on its own embedded PostgreSQL, then stops
 * everything it registered, the database and the folder, and exits the process: 0, or 1 with the
 * error printed. `env` is set before anything reads the configuration (LOG_LEVEL is `warn` unless
 * given); `prepare` goes to prepareDatabase (e.g. `{ seed: false }`).
 */
export function runBench(options: { env?: Record<string, string>; prepare?: PrepareOptions }, body: (context: BenchContext) => Promise<void>): void {
  const run = async () => {
    // The server reads graphql/schema/*.graphql and prisma/migrations from the working directory.
    process.chdir(path.resolve(import.meta.dirname, '../..'));
    const dir = await mkdtemp(path.join(os.tmpdir(), 'clearway-bench-'));
    // DATA_DIR in the temporary folder: nothing here can touch the developer's .data/ (keys, blobs).
    Object.assign(process.env, { LOG_LEVEL: 'warn', ...options.env, DATA_DIR: dir });
    const stops: (() => unknown)[] = [];
    let database: EmbeddedDatabase | undefined;
    let prepared: PreparedDatabase | undefined;
    try {
      database = await startEmbeddedPostgres({ dir: path.join(dir, 'postgres'), port: 0, database: 'clearway', persistent: false, settings: pgStatementSettings() });
      process.env.DATABASE_URL = database.url;
      resetEnvCache();
      prepared = await prepareDatabase({ logger: getLogger(), ...options.prepare });
      if (prepared.mode !== 'external' || prepared.url !== database.url) throw new Error(`prepareDatabase used ${prepared.url}, not the benchmark's database`);
      await body({ dir, databaseUrl: database.url, prepared, cleanup: (stop) => stops.push(stop) });
    } finally {
      for (const stop of stops.reverse()) await Promise.resolve().then(stop).catch((error) => console.error('cleaning up:', error));
      await prepared?.stop().catch(() => undefined); // this process's pool only: the database is ours to stop below
      // pool.end() resolves before its connections have said goodbye: stopping PostgreSQL at once makes
      // them log "terminating connection due to administrator command".
      await sleep(300);
      await database?.stop().catch((error) => console.error('stopping PostgreSQL:', error));
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  };
  run().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The p-quantile (0..1) of xs by the nearest-rank method; fails on an empty list (nothing measured). */
export function percentile(xs: readonly number[], p: number): number {
  requireMeasured(xs.length, 'samples');
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

export const median = (xs: readonly number[]) => percentile(xs, 0.5);

/** p50 and p99 of a list of latencies. */
export const latencies = (xs: readonly number[]) => ({ p50: percentile(xs, 0.5), p99: percentile(xs, 0.99) });

/** A latency in milliseconds, right-aligned: "   12.3 ms". */
export const ms = (x: number) => `${x.toFixed(1).padStart(7)} ms`;

/** Throws when a benchmark measured nothing (zero requests, rows or samples): a figure of nothing is no figure. */
export function requireMeasured(count: number, what: string): void {
  if (!Number.isFinite(count) || count <= 0) throw new Error(`nothing was measured: 0 ${what}`);
}

/** Runs task(0..count-1), `concurrency` at a time; the first failure stops the pool and is thrown. */
export async function promisePool(count: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (!failure && next < count) {
        const i = next++;
        try {
          await task(i);
        } catch (error) {
          failure ??= { error };
        }
      }
    }),
  );
  if (failure) throw failure.error;
}

/** Milliseconds that `task` took, with its result. */
export async function timed<T>(task: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await task();
  return { ms: performance.now() - started, result };
}

/**
 * Prints "ratio <label>: 1.23x (goal <= 2x: met)" and returns the ratio. `higherIsBetter` figures
 * (throughput) are divided baseline/product, latencies product/baseline, so a ratio above 1 always
 * means the product is the slower one.
 */
export function printRatio(label: string, product: number, baseline: number, options: { higherIsBetter: boolean; goal?: number }): number {
  requireMeasured(product, `${label} (product)`);
  requireMeasured(baseline, `${label} (baseline)`);
  const ratio = options.higherIsBetter ? baseline / product : product / baseline;
  const goal = options.goal === undefined ? '' : ` (goal <= ${options.goal}x: ${ratio <= options.goal ? 'met' : 'NOT met'})`;
  console.log(`  ratio ${label}: ${ratio.toFixed(2)}x${goal}`);
  return ratio;
}

/** One line naming the machine, for the record beside the figures. */
export function describeMachine(): string {
  const cpus = os.cpus();
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  return `machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), load ${load}, Node ${process.version}, ${os.platform()} ${os.arch()}; PostgreSQL embedded, same machine`;
}
