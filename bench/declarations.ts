// How many declarations a second can be filed through the product's GraphQL API, next to writing the
// same rows with plain SQL?
//   (a) product: per declaration, createDeclarationDraft (--items goods items, a container, a fresh
//       LRN) then submitDeclaration with an idempotency key, over HTTP keep-alive (Node's fetch), as the
//       demo trader; the latency of a declaration is that of both calls. The server is
//       bench/serve-api.ts in a child process: createAppServer, whose /api/graphql is the same handler
//       `npm start` serves (Next.js is replaced by a 404 fallback, so no build is needed);
//   (b) baseline: the rows (a) leaves behind for one declaration, inserted with plain SQL through `pg`,
//       one transaction per declaration (BEGIN, one multi-row INSERT per table, COMMIT). The rows are
//       copied from a declaration the product filed, so the baseline follows whatever submission
//       writes; the end of the output compares the rows per declaration, table by table. Also what
//       the product writes outside those rows: the version's pending ledger entry (ledger_pending, as
//       anchorItem writes it) and, per business event, its fan-out job and NOTIFY (recordBusinessEvent).
// Both on one fresh embedded PostgreSQL, at the same concurrency (a promise pool), after a warm-up;
// declarations/s, p50 and p99 of the per-declaration latency, and the ratio. Rounds alternate the
// order of the two paths; with several rounds, the figures are medians.
//
//   npm run bench:declarations [-- --n 500 --concurrency 8 --items 5 --rounds 1 --warmup 20 --processes 1]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { freePort } from '../lib/database/embedded-postgres';
import type { DeclarationInput } from '../lib/declarations/declaration-input';
import { versionRef } from '../lib/declarations/freeze-version';
import { generateMrn } from '../lib/declarations/mrn';
import { loadUserActor } from '../lib/auth/actor';
import { createApiToken } from '../lib/auth/create-api-token';
import { formatLedgerEntries } from '../lib/ledger/format-ledger-entries';
import { EVENT_CHANNEL, FAN_OUT_SUBJECT, FAN_OUT_TASK } from '../lib/notifications/record-business-event';
import { validImport } from '../test/declarations/fixtures';
import { cpuDuring, postmasterPid } from './support/process-cpu';
import { describeMachine, launch, median, ms, percentile, pgStatementsEnabled, printPgStatements, printRatio, promisePool, requireMeasured, resetPgStatements, runBench, sleep, stopChild } from './support';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '8' },
    items: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '1' },
    warmup: { type: 'string', default: '20' },
    processes: { type: 'string', default: '1' },
  },
});
const N = Number(values.n);
const CONCURRENCY = Number(values.concurrency);
const ITEMS = Number(values.items);
const ROUNDS = Number(values.rounds);
const WARMUP = Number(values.warmup);
const PROCESSES = Number(values.processes);
for (const [name, value] of Object.entries({ n: N, concurrency: CONCURRENCY, items: ITEMS, rounds: ROUNDS, warmup: WARMUP, processes: PROCESSES })) {
  if (!Number.isInteger(value) || value < (name === 'warmup' ? 0 : 1)) throw new Error(`--${name} must be a positive integer`);
}

const TRADER_EMAIL = 'trader@rotterdam-importers.example';
/** An API token of the trader's company (declarations:write), as an ERP would file. */
let apiToken = '';
const GOAL_RATE = 400;
const GOAL_RATIO = 2;
const GOAL_P99_MS = 100;

// ---------------------------------------------------------------------------------------------------
// The declaration filed by both paths

/**
 * The fixture's valid import declaration (test/declarations/fixtures.ts, kept valid for submission
 * as the tariff rules evolve) with ITEMS goods items, cycling through its items, and totals that add up.
 */
function declaration(lrn: string): DeclarationInput {
  const template = validImport();
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const item = template.items![i % template.items!.length]!;
    return { ...item, description: `${item.description}, line ${i + 1}` };
  });
  const cents = items.reduce((sum, item) => sum + Math.round(Number(item.itemPrice) * 100), 0);
  return {
    ...template,
    lrn,
    items,
    invoiceAmount: (cents / 100).toFixed(2),
    totalPackages: items.reduce((sum, item) => sum + item.packageCount, 0),
    grossMass: items.reduce((sum, item) => sum + Number(item.grossMass), 0).toFixed(3),
  };
}

// A client's usual selection: what it needs to go on (id to submit, status and MRN to show).
const PAYLOAD = 'declaration { id lrn status mrn version } userErrors { path code message } replayed';
const CREATE = `mutation Create($input: DeclarationInput!) { createDeclarationDraft(input: $input) { ${PAYLOAD} } }`;
const SUBMIT = `mutation Submit($id: ID!, $key: String) { submitDeclaration(id: $id, idempotencyKey: $key) { ${PAYLOAD} } }`;

/** Where a submission may leave a declaration: accepted, or further along by the system's routing. */
const ACCEPTED_OR_LATER = ['ACCEPTED', 'RISK_ASSESSED', 'UNDER_CONTROL', 'QUERY', 'DUTY_ASSESSED', 'PAID', 'RELEASED'];

interface Payload {
  declaration: { id: string; lrn: string; status: string; mrn: string | null; version: number } | null;
  userErrors: unknown[];
  replayed: boolean;
}

// ---------------------------------------------------------------------------------------------------
// (a) through GraphQL

async function graphql(url: string, query: string, variables: Record<string, unknown>, field: string): Promise<Payload> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiToken}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let json: { data?: Record<string, Payload | null>; errors?: unknown[] };
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${field}: HTTP ${res.status}, not JSON: ${text.slice(0, 500)}`);
  }
  const payload = json.data?.[field];
  if (res.status !== 200 || json.errors || !payload) throw new Error(`${field}: HTTP ${res.status}: ${text.slice(0, 2000)}`);
  if (payload.userErrors.length) throw new Error(`${field}: userErrors ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

async function fileThroughGraphQL(url: string, lrn: string): Promise<{ create: number; submit: number }> {
  const input = declaration(lrn);
  const started = performance.now();
  const draft = await graphql(url, CREATE, { input }, 'createDeclarationDraft');
  if (draft.declaration?.status !== 'DRAFT' || draft.declaration.lrn !== lrn) throw new Error(`createDeclarationDraft ${lrn}: ${JSON.stringify(draft)}`);
  const created = performance.now();
  const submitted = await graphql(url, SUBMIT, { id: draft.declaration.id, key: randomUUID() }, 'submitDeclaration');
  if (!ACCEPTED_OR_LATER.includes(submitted.declaration?.status ?? '') || !submitted.declaration?.mrn || submitted.replayed) {
    throw new Error(`submitDeclaration ${lrn}: expected a fresh accepted declaration with an MRN, got ${JSON.stringify(submitted)}`);
  }
  return { create: created - started, submit: performance.now() - created };
}

/**
 * After a product phase: every declaration of the phase was accepted (has an MRN and a status change
 * to ACCEPTED; submission may route it further at once, e.g. risk lane and duties). Returns where
 * they ended up, e.g. "DUTY_ASSESSED 500".
 */
async function checkFiled(db: pg.Pool, prefix: string, count: number): Promise<string> {
  const { rows } = await db.query<{ status: string; n: number; accepted: number }>(
    `SELECT d.status, count(*)::int AS n,
            count(*) FILTER (WHERE d.mrn IS NOT NULL AND EXISTS (SELECT 1 FROM declaration_status_change c WHERE c.declaration_id = d.id AND c.to_status = 'ACCEPTED'))::int AS accepted
       FROM declaration d WHERE d.lrn LIKE $1 GROUP BY d.status ORDER BY d.status`,
    [`${prefix}%`],
  );
  const filed = rows.reduce((sum, r) => sum + r.n, 0);
  const accepted = rows.reduce((sum, r) => sum + r.accepted, 0);
  if (filed !== count || accepted !== count) throw new Error(`${prefix}*: ${count} submitted, ${filed} stored, ${accepted} accepted with an MRN`);
  return rows.map((r) => `${r.status} ${r.n}`).join(', ');
}

// ---------------------------------------------------------------------------------------------------
// (b) the same rows with plain SQL
//
// "The same rows" are taken from the product itself, so that the baseline follows what submission
// writes as the product grows: the rows one product-filed declaration left behind are read back
// (the declaration, every row that references it or one of its rows through a foreign key, its audit
// events and its idempotency key), and each baseline declaration inserts a copy of them with new
// keys (ids, LRN, MRN, idempotency key) in one transaction: BEGIN, one multi-row INSERT per table,
// COMMIT. The table is printed at the end, per table, to show that both paths wrote the same.

interface TableTemplate {
  table: string;
  columns: string[];
  rows: Record<string, unknown>[];
  /** INSERT ... VALUES ($1::type, ...), ... for all rows: the same text every time. */
  sql: string;
  /** Per column: how a template value becomes the copy's value. */
  convert: ((value: unknown, keys: Map<string, string>, fresh: { lrn: string; mrn: string }) => unknown)[];
}

const quote = (name: string) => pg.escapeIdentifier(name);

/** The rows the product wrote for one declaration, and the statements that insert a copy of them. */
async function loadTemplate(db: pg.Pool, declarationId: string): Promise<TableTemplate[]> {
  const { rows: columnRows } = await db.query<{ table: string; column: string; udt: string; data_type: string; serial: boolean }>(
    `SELECT table_name AS table, column_name AS column, udt_name AS udt, data_type, coalesce(column_default LIKE 'nextval(%', false) AS serial
       FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  const { rows: foreignKeys } = await db.query<{ table: string; column: string; references: string }>(
    `SELECT c.conrelid::regclass::text AS table, a.attname AS column, c.confrelid::regclass::text AS references
       FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1 AND c.connamespace = 'public'::regnamespace`,
  );
  const columnsOf = (table: string) => columnRows.filter((c) => c.table === table);

  // Breadth-first from the declaration along foreign keys that point at rows already collected.
  const collected = new Map<string, Record<string, unknown>[]>();
  const select = async (table: string, where: string, values: unknown[]) =>
    (await db.query(`SELECT * FROM ${quote(table)} WHERE ${where} ORDER BY 1`, values)).rows as Record<string, unknown>[];
  collected.set('declaration', await select('declaration', 'id = $1', [declarationId]));
  const referencing = new Map<string, string[]>(); // table -> its foreign-key columns into collected tables
  for (let frontier = ['declaration']; frontier.length; ) {
    const next: string[] = [];
    for (const parent of frontier) {
      const ids = collected.get(parent)!.map((r) => r.id);
      for (const fk of foreignKeys.filter((f) => f.references === parent && f.table !== parent && !collected.has(f.table))) {
        const rows = await select(fk.table, `${quote(fk.column)} = ANY($1)`, [ids]);
        collected.set(fk.table, rows);
        next.push(fk.table);
      }
    }
    frontier = next;
  }
  for (const fk of foreignKeys) if (collected.has(fk.table) && collected.has(fk.references)) referencing.set(fk.table, [...(referencing.get(fk.table) ?? []), fk.column]);
  // Rows that name the declaration without a foreign key.
  collected.set('audit_event', await select('audit_event', `target_type = 'declaration' AND target_id = $1`, [declarationId]));
  collected.set('idempotency_key', await select('idempotency_key', 'result_id = $1', [declarationId]));
  collected.set('business_event', await select('business_event', 'declaration_id = $1', [declarationId]));
  const byName: Record<string, string[]> = { audit_event: ['target_id'], idempotency_key: ['result_id'], business_event: ['declaration_id'] };

  // Tables whose rows a trigger writes (declaration_clearance follows the status changes): the copy's
  // own inserts fire the same triggers, so inserting those rows as well would write them twice.
  const { rows: triggerBodies } = await db.query<{ body: string }>(
    `SELECT DISTINCT p.prosrc AS body FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
      JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace`,
  );
  const writtenByTriggers = new Set(triggerBodies.flatMap((t) => [...t.body.matchAll(/INSERT\s+INTO\s+"?(\w+)"?/gi)].map((m) => m[1]!)));

  const templates: TableTemplate[] = [];
  for (const [table, rows] of collected) {
    if (!rows.length || writtenByTriggers.has(table)) continue;
    const columns = columnsOf(table).filter((c) => !c.serial); // bigserial ids: the sequence numbers the copy
    const keys = new Set([...(referencing.get(table) ?? []), ...(byName[table] ?? [])]);
    const convert = columns.map((c): TableTemplate['convert'][number] => {
      if (c.column === 'id' && c.udt === 'uuid') return (v, map) => map.get(v as string)!;
      if (keys.has(c.column)) return (v, map) => (v === null ? null : map.get(v as string)!);
      if (table === 'declaration' && c.column === 'lrn') return (_v, _map, fresh) => fresh.lrn;
      if (table === 'declaration' && c.column === 'mrn') return (_v, _map, fresh) => fresh.mrn;
      if (table === 'idempotency_key' && c.column === 'key') return () => randomUUID();
      if (table === 'business_event' && c.column === 'fanned_out_at') return () => null; // the fan-out job is the copy's own
      if (c.udt === 'json' || c.udt === 'jsonb') {
        const text = (v: unknown) => (v === null ? null : JSON.stringify(v));
        return (v) => text(v);
      }
      return (v) => v;
    });
    const cast = (c: (typeof columns)[number]) => (c.data_type === 'ARRAY' ? `${quote(c.udt.slice(1))}[]` : quote(c.udt));
    let n = 0;
    const values = rows.map(() => `(${columns.map((c) => `$${++n}::${cast(c)}`).join(', ')})`).join(', ');
    let sql = `INSERT INTO ${quote(table)} (${columns.map((c) => quote(c.column)).join(', ')}) VALUES ${values}`;
    // As recordBusinessEvent does, in the same statement: a fan-out job per subject and each event's NOTIFY.
    if (table === 'business_event') {
      sql = `WITH e AS (${sql} RETURNING id, declaration_id, company_id)
        , queued AS (SELECT graphile_worker.add_job('${FAN_OUT_TASK}', '{}'::json, job_key => '${FAN_OUT_TASK}:' || s.subject, max_attempts => 25) IS NOT NULL AS queued
                       FROM (SELECT DISTINCT ${FAN_OUT_SUBJECT('e')} AS subject FROM e) s)
        SELECT (SELECT count(*) FROM queued) AS queued,
               pg_notify('${EVENT_CHANNEL}', json_build_object('id', e.id::text, 'declarationId', e.declaration_id, 'companyId', e.company_id)::text) IS NULL AS notified
          FROM e ORDER BY e.id`;
    }
    templates.push({ table, columns: columns.map((c) => c.column), rows, convert, sql });
  }
  return templates;
}

/**
 * The pending ledger entries of a copy, as anchorItem writes them: one per declaration version
 * (submission anchors the version it freezes), with the copy's declaration id in the reference.
 */
function pendingEntries(template: TableTemplate[], keys: Map<string, string>): { sql: string; params: unknown[] } | null {
  const versions = template.find((t) => t.table === 'declaration_version')?.rows ?? [];
  if (!versions.length) return null;
  const entries = formatLedgerEntries(
    versions.map((v) => ({ kind: 'declaration-version' as const, sha256: v.sha256 as string, ref: versionRef(keys.get(v.declaration_id as string)!, v.version as number) })),
  );
  return {
    sql: `INSERT INTO ledger_pending (entry, item_sha256) SELECT convert_to(e, 'UTF8'), decode(substr(e, length(e) - 65, 64), 'hex') FROM unnest($1::text[]) AS e`,
    params: [entries],
  };
}

async function insertWithSql(db: pg.Pool, template: TableTemplate[], lrn: string): Promise<number> {
  const started = performance.now();
  const keys = new Map<string, string>();
  for (const t of template) for (const row of t.rows) if (typeof row.id === 'string') keys.set(row.id, randomUUID());
  const fresh = { lrn, mrn: generateMrn('NL') };
  const statements = template.map((t) => ({ sql: t.sql, params: t.rows.flatMap((row) => t.columns.map((c, i) => t.convert[i]!(row[c], keys, fresh))) }));
  const ledger = pendingEntries(template, keys);
  if (ledger) statements.push(ledger);
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    for (const s of statements) await client.query(s.sql, s.params);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return performance.now() - started;
}

// ---------------------------------------------------------------------------------------------------
// Measuring

interface Run {
  rate: number;
  p50: number;
  p99: number;
  /** Product only: the two mutations separately. */
  create?: { p50: number; p99: number };
  submit?: { p50: number; p99: number };
}

async function measure(count: number, run: (i: number) => Promise<number | { create: number; submit: number }>): Promise<Run> {
  const total: number[] = [];
  const create: number[] = [];
  const submit: number[] = [];
  const started = performance.now();
  await promisePool(count, CONCURRENCY, async (i) => {
    const r = await run(i);
    if (typeof r === 'number') total.push(r);
    else {
      total.push(r.create + r.submit);
      create.push(r.create);
      submit.push(r.submit);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  requireMeasured(total.length, 'declarations');
  return {
    rate: count / seconds,
    p50: percentile(total, 0.5),
    p99: percentile(total, 0.99),
    ...(create.length ? { create: { p50: percentile(create, 0.5), p99: percentile(create, 0.99) }, submit: { p50: percentile(submit, 0.5), p99: percentile(submit, 0.99) } } : {}),
  };
}

type Counts = Record<string, number>;

/** Rows in every table of the schema (so that a table the product starts writing shows up). */
async function rowCounts(db: pg.Pool): Promise<Counts> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const { rows } = await db.query(`SELECT ${tables.map((t, i) => `(SELECT count(*) FROM ${pg.escapeIdentifier(t.name)})::int AS c${i}`).join(', ')}`);
  return Object.fromEntries(tables.map((t, i) => [t.name, (rows[0] as Record<string, number>)[`c${i}`]!]));
}

/** Rows written per declaration by `phase` (which files `count` declarations), per table. */
async function rowsPerDeclaration<T>(db: pg.Pool, count: number, phase: () => Promise<T>): Promise<{ result: T; rows: Counts; before: Counts }> {
  await settle(db);
  const before = await rowCounts(db);
  const result = await phase();
  await settle(db);
  const after = await rowCounts(db);
  const rows = Object.fromEntries(Object.keys(after).map((t) => [t, (after[t]! - (before[t] ?? 0)) / count]));
  return { result, rows, before };
}


/**
 * Waits until the background work a phase left has run (pending ledger entries integrated, queued jobs
 * such as event fan-out done), so that the row counts compare finished work on both paths.
 */
async function settle(db: pg.Pool): Promise<void> {
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(200)) {
    const { rows } = await db.query<{ pending: number; jobs: number }>(
      `SELECT (SELECT count(*) FROM ledger_pending)::int AS pending,
              (SELECT count(*) FROM graphile_worker._private_jobs WHERE attempts < max_attempts AND (locked_at IS NOT NULL OR run_at <= now()))::int AS jobs`,
    );
    if (!rows[0]!.pending && !rows[0]!.jobs) return;
  }
  throw new Error('the servers did not integrate the ledger entries and run the queued jobs within 120 s');
}

runBench({ env: { SEED_DEMO: 'true' } }, async ({ databaseUrl, prepared, cleanup }) => {
  apiToken = (await createApiToken({ actor: await loadUserActor({ email: TRADER_EMAIL }), input: { name: 'bench ERP', scopes: ['declarations:write'] } })).secret;
  await prepared.stop(); // closes this process's Prisma pool only: the database is external to it

  // The rate limits are lifted by configuration, for these servers only: the benchmark measures filing.
  const urls: string[] = [];
  const serverPids: number[] = [];
  for (let p = 0; p < PROCESSES; p++) {
    const port = await freePort();
    const server = await launch(['bench/serve-api.ts', String(port)], { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', NODE_ENV: 'production', API_RATE_LIMIT_PER_MINUTE: '100000000' }, 'serve-api ready at', { echo: true });
    cleanup(() => stopChild(server));
    urls.push(`http://127.0.0.1:${port}/api/graphql`);
    serverPids.push(server.pid!);
  }

  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  // An idle client's error (the server stopping while the pool's sockets close) is not fatal here.
  pool.on('error', () => undefined);
  cleanup(() => pool.end());

  // LRNs: a letter for the path, the round, the index; unique within the run (at most 22 characters).
  const product = async (tag: string, count: number) => {
    const run = await measure(count, (i) => fileThroughGraphQL(urls[i % urls.length]!, `G${tag}-${i}`));
    return { ...run, outcome: await checkFiled(pool, `G${tag}-`, count) };
  };
  const template = async () => {
    const { rows: latest } = await pool.query<{ id: string }>(`SELECT id FROM declaration WHERE lrn LIKE 'G%' ORDER BY submitted_at DESC LIMIT 1`);
    return loadTemplate(pool, latest[0]!.id);
  };
  const baseline = async (tag: string, count: number) => {
    const copy = await template(); // the rows of the product's latest declaration
    return measure(count, (i) => insertWithSql(pool, copy, `B${tag}-${i}`));
  };

  await product('W', Math.max(WARMUP, 1)); // JIT, connections, Prisma's query plans; and a template
  if (WARMUP) await baseline('W', WARMUP);
  if (pgStatementsEnabled()) {
    // What filing costs PostgreSQL, statement by statement (not part of the figures below).
    await settle(pool);
    await resetPgStatements(databaseUrl);
    await product('S', N);
    await settle(pool);
    await printPgStatements(databaseUrl, N * 0.5, `PostgreSQL while filing ${N} declarations through GraphQL (and their background work), per call in ms`);
  }
  const runs: { product: Run[]; baseline: Run[] } = { product: [], baseline: [] };
  const rows: { product?: Counts; baseline?: Counts } = {};
  // CPU per declaration, phase and its background work (fan-out, e-mails, ledger) included: the API
  // server(s), PostgreSQL (all backends) and this process (the baseline's client; the product's driver).
  const postgresPid = await postmasterPid(databaseUrl);
  const cpu: Record<'product' | 'baseline', { server: number; postgres: number; bench: number }[]> = { product: [], baseline: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const name of round % 2 ? (['product', 'baseline'] as const) : (['baseline', 'product'] as const)) {
      const { result: measured, cpuMs } = await cpuDuring([...serverPids, postgresPid, process.pid], () =>
        rowsPerDeclaration(pool, N, () => (name === 'product' ? product(`R${round}`, N) : baseline(`R${round}`, N))),
      );
      cpu[name].push({ server: serverPids.reduce((sum, pid) => sum + cpuMs.get(pid)!, 0) / N, postgres: cpuMs.get(postgresPid)! / N, bench: cpuMs.get(process.pid)! / N });
      runs[name].push(measured.result);
      rows[name] = measured.rows;
      const r = measured.result;
      const outcome = 'outcome' in measured.result ? measured.result.outcome : '';
      // Submission reads the history (risk rules), so the number already on file is part of the figure.
      const onFile = `${measured.before.declaration} on file before`;
      console.log(`round ${round} ${name.padEnd(8)} ${r.rate.toFixed(0).padStart(5)} declarations/s  p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  (${onFile}${outcome ? `; now ${outcome}` : ''})`);
    }
  }

  const summary = (list: Run[]) => ({
    rate: median(list.map((r) => r.rate)),
    p50: median(list.map((r) => r.p50)),
    p99: median(list.map((r) => r.p99)),
  });
  const p = summary(runs.product);
  const b = summary(runs.baseline);
  const part = (pick: (r: Run) => { p50: number; p99: number } | undefined) => ({
    p50: median(runs.product.map((r) => pick(r)!.p50)),
    p99: median(runs.product.map((r) => pick(r)!.p99)),
  });
  const create = part((r) => r.create);
  const submit = part((r) => r.submit);

  console.log('');
  console.log(`${N} declarations of ${ITEMS} goods items, concurrency ${CONCURRENCY}, ${ROUNDS} round${ROUNDS > 1 ? 's (medians)' : ''}, after ${WARMUP} warm-up declarations per path`);
  console.log(`${PROCESSES} Clearway API process${PROCESSES > 1 ? 'es' : ''} (bench/serve-api.ts) on one database; ${describeMachine()}`);
  console.log('');
  console.log('                                                   declarations/s        p50         p99');
  console.log(`  product GraphQL: createDeclarationDraft + submit   ${p.rate.toFixed(0).padStart(8)}     ${ms(p.p50)}  ${ms(p.p99)}`);
  console.log(`    of which createDeclarationDraft                               ${ms(create.p50)}  ${ms(create.p99)}`);
  console.log(`    of which submitDeclaration                                    ${ms(submit.p50)}  ${ms(submit.p99)}`);
  console.log(`  plain SQL, 1 transaction per declaration (base)    ${b.rate.toFixed(0).padStart(8)}     ${ms(b.p50)}  ${ms(b.p99)}`);
  console.log('');
  const cpuOf = (list: (typeof cpu)['product']) => ({ server: median(list.map((c) => c.server)), postgres: median(list.map((c) => c.postgres)), bench: median(list.map((c) => c.bench)) });
  const [cp, cb] = [cpuOf(cpu.product), cpuOf(cpu.baseline)];
  const cpuLine = (c: typeof cp) => `${c.server.toFixed(1).padStart(6)} ms  ${c.postgres.toFixed(1).padStart(6)} ms  ${c.bench.toFixed(1).padStart(6)} ms  ${(c.server + c.postgres + c.bench).toFixed(1).padStart(6)} ms`;
  console.log('  CPU per declaration, background work included:  API server  PostgreSQL    bench      total');
  console.log(`    product                                       ${cpuLine(cp)}`);
  console.log(`    baseline                                      ${cpuLine(cb)}`);
  console.log('');
  printRatio('baseline/product throughput', p.rate, b.rate, { higherIsBetter: true, goal: GOAL_RATIO });
  console.log(`  product: ${p.rate.toFixed(0)} declarations/s (goal >= ${GOAL_RATE}/s on the 2-core machine: ${p.rate >= GOAL_RATE ? 'met' : 'NOT met'}); p99 ${p.p99.toFixed(1)} ms (goal < ${GOAL_P99_MS} ms: ${p.p99 < GOAL_P99_MS ? 'met' : 'NOT met'})`);
  console.log('');
  // Checkpoints follow the clock (LEDGER_CHECKPOINT_SECONDS), rate-limit counters the client and the minute
  // (one upsert per request, the admission cost of any request), and the tree's tiles, bundles and tail
  // the number of leaves in 256s: none is a number per declaration.
  const notPerDeclaration = new Set(['ledger_checkpoint', 'rate_limit_counter', 'ledger_tile', 'ledger_bundle', 'ledger_tail']);
  const written = Object.keys(rows.product!).filter((t) => !notPerDeclaration.has(t) && (rows.product![t] || rows.baseline![t]));
  // The baseline copies one declaration that ended DUTY_ASSESSED; the product sends a few to control
  // (random and risk-based), which assess no duties yet: per-declaration averages then differ a little.
  const close = (a: number, b: number) => Math.abs(a - b) <= 0.05 * Math.max(a, b);
  const same = written.every((t) => close(rows.product![t]!, rows.baseline![t]!));
  console.log(`rows written per declaration (${same ? 'the same on both paths, within the lane mix' : 'DIFFERENT: the baseline no longer writes what the product writes'}):`);
  for (const t of written) {
    const [a, b] = [rows.product![t]!, rows.baseline![t]!];
    const show = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2)).padStart(5);
    console.log(`  ${t.padEnd(27)} product ${show(a)}   baseline ${show(b)}${a === b ? '' : close(a, b) ? '   (lane mix: some went to control)' : '   <-- differs'}`);
  }
});
