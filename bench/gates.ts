// How long does a terminal gate wait for its answer? POST /api/gate/decision at a steady --rate
// (200 decisions/s by default) for --seconds, open loop (each request is timed from when it was due,
// so a slow answer cannot hide the ones queued behind it), on the product's HTTP server
// (createAppServer in a child process, a real API token with gate:decide, the rate limit lifted), each
// decision doing all its work: the checks, the gate_event row, the EPCIS event on the timeline through
// tracking's store, the audit row and, for a HOLD, the business event.
// Baseline, same load and same containers: a bare node:http handler in a child process running the same
// lookups as hand-written SQL, with no authentication, validation or writes (bench/serve-gate-baseline.ts).
// Half the containers are released with intact seals (OPEN), half held (not released). Any non-2xx
// answer, or a run with no measurement, fails the benchmark.
//
//   npm run bench:gates [-- --rate 200 --seconds 15 --containers 40]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { ChildProcess } from 'node:child_process';

import { loadUserActor } from '../lib/auth/actor';
import { createApiToken } from '../lib/auth/create-api-token';
import { startEmbeddedPostgres, freePort, type EmbeddedDatabase } from '../lib/database/embedded-postgres';
import { prepareDatabase } from '../lib/database/prepare-database';
import { resetEnvCache } from '../lib/env';
import { getLogger } from '../lib/logger';
import { releaseSubmitted } from '../test/support/declarations';
import { trackedShipment } from '../test/tracking/fixtures';
import { launch } from './launch';

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

/** Sends `rate` requests per second for `seconds`, open loop; every answer must be 2xx. Latencies in ms. */
async function drive(url: string, headers: Record<string, string>, containers: string[], rate: number, seconds: number): Promise<{ latencies: number[]; decisions: Record<string, number>; achieved: number }> {
  const total = rate * seconds;
  const latencies: number[] = [];
  const decisions: Record<string, number> = {};
  const failures: string[] = [];
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
        if (res.status < 200 || res.status > 299) {
          failures.push(`${res.status} ${text.slice(0, 300)}`);
          return;
        }
        latencies.push(performance.now() - due);
        const decision = (JSON.parse(text) as { decision: string }).decision;
        decisions[decision] = (decisions[decision] ?? 0) + 1;
      })().catch((error: unknown) => void failures.push(String(error))),
    );
  }
  await Promise.all(inflight);
  const wall = (performance.now() - started) / 1000;
  if (failures.length) throw new Error(`${failures.length} of ${total} requests to ${url} failed; first: ${failures[0]}`);
  if (!latencies.length) throw new Error(`no measurement from ${url}`);
  return { latencies, decisions, achieved: latencies.length / wall };
}

async function main() {
  process.chdir(path.resolve(import.meta.dirname, '..'));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clearway-bench-'));
  Object.assign(process.env, { LOG_LEVEL: 'warn', SEED_DEMO: 'true', DATA_DIR: dir });
  let database: EmbeddedDatabase | undefined;
  let prepared: Awaited<ReturnType<typeof prepareDatabase>> | undefined;
  const children: ChildProcess[] = [];
  try {
    database = await startEmbeddedPostgres({ dir: path.join(dir, 'postgres'), port: 0, database: 'clearway', persistent: false });
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

    // Warm both (JIT, pools, plans), then measure each at the same rate.
    await drive(productUrl, auth, containers, Math.min(RATE, 50), 2);
    await drive(baselineUrl, {}, containers, Math.min(RATE, 50), 2);
    const baseline = await drive(baselineUrl, {}, containers, RATE, SECONDS);
    const product = await drive(productUrl, auth, containers, RATE, SECONDS);

    const p = (xs: number[]) => ({ p50: percentile(xs, 0.5), p99: percentile(xs, 0.99) });
    const pr = p(product.latencies);
    const bl = p(baseline.latencies);
    console.log(`\nGate decisions over HTTP, ${RATE}/s for ${SECONDS} s (open loop), ${CONTAINERS} containers, load average ${os.loadavg()[0]!.toFixed(1)}`);
    console.log(`                                                     achieved/s          p50           p99`);
    console.log(`  product: POST /api/gate/decision (records it)      ${product.achieved.toFixed(0).padStart(10)}  ${ms(pr.p50)}  ${ms(pr.p99)}   ${JSON.stringify(product.decisions)}`);
    console.log(`  baseline: bare handler, same lookups in SQL        ${baseline.achieved.toFixed(0).padStart(10)}  ${ms(bl.p50)}  ${ms(bl.p99)}   ${JSON.stringify(baseline.decisions)}`);
    console.log(`  ratio product/baseline                              p50 ${(pr.p50 / bl.p50).toFixed(2)}×   p99 ${(pr.p99 / bl.p99).toFixed(2)}×`);
    console.log(`  goal p99 < ${GOAL_P99_MS} ms: ${pr.p99 < GOAL_P99_MS ? 'met' : 'NOT met'}`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await prepared?.stop().catch(() => undefined);
    await database?.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
