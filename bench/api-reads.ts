// How fast are GraphQL reads of the declarations list, next to hand-written SQL returning the same
// JSON? Three shapes, each adding a nested field (issue 15 item 3):
//   count      declarations(first: 20) { totalCount edges { node { id lrn status } } }
//   items      ... node { ... items { commodityCode } }
//   declarant  ... node { ... items { commodityCode } declarant { eori name } }
//   (a) product: POST /api/graphql as the signed-in demo trader (a next-auth session cookie), to
//       bench/serve-api.ts (createAppServer, the handler `npm start` serves, rate limits lifted by
//       configuration for this server);
//   (b) baseline: bench/serve-hand-sql.ts, one hand-written statement per request building the same
//       JSON in PostgreSQL (checked equal to the product's answer before measuring), no session.
// autocannon, --connections (10), alternating rounds, medians; any answer that is not 2xx fails.
// The trader's company has the demo declarations plus --declarations filed through lib/.
//
//   npm run bench:api-reads [-- --declarations 300 --seconds 5 --rounds 3 --connections 10]
import { parseArgs } from 'node:util';

import autocannon from 'autocannon';

import { loadUserActor } from '../lib/auth/actor';
import { freePort } from '../lib/database/embedded-postgres';
import { asUser } from '../test/support/auth';
import { submittedImport } from '../test/support/declarations';
import { validImport } from '../test/declarations/fixtures';
import { cpuDuring, postmasterPid } from './support/process-cpu';
import { describeMachine, launch, median, pgStatementsEnabled, printPgStatements, printRatio, promisePool, requireMeasured, resetPgStatements, runBench, stopChild } from './support';

const { values } = parseArgs({
  options: {
    declarations: { type: 'string', default: '300' },
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
  },
});
const DECLARATIONS = Number(values.declarations);
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
const CONNECTIONS = Number(values.connections);
for (const [name, value] of Object.entries({ declarations: DECLARATIONS, seconds: SECONDS, rounds: ROUNDS, connections: CONNECTIONS })) {
  if (!Number.isInteger(value) || value < (name === 'declarations' ? 0 : 1)) throw new Error(`--${name} must be a positive integer`);
}
const TRADER_EMAIL = 'trader@rotterdam-importers.example';
const GOAL_RATIO = 2;

const NODE = { count: 'id lrn status', items: 'id lrn status items { commodityCode }', declarant: 'id lrn status items { commodityCode } declarant { eori name }' };
type Shape = keyof typeof NODE;
const SHAPES = Object.keys(NODE) as Shape[];
const queryOf = (shape: Shape) => JSON.stringify({ query: `{ declarations(first: 20) { totalCount edges { node { ${NODE[shape]} } } } }` });

async function load(target: { url: string; headers: Record<string, string>; body?: string }, seconds: number) {
  const result = await autocannon({ url: target.url, method: 'POST', headers: { 'content-type': 'application/json', ...target.headers }, body: target.body, connections: CONNECTIONS, duration: seconds });
  if (result.non2xx || result.errors || result.timeouts) throw new Error(`${target.url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  requireMeasured(result.requests.total, `answers from ${target.url}`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total };
}

runBench({ env: { SEED_DEMO: 'true' } }, async ({ databaseUrl, cleanup }) => {
  const trader = await loadUserActor({ email: TRADER_EMAIL });
  await promisePool(DECLARATIONS, 4, (i) => submittedImport(TRADER_EMAIL, { ...validImport(), lrn: `READS-${i}` }));
  const cookie = await asUser(TRADER_EMAIL);

  const env = { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', NODE_ENV: 'production', API_RATE_LIMIT_PER_MINUTE: '100000000', API_ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000000' };
  const productPort = await freePort();
  const product = await launch(['bench/serve-api.ts', String(productPort)], env, 'serve-api ready at', { echo: true });
  cleanup(() => stopChild(product));
  const basePort = await freePort();
  const base = await launch(['bench/serve-hand-sql.ts', String(basePort), trader.companyId!], env, 'hand-sql ready at', { echo: true });
  cleanup(() => stopChild(base));

  const targets = (shape: Shape) => ({
    product: { url: `http://127.0.0.1:${productPort}/api/graphql`, headers: cookie, body: queryOf(shape) },
    baseline: { url: `http://127.0.0.1:${basePort}/${shape}`, headers: {}, body: undefined as string | undefined },
  });

  // The same JSON from both, before anything is timed.
  for (const shape of SHAPES) {
    const t = targets(shape);
    const answers = await Promise.all(
      [t.product, t.baseline].map(async (x) => {
        const res = await fetch(x.url, { method: 'POST', headers: { 'content-type': 'application/json', ...x.headers }, body: x.body });
        if (res.status !== 200) throw new Error(`${x.url}: HTTP ${res.status}: ${await res.text()}`);
        return JSON.stringify(await res.json());
      }),
    );
    if (answers[0] !== answers[1]) throw new Error(`shape ${shape}: the baseline's JSON differs from the product's:\n${answers[0]!.slice(0, 600)}\n${answers[1]!.slice(0, 600)}`);
    const edges = (JSON.parse(answers[0]!) as { data: { declarations: { totalCount: number; edges: unknown[] } } }).data.declarations;
    requireMeasured(edges.edges.length, `declarations on the page (shape ${shape})`);
    if (shape === 'count') console.log(`the trader sees ${edges.totalCount} declarations; pages of ${edges.edges.length}`);
  }

  for (const shape of SHAPES) for (const t of Object.values(targets(shape))) await load(t, 1); // warm-up
  // BENCH_PG_STATEMENTS=1: what the product's widest shape costs PostgreSQL, statement by statement.
  if (pgStatementsEnabled()) {
    await resetPgStatements(databaseUrl);
    const profiled = await load(targets('declarant').product, SECONDS);
    await printPgStatements(databaseUrl, profiled.rps * SECONDS * 0.5, `PostgreSQL during ${SECONDS} s of the product's declarant shape (${profiled.rps.toFixed(0)} req/s), per call in ms`);
  }
  type Measured = Awaited<ReturnType<typeof load>> & { cpu: { server: number; postgres: number } };
  const postgresPid = await postmasterPid(databaseUrl);
  const runs: Record<Shape, { product: Measured[]; baseline: Measured[] }> = {
    count: { product: [], baseline: [] },
    items: { product: [], baseline: [] },
    declarant: { product: [], baseline: [] },
  };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const shape of SHAPES) {
      const t = targets(shape);
      for (const name of round % 2 ? (['product', 'baseline'] as const) : (['baseline', 'product'] as const)) {
        // CPU per request of the answering server and of PostgreSQL (all backends), which the others'
        // load on a shared machine blurs far less than the request rate.
        const server = (name === 'product' ? product : base).pid!;
        const { result, cpuMs } = await cpuDuring([server, postgresPid], () => load(t[name], SECONDS));
        const r = { ...result, cpu: { server: cpuMs.get(server)! / result.total, postgres: cpuMs.get(postgresPid)! / result.total } };
        runs[shape][name].push(r);
        console.log(`round ${round} ${shape.padEnd(9)} ${name.padEnd(8)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  CPU/request: server ${r.cpu.server.toFixed(2)} ms, PostgreSQL ${r.cpu.postgres.toFixed(2)} ms`);
      }
    }
  }

  console.log('');
  console.log(`${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per shape and path, medians; ${describeMachine()}`);
  console.log('                                         product (GraphQL)                 hand SQL (baseline)');
  for (const shape of SHAPES) {
    const m = (list: Measured[]) => ({
      rps: median(list.map((r) => r.rps)),
      p50: median(list.map((r) => r.p50)),
      p99: median(list.map((r) => r.p99)),
      server: median(list.map((r) => r.cpu.server)),
      postgres: median(list.map((r) => r.cpu.postgres)),
    });
    const p = m(runs[shape].product);
    const b = m(runs[shape].baseline);
    console.log(`  ${shape.padEnd(10)} ${p.rps.toFixed(0).padStart(6)} req/s p50 ${String(p.p50).padStart(3)} ms p99 ${String(p.p99).padStart(3)} ms      ${b.rps.toFixed(0).padStart(6)} req/s p50 ${String(b.p50).padStart(3)} ms p99 ${String(b.p99).padStart(3)} ms`);
    console.log(`             CPU per request: server ${p.server.toFixed(2)} ms, PostgreSQL ${p.postgres.toFixed(2)} ms       server ${b.server.toFixed(2)} ms, PostgreSQL ${b.postgres.toFixed(2)} ms`);
    printRatio(`${shape} baseline/product throughput`, p.rps, b.rps, { higherIsBetter: true, ...(shape === 'declarant' ? { goal: GOAL_RATIO } : {}) });
  }
});
