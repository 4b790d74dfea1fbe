// Two real Clearway processes on one PostgreSQL (issue 15 item 5): each is bench/serve-api.ts — the
// product's HTTP server (createAppServer) with the background jobs `npm start` runs (ledger integrator,
// checkpointer leader, job-queue worker with its cron), only without Next.js' pages, so no build is
// needed — sharing DATABASE_URL, DATA_DIR (ledger key) and NEXTAUTH_SECRET. The second runs its clock
// 45 s ahead (skewed-clock.mjs). Checked: one consistent ledger for declarations filed through both;
// a rate limit that holds across both despite the skew (the limiter counts by the database's clock);
// a subscription on one process receiving an event raised through the other; cron ticks run once per
// cluster. Faults: both integrators start at once on a backlog; a process killed with SIGKILL during a
// burst of submissions (every committed declaration has exactly one leaf once a process is back).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { freePort } from '../../lib/database/embedded-postgres';
import { sqlTransaction } from '../../lib/database/sql';
import { disconnectDb, getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { anchorItem } from '../../lib/ledger/anchor-item';
import { verifyLedger } from '../../lib/ledger/verify-ledger';
import { validImport } from '../declarations/fixtures';
import { readLeaves } from '../ledger/helpers';
import { asToken } from '../support/auth';

const TRADER = 'trader@rotterdam-importers.example';
const LIMIT = 50;
const SKEW_MS = 45_000;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clearway-cluster-test-'));
process.env.DATA_DIR = dataDir;
process.env.NEXTAUTH_SECRET = 'two-processes-test-secret-0123456789abcdef';
resetEnvCache();

interface Proc {
  url: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<void>;
}
const procs: Proc[] = [];

async function startProcess(options: { skewMs?: number } = {}): Promise<Proc> {
  const port = await freePort();
  const preload = options.skewMs ? ['--import', path.join(import.meta.dirname, 'skewed-clock.mjs')] : [];
  const child = spawn(process.execPath, [...preload, 'node_modules/tsx/dist/cli.mjs', 'bench/serve-api.ts', String(port)], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      API_RATE_LIMIT_PER_MINUTE: String(LIMIT),
      RATE_LIMIT_STORE: 'postgres',
      LEDGER_CHECKPOINT_SECONDS: '1',
      JOB_POLL_MS: '200',
      CLOCK_SKEW_MS: String(options.skewMs ?? 0),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const proc = { url: `http://127.0.0.1:${port}`, child, output: () => output, exited };
  procs.push(proc);
  const deadline = Date.now() + 120_000;
  while (!output.includes('serve-api ready at')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`a Clearway process did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return proc;
}

async function stopProcess(proc: Proc, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill(signal);
  await proc.exited;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

async function graphql(proc: Proc, token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${proc.url}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: unknown[] } };
}

const CREATE = 'mutation($input: DeclarationInput!) { createDeclarationDraft(input: $input) { declaration { id } userErrors { message } } }';
const SUBMIT = 'mutation($id: ID!) { submitDeclaration(id: $id) { declaration { id status mrn } userErrors { message } } }';

/** Files (creates and submits) one declaration through `proc`; returns its id. */
async function file(proc: Proc, token: string, lrn: string): Promise<string> {
  const created = await graphql(proc, token, CREATE, { input: { ...validImport(), lrn } });
  const id = created.body.data?.createDeclarationDraft?.declaration?.id as string | undefined;
  if (!id) throw new Error(`create ${lrn}: HTTP ${created.status} ${JSON.stringify(created.body)}`);
  const submitted = await graphql(proc, token, SUBMIT, { id });
  if (!submitted.body.data?.submitDeclaration?.declaration?.mrn) throw new Error(`submit ${lrn}: HTTP ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return id;
}

/** Waits until nothing is pending in the ledger (some process's integrator has run). */
async function integrated(): Promise<void> {
  await expect.poll(async () => (await getPool().query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_pending')).rows[0]!.n, { timeout: 30_000, interval: 100 }).toBe(0);
}

/** Leaves per item SHA-256, after checking the tree: no gap, no duplicate index, it verifies. */
async function oneConsistentLedger(): Promise<Map<string, number>> {
  const stored = await readLeaves();
  const byItem = new Map<string, number>();
  for (const leaf of stored) byItem.set(leaf.itemSha256, (byItem.get(leaf.itemSha256) ?? 0) + 1);
  const size = stored.length ? stored.at(-1)!.leafIndex + 1 : 0;
  expect(new Set(stored.map((l) => l.leafIndex)).size).toBe(size);
  expect([...byItem.values()].every((n) => n === 1)).toBe(true);
  const verification = await verifyLedger({ batchSize: 97 });
  expect(verification, JSON.stringify(verification.divergence)).toMatchObject({ ok: true, leaves: size });
  return byItem;
}

/** Every submitted declaration's frozen version has exactly one leaf. */
async function everySubmittedHasOneLeaf(byItem: Map<string, number>, lrnPrefix: string): Promise<number> {
  const { rows } = await getPool().query<{ sha256: string }>(
    `SELECT v.sha256 FROM declaration d JOIN declaration_version v ON v.declaration_id = d.id WHERE d.lrn LIKE $1 AND d.status <> 'DRAFT'`,
    [`${lrnPrefix}%`],
  );
  for (const r of rows) expect(byItem.get(r.sha256), `version ${r.sha256}`).toBe(1);
  return rows.length;
}

let a: Proc;
let b: Proc;
let filer: string;
const backlog: string[] = [];

beforeAll(async () => {
  // Cron ticks as the queue schedules them, recorded by a trigger in this test's own database.
  await getPool().query(`
    CREATE TABLE cron_seen (task text, run_at timestamptz, key text);
    CREATE FUNCTION record_cron_job() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- graphile-worker marks the jobs its cron adds with a _cron payload key.
      INSERT INTO cron_seen SELECT t.identifier, NEW.run_at, NEW.key FROM graphile_worker._private_tasks t WHERE t.id = NEW.task_id AND NEW.payload::jsonb ? '_cron';
      RETURN NEW;
    END $$;`);
  // A backlog both integrators find when they start at once.
  for (let i = 0; i < 300; i++) {
    const item = sha(`backlog ${i}`);
    backlog.push(item);
    await sqlTransaction((sql) => anchorItem(sql, { kind: 'document', sha256: item, ref: `backlog-${i}` }));
  }
  [a, b] = await Promise.all([startProcess(), startProcess({ skewMs: SKEW_MS })]);
  // The job queue's schema exists once a worker has migrated it; then the trigger can be attached.
  for (const deadline = Date.now() + 60_000; !(await getPool().query(`SELECT to_regclass('graphile_worker._private_jobs') AS t`)).rows[0].t; ) {
    if (Date.now() > deadline) throw new Error('no process migrated the job queue');
    await new Promise((r) => setTimeout(r, 200));
  }
  await getPool().query(`CREATE TRIGGER record_cron_job AFTER INSERT ON graphile_worker._private_jobs FOR EACH ROW EXECUTE FUNCTION record_cron_job()`);
  filer = (await asToken(TRADER, ['declarations:write'])).secret;
}, 180_000);

afterAll(async () => {
  await Promise.all(procs.map((p) => stopProcess(p)));
  await disconnectDb();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('two Clearway processes on one PostgreSQL', () => {
  it('two integrators started at once on a backlog give every entry exactly one leaf', async () => {
    await integrated();
    const byItem = await oneConsistentLedger();
    for (const item of backlog) expect(byItem.get(item)).toBe(1);
  });

  it('declarations filed through both processes end in one consistent ledger', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => file(i % 2 ? b : a, filer, `BOTH-${i}`)));
    expect(new Set(ids).size).toBe(12);
    await integrated();
    const byItem = await oneConsistentLedger();
    expect(await everySubmittedHasOneLeaf(byItem, 'BOTH-')).toBe(12);
    // The checkpoint (signed by whichever process leads) comes to cover the whole tree.
    const size = (await readLeaves()).length;
    await expect.poll(async () => (await getPool().query<{ n: string }>('SELECT max(tree_size)::text AS n FROM ledger_checkpoint')).rows[0]!.n, { timeout: 15_000 }).toBe(String(size));
  });

  it('a rate limit holds across both processes, whose clocks are 45 s apart: the limiter counts by the database clock', async () => {
    // Not at the end of a minute (windows are the database's minutes): the burst stays in one window.
    for (;;) {
      const { rows } = await getPool().query<{ s: number }>(`SELECT extract(second FROM clock_timestamp())::int AS s`);
      if (rows[0]!.s < 40) break;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    const limited = (await asToken(TRADER, ['declarations:read'])).secret;
    const statuses = await Promise.all(Array.from({ length: 80 }, (_, i) => graphql(i % 2 ? b : a, limited, '{ __typename }').then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(80 - LIMIT);
    // Both processes refused some: neither let its own share through on a count of its own.
    expect(statuses.filter((s, i) => s === 429 && i % 2 === 0).length).toBeGreaterThan(0);
    expect(statuses.filter((s, i) => s === 429 && i % 2 === 1).length).toBeGreaterThan(0);
  });

  it('a subscription on one process receives the events of a declaration submitted through the other', async () => {
    const reader = (await asToken(TRADER, ['notifications:read'])).secret;
    const created = await graphql(b, filer, CREATE, { input: { ...validImport(), lrn: 'SUBSCRIBED-1' } });
    const id = created.body.data.createDeclarationDraft.declaration.id as string;
    const client: Client = createClient({ url: `${a.url.replace('http', 'ws')}/api/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${reader}` } });
    const seen: string[] = [];
    const errors: unknown[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        client.on('connected', () => resolve());
        client.subscribe(
          { query: 'subscription($d: ID) { declarationEvents(declarationId: $d) { type declarationId } }', variables: { d: id } },
          { next: (v) => (v.data ? seen.push((v.data as any).declarationEvents.type) : errors.push(v.errors)), error: (e) => (errors.push(e), reject(e as Error)), complete: () => undefined },
        );
      });
      await new Promise((r) => setTimeout(r, 500)); // the subscription's LISTEN is in place
      const submitted = await graphql(b, filer, SUBMIT, { id });
      expect(submitted.body.data.submitDeclaration.declaration.status).not.toBe('DRAFT');
      await expect.poll(() => seen.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
      expect(seen.slice(0, 2)).toEqual(['declaration.submitted', 'declaration.accepted']);
      expect(errors).toEqual([]);
    } finally {
      await client.dispose();
    }
  });

  it('a cron tick runs once per cluster, not once per process', async () => {
    // The every-minute lines of lib/jobs/job-tasks.ts: wait for a tick with both workers up.
    await expect
      .poll(async () => (await getPool().query<{ n: number }>(`SELECT count(DISTINCT run_at)::int AS n FROM cron_seen WHERE task = 'rescue-webhook-deliveries'`)).rows[0]!.n, { timeout: 80_000, interval: 1_000 })
      .toBeGreaterThanOrEqual(1);
    const { rows } = await getPool().query<{ task: string; run_at: Date; n: number }>(`SELECT task, run_at, count(*)::int AS n FROM cron_seen GROUP BY task, run_at ORDER BY run_at`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r, `${r.task} at ${r.run_at.toISOString()}`).toMatchObject({ n: 1 });
    expect(rows.map((r) => r.task)).toEqual(expect.arrayContaining(['rescue-webhook-deliveries', 'publish-ledger-anchor']));
  }, 100_000);

  it('after kill -9 of a process during a burst of submissions, every committed declaration has exactly one leaf, none two', async () => {
    // Through the first process, 10 declarations; through the second, 4 streams that file one after
    // another until the process dies under them (each with its own token: within its rate limit).
    const [first, second] = [(await asToken(TRADER, ['declarations:write'])).secret, (await asToken(TRADER, ['declarations:write'])).secret];
    const throughA = Promise.all(Array.from({ length: 10 }, (_, i) => file(a, first, `BURST-A${i}`)));
    let n = 0;
    const answered: string[] = [];
    const streams = Array.from({ length: 4 }, async () => {
      for (;;) answered.push(await file(b, second, `BURST-B${n++}`));
    });
    const ends = Promise.allSettled(streams);
    await expect.poll(async () => (await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM declaration WHERE lrn LIKE 'BURST-B%' AND status <> 'DRAFT'`)).rows[0]!.n, { timeout: 60_000, interval: 20 }).toBeGreaterThanOrEqual(4);
    b.child.kill('SIGKILL');
    await b.exited;
    // Every stream ended with a request the dead process never answered.
    for (const end of await ends) expect(end.status).toBe('rejected');
    const filed = [...(await throughA), ...answered];
    // Stop the survivor too, so that nothing integrates until a process starts again: integrate on start.
    await stopProcess(a);
    const [restarted] = await Promise.all([startProcess()]);
    await integrated();
    const byItem = await oneConsistentLedger();
    const committed = await everySubmittedHasOneLeaf(byItem, 'BURST-');
    expect(committed).toBeGreaterThanOrEqual(filed.length); // every answered one, and any committed as the process died
    await stopProcess(restarted);
  }, 120_000);
});
