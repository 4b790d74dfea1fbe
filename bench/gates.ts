// How long does a terminal gate wait for its answer? POST /api/gate/decision at a steady --rate
// (200 decisions/s by default) for --seconds, open loop (each request is timed from when it was due,
// so a slow answer cannot hide the ones queued behind it), on the product's HTTP server
// (createAppServer in a child process, a real API token with gate:decide, the rate limit lifted), each
// decision doing all its work: the checks, the gate_event row, the EPCIS event on the timeline through
// tracking's store, the audit row and, for a HOLD, the business event.
// Baseline, same load and same containers: a bare node:http handler in a child process running the same
// lookups as hand-written SQL, with no authentication, validation or writes (bench/serve-gate-baseline.ts).
// Half the containers are released with intact seals (OPEN), half held (not released). Any non-2xx
// answer, or a run with no measurement, fails the benchmark, after it printed what it measured: the
// achieved rate, p50/p99 of the 2xx answers and the count of each failing status.
// Beside the latencies, what a loaded shared machine blurs least: the statements one decision sends to
// PostgreSQL (counted on an in-process copy of the server) and the CPU per answer of the server's
// process and of PostgreSQL (from /proc, Linux only).
//
//   npm run bench:gates [-- --rate 200 --seconds 15 --containers 40]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';

import pg from 'pg';

import { loadUserActor } from '../lib/auth/actor';
import { createApiToken } from '../lib/auth/create-api-token';
import { getTokenActorCache } from '../lib/auth/token-actor-cache';
import { startEmbeddedPostgres, freePort, type EmbeddedDatabase } from '../lib/database/embedded-postgres';
import { prepareDatabase } from '../lib/database/prepare-database';
import { resetEnvCache } from '../lib/env';
import { getLogger } from '../lib/logger';
import { releaseSubmitted } from '../test/support/declarations';
import { trackedShipment } from '../test/tracking/fixtures';
import { createAppServer } from '../server/create-app-server';
import { launch, stopChild } from './launch';
import { cpuDuring, postmasterPid } from './support/process-cpu';
import { pgStatementSettings, printPgStatements, resetPgStatements } from './support/pg-statements';

const { values } = parseArgs({ options: { rate: { type: 'string', default: '200' }, seconds: { type: 'string', default: '15' }, containers: { type: 'string', default: '40' } } });
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const CONTAINERS = Number(values.containers);
for (const [name, v] of Object.entries({ rate: RATE, seconds: SECONDS, containers: CONTAINERS })) if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
const GOAL_P99_MS = 50;
const GATE = 'NLRTM-MV1-IN';

const percentile = (xs: number[], p: number) => {
  if (!xs.length) throw new Error('measured nothing');
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
};
const ms = (x: number) => `${x.toFixed(2).padStart(8)} ms`;

interface DriveResult {
  url: string;
  offered: number;
  /** Latencies of the 2xx answers, in ms from when each request was due. */
  latencies: number[];
  decisions: Record<string, number>;
  /** 2xx answers per second of the run. */
  achieved: number;
  /** Non-2xx answers by status ("network" for a request that got no answer), and the first of each. */
  failures: Record<string, { count: number; first: string }>;
}

/** Sends `rate` requests per second for `seconds`, open loop, and records every answer; judge() fails the run. */
async function drive(url: string, headers: Record<string, string>, containers: string[], rate: number, seconds: number): Promise<DriveResult> {
  const total = rate * seconds;
  const latencies: number[] = [];
  const decisions: Record<string, number> = {};
  const failures: DriveResult['failures'] = {};
  const fail = (status: string, text: string) => void ((failures[status] ??= { count: 0, first: text.slice(0, 300) }).count += 1);
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      (async () => {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ containerNumber: containers[i % containers.length], gate: GATE, requestId: randomUUID() }),
        });
        const text = await res.text();
        if (res.status < 200 || res.status > 299) return fail(String(res.status), text);
        latencies.push(performance.now() - due);
        const decision = (JSON.parse(text) as { decision: string }).decision;
        decisions[decision] = (decisions[decision] ?? 0) + 1;
      })().catch((error: unknown) => fail('network', String(error))),
    );
  }
  await Promise.all(inflight);
  const wall = (performance.now() - started) / 1000;
  return { url, offered: total, latencies, decisions, achieved: latencies.length / wall, failures };
}

/** A run that measured nothing, or got any answer that is not 2xx, fails the benchmark (after its figures are printed). */
function problems(run: DriveResult): string[] {
  const out = Object.entries(run.failures).map(([status, f]) => `${f.count} of ${run.offered} requests to ${run.url} answered ${status}; first: ${f.first}`);
  if (!run.latencies.length) out.push(`no measurement from ${run.url}`);
  return out;
}

/**
 * The statements one decision sends to PostgreSQL, in order (pg sends each as its own round trip), on an
 * in-process copy of the product's server: warm-up decisions first (first-use work such as a token's
 * "last used" stamp or its first lookup is not the steady state), then one OPEN (containers[0]) and one
 * HOLD (containers[1]).
 */
async function countStatements(headers: Record<string, string>, containers: string[]): Promise<Record<'OPEN' | 'HOLD', string[]>> {
  const app = await createAppServer({ logger: getLogger(), fallback: (_req, res) => void res.writeHead(404).end() });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/gate/decision`;
  let recording: string[] | null = null;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    recording?.push((typeof first === 'string' ? first : (first.text ?? '')).replace(/\s+/g, ' ').trim().slice(0, 110));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  const decide = async (containerNumber: string) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ containerNumber, gate: GATE, requestId: randomUUID() }) });
    if (res.status !== 200) throw new Error(`counting statements: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { decision: 'OPEN' | 'HOLD' }).decision;
  };
  const out = { OPEN: [] as string[], HOLD: [] as string[] };
  try {
    await decide(containers[0]!);
    // The steady state: a reader's token is looked up once per few seconds (lib/auth/token-actor-cache.ts).
    if (await getTokenActorCache()?.ready()) await decide(containers[0]!);
    for (const containerNumber of containers.slice(0, 2)) {
      const statements: string[] = [];
      recording = statements;
      const decision = await decide(containerNumber);
      recording = null;
      out[decision] = statements;
    }
  } finally {
    pg.Client.prototype.query = query;
    await app.close(1_000);
    await getTokenActorCache()?.close();
  }
  return out;
}

/**
 * drive(), and the CPU the server's process tree and PostgreSQL (every backend) spent meanwhile, in ms per
 * 2xx answer. A process that ended during the run (an idle pool connection closed) is left out.
 */
async function measure(serverPid: number, postgresPid: number, ...args: Parameters<typeof drive>): Promise<DriveResult & { cpuMs: { server: number; postgres: number } }> {
  const { result: run, cpuMs } = await cpuDuring([serverPid, postgresPid], () => drive(...args));
  const per = (root: number) => cpuMs.get(root)! / Math.max(1, run.latencies.length);
  return { ...run, cpuMs: { server: per(serverPid), postgres: per(postgresPid) } };
}

async function main() {
  process.chdir(path.resolve(import.meta.dirname, '..'));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clearway-bench-'));
  Object.assign(process.env, { LOG_LEVEL: 'warn', SEED_DEMO: 'true', DATA_DIR: dir });
  let database: EmbeddedDatabase | undefined;
  let prepared: Awaited<ReturnType<typeof prepareDatabase>> | undefined;
  const children: ChildProcess[] = [];
  try {
    // BENCH_PG_STATEMENTS=1: PostgreSQL's own account of the product's run, statement by statement (pg_stat_statements).
    database = await startEmbeddedPostgres({
      dir: path.join(dir, 'postgres'),
      port: 0,
      database: 'clearway',
      persistent: false,
      settings: pgStatementSettings(),
    });
    process.env.DATABASE_URL = database.url;
    resetEnvCache();
    prepared = await prepareDatabase({ logger: getLogger(), demoDeclarations: false });

    console.error(`setting up ${CONTAINERS} tracked containers (half released)…`);
    const containers: string[] = [];
    for (let i = 0; i < CONTAINERS; i++) {
      const s = await trackedShipment();
      if (i % 2 === 0) await releaseSubmitted(s.declarationId);
      containers.push(s.containerNumber);
    }
    const terminal = await loadUserActor({ email: 'terminal@maasvlakte-terminal.example' });
    const { secret } = await createApiToken({ actor: terminal, input: { name: 'bench gate reader', scopes: ['gate:decide'] } });
    const auth = { authorization: `Bearer ${secret}` };

    // The worker is off in the product's child (JOB_CONCURRENCY=0): fan-out jobs queue, as they would for
    // another process; the gate's answer never waits for them.
    const childEnv = { DATABASE_URL: database.url, LOG_LEVEL: 'warn', API_RATE_LIMIT_PER_MINUTE: '100000000', JOB_CONCURRENCY: '0' };
    const productPort = await freePort();
    children.push(await launch(['bench/serve-api.ts', String(productPort)], childEnv, 'serve-api ready'));
    const baselinePort = await freePort();
    children.push(await launch(['bench/serve-gate-baseline.ts', String(baselinePort)], childEnv, 'gate baseline ready'));
    const productUrl = `http://127.0.0.1:${productPort}/api/gate/decision`;
    const baselineUrl = `http://127.0.0.1:${baselinePort}/api/gate/decision`;

    // What one decision costs in statements (each a round trip to PostgreSQL), counted on an in-process
    // copy of the same server: one OPEN and one HOLD, after a warm-up decision.
    const counted = await countStatements(auth, containers);
    console.error(`statements per decision: OPEN ${counted.OPEN.length}, HOLD ${counted.HOLD.length}`);
    for (const [i, text] of counted.HOLD.entries()) console.error(`  ${String(i + 1).padStart(2)}. ${text}`);

    // Warm both (JIT, pools, plans), then measure each at the same rate.
    const warm = [await drive(productUrl, auth, containers, Math.min(RATE, 50), 2), await drive(baselineUrl, {}, containers, Math.min(RATE, 50), 2)];
    const postgresPid = await postmasterPid(database.url);
    const baseline = await measure(children[1]!.pid!, postgresPid, baselineUrl, {}, containers, RATE, SECONDS);
    await resetPgStatements(database.url);
    const product = await measure(children[0]!.pid!, postgresPid, productUrl, auth, containers, RATE, SECONDS);
    await printPgStatements(database.url, RATE * SECONDS * 0.3, 'PostgreSQL, per call during the product run (mean ms)');

    const p = (xs: number[]) => (xs.length ? { p50: percentile(xs, 0.5), p99: percentile(xs, 0.99) } : { p50: NaN, p99: NaN });
    const pr = p(product.latencies);
    const bl = p(baseline.latencies);
    const failed = (run: DriveResult) => Object.entries(run.failures).map(([status, f]) => `${status}×${f.count}`).join(' ') || '—';
    console.log(`\nGate decisions over HTTP, ${RATE}/s for ${SECONDS} s (open loop), ${CONTAINERS} containers, load average ${os.loadavg()[0]!.toFixed(1)}`);
    console.log(`  statements per decision: OPEN ${counted.OPEN.length}, HOLD ${counted.HOLD.length}`);
    // CPU per answer is what a loaded, shared machine cannot blur much: the server's process and PostgreSQL's.
    const cpu = (run: typeof product) => `${run.cpuMs.server.toFixed(2).padStart(6)} ms ${run.cpuMs.postgres.toFixed(2).padStart(6)} ms`;
    console.log(`                                                achieved/s     2xx p50       2xx p99   CPU/answer: server  PostgreSQL   failed`);
    console.log(`  product: POST /api/gate/decision (records)   ${product.achieved.toFixed(0).padStart(10)}  ${ms(pr.p50)}  ${ms(pr.p99)}   ${cpu(product)}   ${failed(product)}   ${JSON.stringify(product.decisions)}`);
    console.log(`  baseline: bare handler, same lookups in SQL  ${baseline.achieved.toFixed(0).padStart(10)}  ${ms(bl.p50)}  ${ms(bl.p99)}   ${cpu(baseline)}   ${failed(baseline)}   ${JSON.stringify(baseline.decisions)}`);
    console.log(`  ratio product/baseline                        p50 ${(pr.p50 / bl.p50).toFixed(2)}×   p99 ${(pr.p99 / bl.p99).toFixed(2)}×`);
    const errors = [...warm, baseline, product].flatMap(problems);
    console.log(`  goal p99 < ${GOAL_P99_MS} ms: ${errors.length ? 'NOT met (failed answers)' : pr.p99 < GOAL_P99_MS ? 'met' : 'NOT met'}`);
    if (errors.length) {
      for (const e of errors) console.error(`FAILED: ${e}`);
      process.exitCode = 1;
    }
  } finally {
    // Wait for each child to exit: a profiled child writes its CPU profile on the way out.
    await Promise.all(children.map(stopChild));
    await prepared?.stop().catch(() => undefined);
    await database?.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
