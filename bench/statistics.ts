// Clearance statistics over 1,000,000 declarations with their status history (issue 20, benchmark).
//
//   npm run bench:statistics [-- --declarations 1000000 --runs 60]
//
// Generates the data with SQL generate_series on an embedded PostgreSQL (two years of lodgements,
// 6–8 status changes each, 5 % with a customs query), then times the dashboard's query —
// computeClearanceStatistics for the default period (the last 28 days), caching off — beside a
// hand-written SQL baseline of the same figures (one plain GROUP BY per dimension over the lodgement
// and release rows), interleaved, and prints p50/p99 of each and their ratio. It fails when it measured
// nothing (no releases in the period) or when the two disagree on the figures.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { startEmbeddedPostgres, type EmbeddedDatabase } from '../lib/database/embedded-postgres';
import { prepareDatabase, type PreparedDatabase } from '../lib/database/prepare-database';
import { resetEnvCache } from '../lib/env';
import { getLogger } from '../lib/logger';
import { computeClearanceStatistics } from '../lib/statistics/compute-clearance-statistics';
import { percentile as quantile } from './support';

const { values: args } = parseArgs({ options: { declarations: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '60' } } });
const N = Number(args.declarations);
const RUNS = Number(args.runs);
const DAY = 86_400_000;

/** The p-th percentile (0..100). */
const percentile = (xs: number[], p: number) => quantile(xs, p / 100);

// Two years of lodgements ending at END; release after a lane-dependent, skewed number of hours.
const GENERATE = `
INSERT INTO company (id, eori, name, street, city, country, roles) VALUES ('00000000-0000-0000-0000-00000000c0de', 'NL000000001', 'Bench Imports', 'Kade 1', 'Rotterdam', 'NL', '{IMPORTER}');
INSERT INTO app_user (id, email, name, role, company_id) VALUES ('00000000-0000-0000-0000-0000000000aa', 'bench@example.test', 'Bench', 'TRADER', '00000000-0000-0000-0000-00000000c0de');
CREATE TEMP TABLE g AS
SELECT n, gen_random_uuid() AS id,
       (ARRAY['GREEN','GREEN','GREEN','GREEN','GREEN','GREEN','YELLOW','YELLOW','RED','RED'])[1 + n % 10] AS lane,
       (ARRAY['NL000396','NL000123','NL000854','BE101000','DE004851','UG000100'])[1 + (n / 7) % 6] AS office,
       (ARRAY['4000','4000','4000','4071','4200','5100'])[1 + (n / 3) % 6] AS procedure,
       $1::timestamptz - make_interval(secs => (730 * 86400.0) * ($2::int - n) / $2::int) AS submitted,
       (n % 20 <> 0) AS released
  FROM generate_series(1, $2::int) AS n;
ALTER TABLE g ADD COLUMN hours float8;
UPDATE g SET hours = CASE lane WHEN 'GREEN' THEN 0.05 + 3 * power(random(), 3) WHEN 'YELLOW' THEN 1 + 40 * power(random(), 2) ELSE 4 + 120 * power(random(), 2) END;
INSERT INTO declaration (id, lrn, status, lane, risk_score, type, additional_type, procedure_code, declarant_id, importer_id, office_of_declaration,
                         version, created_by_id, created_at, updated_at, submitted_at, released_at)
SELECT id, 'B' || n, (CASE WHEN released THEN 'RELEASED' ELSE 'DUTY_ASSESSED' END)::declaration_status, lane::risk_lane, (n * 37) % 100, 'IM', 'A', procedure,
       '00000000-0000-0000-0000-00000000c0de', '00000000-0000-0000-0000-00000000c0de', office, 1, '00000000-0000-0000-0000-0000000000aa',
       submitted - interval '1 hour', submitted, submitted, CASE WHEN released THEN submitted + make_interval(secs => hours * 3600) END
  FROM g;
INSERT INTO declaration_status_change (declaration_id, from_status, to_status, at)
SELECT g.id, s.from_status::declaration_status, s.to_status::declaration_status, g.submitted + make_interval(secs => s.offset_h * g.hours * 3600)
  FROM g CROSS JOIN LATERAL (VALUES
    (NULL, 'DRAFT', -0.5), ('DRAFT', 'SUBMITTED', 0), ('SUBMITTED', 'ACCEPTED', 0.001), ('ACCEPTED', 'RISK_ASSESSED', 0.002),
    ('RISK_ASSESSED', CASE WHEN g.lane = 'GREEN' THEN 'DUTY_ASSESSED' ELSE 'UNDER_CONTROL' END, 0.01),
    (CASE WHEN g.lane = 'GREEN' THEN 'DUTY_ASSESSED' ELSE 'UNDER_CONTROL' END, CASE WHEN g.lane = 'GREEN' THEN 'PAID' ELSE 'DUTY_ASSESSED' END, 0.5),
    ('PAID', 'RELEASED', 1)
  ) AS s(from_status, to_status, offset_h)
 WHERE g.released OR s.to_status <> 'RELEASED';
INSERT INTO declaration_query (id, declaration_id, question, asked_by_id, asked_at, answer, answered_at)
SELECT gen_random_uuid(), id, 'Origin?', '00000000-0000-0000-0000-0000000000aa', submitted + interval '10 minutes', 'Attached', submitted + make_interval(mins => 10 + (n % 600))
  FROM g WHERE n % 20 = 3;
DROP TABLE g;`;

// The baseline: the same figures, hand-written the plain way — the lodgement and release rows joined
// once per dimension, one GROUP BY each, one statement per figure.
const BASE = `
WITH rel AS (SELECT declaration_id, at FROM declaration_status_change WHERE to_status = 'RELEASED' AND at >= $1 AND at < $2),
     sub AS (SELECT s.declaration_id, min(s.at) AS at FROM declaration_status_change s JOIN rel USING (declaration_id) WHERE s.to_status = 'SUBMITTED' GROUP BY 1)
SELECT %KEY% AS key, count(*)::int AS n,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM rel.at - sub.at) / 3600) AS median,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM rel.at - sub.at) / 3600) AS p90,
       count(*) FILTER (WHERE rel.at - sub.at < interval '1 hour')::int AS b0,
       count(*) FILTER (WHERE rel.at - sub.at >= interval '1 hour' AND rel.at - sub.at < interval '4 hours')::int AS b1,
       count(*) FILTER (WHERE rel.at - sub.at >= interval '4 hours' AND rel.at - sub.at < interval '24 hours')::int AS b2,
       count(*) FILTER (WHERE rel.at - sub.at >= interval '24 hours' AND rel.at - sub.at < interval '72 hours')::int AS b3,
       count(*) FILTER (WHERE rel.at - sub.at >= interval '72 hours')::int AS b4
  FROM rel JOIN sub USING (declaration_id) JOIN declaration d ON d.id = rel.declaration_id
 GROUP BY 1`;
const KEYS = ["'ALL'", 'd.lane::text', 'COALESCE(d.office_of_declaration, d.office_of_entry, d.office_of_exit)', 'd.procedure_code', `to_char(date_trunc('week', rel.at AT TIME ZONE 'UTC'), 'IYYY-"W"IW')`];
const LODGED = `SELECT COALESCE(d.lane::text, 'NONE') AS key, count(*)::int AS n FROM declaration_status_change s JOIN declaration d ON d.id = s.declaration_id
                 WHERE s.to_status = 'SUBMITTED' AND s.at >= $1 AND s.at < $2 GROUP BY 1`;
const QUERIES = `SELECT count(*)::int AS n, count(answered_at)::int AS answered, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - asked_at) / 3600) AS median,
                        percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - asked_at) / 3600) AS p90
                   FROM declaration_query WHERE asked_at >= $1 AND asked_at < $2`;

async function baseline(pool: pg.Pool, from: Date, to: Date) {
  const perKey = [];
  for (const key of KEYS) perKey.push((await pool.query(BASE.replace('%KEY%', key), [from, to])).rows);
  const lodged = (await pool.query(LODGED, [from, to])).rows;
  const queries = (await pool.query(QUERIES, [from, to])).rows[0];
  return { all: perKey[0]![0] as { n: number; median: number }, perKey, lodged, queries };
}

async function main() {
  process.chdir(path.resolve(import.meta.dirname, '..'));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clearway-bench-statistics-'));
  Object.assign(process.env, { LOG_LEVEL: 'warn', DATA_DIR: dir, STATISTICS_CACHE_SECONDS: '0' });
  let database: EmbeddedDatabase | undefined;
  let pool: pg.Pool | undefined;
  let prepared: PreparedDatabase | undefined;
  try {
    database = await startEmbeddedPostgres({ dir: path.join(dir, 'postgres'), port: 0, database: 'clearway', persistent: false });
    process.env.DATABASE_URL = database.url;
    resetEnvCache();
    prepared = await prepareDatabase({ logger: getLogger(), seed: false });
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    const end = new Date();
    const started = performance.now();
    const client = await pool.connect();
    try {
      for (const statement of GENERATE.split(/;\n/).map((s) => s.trim()).filter(Boolean)) {
        await client.query(statement, statement.includes('$2') ? [end, N] : []);
      }
    } finally {
      client.release();
    }
    await pool.query('VACUUM (ANALYZE) declaration, declaration_status_change, declaration_query');
    const counts = (await pool.query<{ d: number; h: number }>('SELECT (SELECT count(*) FROM declaration)::int AS d, (SELECT count(*) FROM declaration_status_change)::int AS h')).rows[0]!;
    process.stderr.write(`generated ${counts.d.toLocaleString('en')} declarations, ${counts.h.toLocaleString('en')} status changes in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    if (counts.d !== N) throw new Error(`${counts.d} declarations generated, ${N} asked: the benchmark would measure something else`);

    const to = new Date(end.getTime() + 60_000);
    const from = new Date(to.getTime() - 28 * DAY);
    // Same figures, or the comparison means nothing.
    const ours = await computeClearanceStatistics({ actor: null, from, to, cache: false });
    const base = await baseline(pool, from, to);
    const oursAll = ours.national.releases[0]!;
    if (!oursAll.count) throw new Error('no releases in the measured period: the benchmark measured nothing');
    if (oursAll.count !== base.all.n || Math.abs((oursAll.medianHours ?? 0) - Number(base.all.median)) > 0.01) {
      throw new Error(`the dashboard and the baseline disagree: ${oursAll.count} releases (median ${oursAll.medianHours}) vs ${base.all.n} (median ${base.all.median})`);
    }
    const rowsOurs = ours.national.releases.length;
    const rowsBase = base.perKey.reduce((a, r) => a + r.length, 0);
    if (rowsOurs !== rowsBase) throw new Error(`the dashboard gives ${rowsOurs} release rows, the baseline ${rowsBase}`);

    const oursMs: number[] = [];
    const baseMs: number[] = [];
    for (let i = 0; i < RUNS + 5; i++) {
      let t = performance.now();
      await computeClearanceStatistics({ actor: null, from, to, cache: false });
      const a = performance.now() - t;
      t = performance.now();
      await baseline(pool, from, to);
      const b = performance.now() - t;
      // The first runs warm the caches of both.
      if (i >= 5) {
        oursMs.push(a);
        baseMs.push(b);
      }
    }
    const fmt = (x: number) => x.toFixed(1);
    const result = {
      declarations: N,
      statusChanges: counts.h,
      releasesInPeriod: oursAll.count,
      runs: RUNS,
      dashboard: { p50: fmt(percentile(oursMs, 50)), p99: fmt(percentile(oursMs, 99)) },
      baseline: { p50: fmt(percentile(baseMs, 50)), p99: fmt(percentile(baseMs, 99)) },
      ratioP50: (percentile(oursMs, 50) / percentile(baseMs, 50)).toFixed(2),
      ratioP99: (percentile(oursMs, 99) / percentile(baseMs, 99)).toFixed(2),
      loadAverage: os.loadavg()[0]!.toFixed(2),
    };
    console.log(JSON.stringify(result, null, 2));
    console.log(`dashboard p50 ${result.dashboard.p50} ms, p99 ${result.dashboard.p99} ms; baseline p50 ${result.baseline.p50} ms, p99 ${result.baseline.p99} ms; ratio p99 ${result.ratioP99}`);
  } finally {
    await pool?.end().catch(() => undefined);
    await prepared?.stop().catch(() => undefined);
    await database?.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
