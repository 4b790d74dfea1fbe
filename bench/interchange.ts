// How many declarations a second are parsed + validated + stored from standard messages, next to the
// GraphQL path for the same declarations (issue 18; goal: within 1.5× of GraphQL):
//   (a) GraphQL: createDeclarationDraft + submitDeclaration per declaration (the path bench/declarations.ts measures);
//   (b) WCO DM XML: one POST /api/interchange/declarations per declaration (FunctionCode 9): parsed,
//       XSD-validated (xmllint-wasm, concurrent messages share a run), mapped, filed and submitted;
//   (c) CUSDEC: interchanges of --batch messages (BGM 1225 = 9), each message filed and submitted.
// Same declarations (--items goods items, one container), same server (bench/serve-api.ts in a child
// process), same fresh embedded PostgreSQL, same concurrency. Every phase checks that exactly its
// declarations were stored and accepted with an MRN, and fails loudly otherwise.
//
//   npm run bench:interchange [-- --n 1000 --items 5 --concurrency 8 --batch 100]
// The issue asks for 10,000 of each (--n 10000); the default is 1,000 on the shared 2-core machine.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { loadUserActor } from '../lib/auth/actor';
import { createApiToken } from '../lib/auth/create-api-token';
import { freePort } from '../lib/database/embedded-postgres';
import type { DeclarationInput } from '../lib/declarations/declaration-input';
import { writeCusdec } from '../lib/interchange/write-cusdec';
import { writeEdifactInterchange } from '../lib/interchange/write-edifact-interchange';
import { writeWcoDeclaration } from '../lib/interchange/write-wco-declaration';
import { validImport } from '../test/declarations/fixtures';
import { launch, stopChild } from './launch';
import { promisePool, runBench } from './support';

const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' }, items: { type: 'string', default: '5' }, concurrency: { type: 'string', default: '8' }, batch: { type: 'string', default: '100' } } });
const N = Number(values.n);
const ITEMS = Number(values.items);
const CONCURRENCY = Number(values.concurrency);
const BATCH = Number(values.batch);
for (const [name, v] of Object.entries({ n: N, items: ITEMS, concurrency: CONCURRENCY, batch: BATCH })) if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
const GOAL_RATIO = 1.5;
let token = '';

function declaration(lrn: string): DeclarationInput {
  const template = validImport();
  const items = Array.from({ length: ITEMS }, (_, i) => ({ ...template.items![i % template.items!.length]!, description: `Goods line ${i + 1}` }));
  return {
    ...template,
    lrn,
    items,
    invoiceAmount: (items.reduce((s, i) => s + Math.round(Number(i.itemPrice) * 100), 0) / 100).toFixed(2),
    totalPackages: items.reduce((s, i) => s + i.packageCount, 0),
    grossMass: items.reduce((s, i) => s + Number(i.grossMass), 0).toFixed(3),
  };
}


async function request(url: string, body: string, contentType: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': contentType, authorization: `Bearer ${token}` } });
  return { status: res.status, text: await res.text() };
}

const CREATE = `mutation($input: DeclarationInput!) { createDeclarationDraft(input: $input) { declaration { id } userErrors { message } } }`;
const SUBMIT = `mutation($id: ID!, $key: String) { submitDeclaration(id: $id, idempotencyKey: $key) { declaration { mrn } userErrors { message } } }`;
async function viaGraphql(base: string, lrn: string) {
  const create = JSON.parse((await request(`${base}/api/graphql`, JSON.stringify({ query: CREATE, variables: { input: declaration(lrn) } }), 'application/json')).text);
  const id = create.data?.createDeclarationDraft?.declaration?.id;
  if (!id) throw new Error(`createDeclarationDraft ${lrn}: ${JSON.stringify(create)}`);
  const submit = JSON.parse((await request(`${base}/api/graphql`, JSON.stringify({ query: SUBMIT, variables: { id, key: randomUUID() } }), 'application/json')).text);
  if (!submit.data?.submitDeclaration?.declaration?.mrn) throw new Error(`submitDeclaration ${lrn}: ${JSON.stringify(submit)}`);
}

async function checkFiled(db: pg.Pool, prefix: string, count: number): Promise<void> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM declaration WHERE lrn LIKE $1 AND mrn IS NOT NULL`, [`${prefix}%`]);
  if (rows[0]!.n !== count) throw new Error(`${prefix}*: ${count} sent, ${rows[0]!.n} stored and accepted with an MRN — the benchmark measured nothing trustworthy`);
}

async function time(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return N / ((performance.now() - started) / 1000);
}

runBench({ env: { SEED_DEMO: 'true' } }, async ({ databaseUrl, prepared, cleanup }) => {
  token = (await createApiToken({ actor: await loadUserActor({ email: 'trader@rotterdam-importers.example' }), input: { name: 'bench interchange', scopes: ['declarations:write'] } })).secret;
  await prepared.stop();
  const port = await freePort();
  const server = await launch(['bench/serve-api.ts', String(port)], { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', NODE_ENV: 'production', API_RATE_LIMIT_PER_MINUTE: '100000000' }, 'serve-api ready at', { echo: true });
  cleanup(() => stopChild(server));
  const base = `http://127.0.0.1:${port}`;
  const filing = `${base}/api/interchange/declarations`;
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  cleanup(() => db.end());
  db.on('error', () => undefined);

  // Documents are made before the clock starts: the benchmark times reading and filing, not writing.
  const xml = Array.from({ length: N }, (_, i) => writeWcoDeclaration(declaration(`X-${i}`), { submit: true }));
  const interchanges = Array.from({ length: Math.ceil(N / BATCH) }, (_, b) =>
    writeEdifactInterchange(
      Array.from({ length: Math.min(BATCH, N - b * BATCH) }, (_, j) => writeCusdec(declaration(`E-${b * BATCH + j}`), { messageRef: `M${j + 1}`, submit: true })),
      { sender: 'NL123456789', recipient: 'CLEARWAY', controlReference: `B${b}` },
    ),
  );
  // Warm-up (JIT, the XSD worker, pools), not counted.
  await promisePool(20, CONCURRENCY, (i) => viaGraphql(base, `W-${i}`));
  await promisePool(20, CONCURRENCY, async (i) => void (await request(filing, writeWcoDeclaration(declaration(`WX-${i}`), { submit: true }), 'application/xml')));

  const graphql = await time(() => promisePool(N, CONCURRENCY, (i) => viaGraphql(base, `G-${i}`)));
  await checkFiled(db, 'G-', N);
  const wco = await time(() =>
    promisePool(N, CONCURRENCY, async (i) => {
      const res = await request(filing, xml[i]!, 'application/xml');
      if (res.status !== 201) throw new Error(`WCO X-${i}: HTTP ${res.status} ${res.text.slice(0, 1000)}`);
    }),
  );
  await checkFiled(db, 'X-', N);
  // Interchanges in parallel up to the same concurrency (each files its messages in order).
  const cusdec = await time(() =>
    promisePool(interchanges.length, CONCURRENCY, async (b) => {
      const res = await request(filing, interchanges[b]!, 'application/edifact');
      if (res.status !== 201 || res.text.includes('GIS+03:RSP')) throw new Error(`CUSDEC B${b}: HTTP ${res.status} ${res.text.slice(0, 1000)}`);
    }),
  );
  await checkFiled(db, 'E-', N);

  const cpus = os.cpus();
  const line = (name: string, rate: number) => `${name.padEnd(44)} ${rate.toFixed(1).padStart(8)} declarations/s   ${(graphql / rate).toFixed(2)}× the GraphQL time${name.startsWith('GraphQL') ? ' (baseline)' : graphql / rate <= GOAL_RATIO ? '  (goal ≤ 1.5×: met)' : '  (goal ≤ 1.5×: NOT met)'}`;
  console.log(`\n${N.toLocaleString('en')} declarations of ${ITEMS} items per path, concurrency ${CONCURRENCY}, CUSDEC ${BATCH} messages per interchange`);
  console.log(line('GraphQL (createDeclarationDraft + submit)', graphql));
  console.log(line('WCO DM XML (parse + XSD + file + submit)', wco));
  console.log(line('CUSDEC (parse + envelope + file + submit)', cusdec));
  console.log(`machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), Node ${process.version}; PostgreSQL embedded, same machine`);
});
