// What does serving GraphQL inside the product cost, next to bare Apollo?
//   (a) the product as `npm start` serves it (custom Node server: Apollo for /api/graphql, Next.js for
//       the rest; limits, request ids, request logging), on its own embedded PostgreSQL;
//   (b) Apollo's standalone server with the same schema and resolvers.
// The same trivial query against both with autocannon, alternating rounds; medians and the ratio.
// The product's rate limits are lifted by configuration for its own server (API_*RATE_LIMIT_PER_MINUTE),
// so it measures serving, not HTTP 429; any answer that is not 2xx, or a round with no answers, fails.
//
//   npm run bench:graphql-overhead [-- --rounds 3 --seconds 10 --connections 20]
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import autocannon from 'autocannon';

import { freePort } from '../lib/database/embedded-postgres';
import { describeMachine, launch, median, printRatio, requireMeasured } from './support';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
  },
});
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const QUERY = JSON.stringify({ query: '{ __typename }' });

async function load(url: string, duration: number) {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: QUERY,
    connections,
    duration,
  });
  if (result.non2xx || result.errors || result.timeouts) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  requireMeasured(result.requests.total, `answers from ${url}`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}


async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'clearway-bench-'));
  const productPort = await freePort();
  const apolloPort = await freePort();
  const children: ChildProcess[] = [];
  const product = await launch(
    ['scripts/start.ts'],
    {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      EMBEDDED_PG_PORT: String(await freePort()),
      PORT: String(productPort),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      API_RATE_LIMIT_PER_MINUTE: '100000000',
      API_ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000000',
    },
    'Clearway is ready',
  ).catch(async (error) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  children.push(product);
  const apollo = await launch(['bench/apollo-standalone.ts', String(apolloPort)], { LOG_LEVEL: 'warn', NODE_ENV: 'production' }, 'ready at').catch(async (error) => {
    product.kill('SIGTERM');
    throw error;
  });
  children.push(apollo);
  const targets = {
    product: `http://127.0.0.1:${productPort}/api/graphql`,
    apollo: `http://127.0.0.1:${apolloPort}/`,
  };
  try {
    for (const url of Object.values(targets)) await load(url, 3); // warm-up (JIT, connections)
    const runs: Record<keyof typeof targets, { rps: number; p99: number }[]> = { product: [], apollo: [] };
    for (let round = 1; round <= rounds; round++) {
      for (const name of round % 2 ? (['product', 'apollo'] as const) : (['apollo', 'product'] as const)) {
        const r = await load(targets[name], seconds);
        runs[name].push(r);
        console.log(`round ${round} ${name.padEnd(7)} ${r.rps.toFixed(0).padStart(6)} req/s  p99 ${r.p99} ms`);
      }
    }
    const product = { rps: median(runs.product.map((r) => r.rps)), p99: median(runs.product.map((r) => r.p99)) };
    const apollo = { rps: median(runs.apollo.map((r) => r.rps)), p99: median(runs.apollo.map((r) => r.p99)) };
    console.log('');
    console.log(`query ${QUERY}, ${connections} connections, ${rounds} rounds of ${seconds} s, medians:`);
    console.log(`  product /api/graphql (npm start)   ${product.rps.toFixed(0).padStart(6)} req/s   p99 ${product.p99} ms`);
    console.log(`  bare Apollo standalone (baseline)  ${apollo.rps.toFixed(0).padStart(6)} req/s   p99 ${apollo.p99} ms`);
    printRatio('baseline/product throughput', product.rps, apollo.rps, { higherIsBetter: true, goal: 1.2 });
    console.log(`  ${describeMachine()}`);
  } finally {
    const productExit = product.exitCode === null ? new Promise((r) => product.once('exit', r)) : Promise.resolve();
    for (const child of children) child.kill('SIGTERM');
    await productExit;
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
