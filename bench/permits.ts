// How fast does the single window answer "what does this declaration need?", next to the bare SQL of
// the same lookup, and does the quota hold under load?
//   (a) lookup: findPermitRequirements for a 5-item declaration (validation, the indexed-prefix
//       statement, mapping) with --rules requirement rules loaded (10,000 by default), in-process;
//   (b) baseline: the same statement sent bare through `pg` (no validation, no mapping), and for
//       reference the LIKE scan one might write first (`code LIKE hs_prefix || '%'`);
//   (c) release gate: checkPermitReleaseGate on a filed 5-item declaration, p50/p99;
//   (d) quota: --draws concurrent draws of 1 unit on one quantity-managed permit holding fewer units:
//       none overdrawn (the balance ends at 0, exactly the granted number succeed), throughput.
// The lookup paths alternate in rounds on one fresh embedded PostgreSQL.
//
//   npm run bench:permits [-- --rules 10000 --lookups 2000 --draws 1000]
import os from 'node:os';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { loadUserActor } from '../lib/auth/actor';
import { createDeclarationDraft } from '../lib/declarations/create-declaration-draft';
import { sqlOfClient, sqlTransaction } from '../lib/database/sql';
import { applyForPermit } from '../lib/permits/apply-for-permit';
import { checkPermitReleaseGate } from '../lib/permits/check-permit-release-gate';
import { decidePermitApplication } from '../lib/permits/decide-permit-application';
import { findPermitRequirements, lookupParams, REQUIREMENT_LOOKUP_SQL, type RequirementLookupItem } from '../lib/permits/find-permit-requirements';
import { movePermitQuantity } from '../lib/permits/move-permit-quantity';
import { recordPermitRequirements } from '../lib/permits/record-permit-requirements';
import { validImport } from '../test/declarations/fixtures';
import { percentile, runBench } from './support';

const { values } = parseArgs({ options: { rules: { type: 'string', default: '10000' }, lookups: { type: 'string', default: '2000' }, draws: { type: 'string', default: '1000' } } });
const RULES = Number(values.rules);
const LOOKUPS = Number(values.lookups);
const DRAWS = Number(values.draws);
for (const [name, v] of Object.entries({ rules: RULES, lookups: LOOKUPS, draws: DRAWS })) if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
const GOAL_P99_MS = 5;
const GOAL_RATIO = 2;
const ROUNDS = 10;

const ms = (x: number) => `${x.toFixed(2).padStart(7)} ms`;

/** Rules spread over every chapter, mostly at subheading and national-line level as real ones are, some limited by origin or procedure. */
const LOAD_RULES = `
INSERT INTO permit_rule (id, key, agency_id, version, document_code, hs_prefix, origin_include, origin_exclude, direction, procedure_codes, severity,
                         validity_days, quantity_managed, quantity_unit, legal_basis, reason, updated_at)
SELECT gen_random_uuid(), 'bench-' || n, (SELECT id FROM agency ORDER BY code OFFSET n % (SELECT count(*) FROM agency) LIMIT 1), 1,
       (ARRAY['853','851','911','811','2'])[1 + n % 5],
       left(lpad((1 + n % 97)::text, 2, '0') || lpad(((n * 7919) % 100000000)::text, 8, '0'),
            CASE WHEN n % 100 < 2 THEN 2 WHEN n % 100 < 12 THEN 4 WHEN n % 100 < 50 THEN 6 WHEN n % 100 < 80 THEN 8 ELSE 10 END),
       CASE WHEN n % 7 = 0 THEN ARRAY['BR','AR','CN'] ELSE '{}' END, CASE WHEN n % 11 = 0 THEN ARRAY['US'] ELSE '{}' END,
       (ARRAY['IMPORT','EXPORT','TRANSIT'])[1 + n % 3]::trade_direction, CASE WHEN n % 13 = 0 THEN ARRAY['4000'] ELSE '{}' END,
       (ARRAY['REQUIRED','MAY_BE_REQUIRED'])[1 + n % 2]::permit_severity, 90, false, NULL, 'Bench basis', 'Bench rule ' || n, now()
  FROM generate_series(1, $1::int) AS n`;

runBench({ env: { SEED_DEMO: 'true' }, prepare: { demoDeclarations: false } }, async ({ databaseUrl, cleanup }) => {
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  cleanup(() => db.end());
  db.on('error', () => undefined);
  await db.query(LOAD_RULES, [RULES - (await db.query('SELECT count(*)::int AS n FROM permit_rule')).rows[0].n]);
  await db.query('ANALYZE permit_rule');
  const { rows: counted } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM permit_rule WHERE retired_at IS NULL');
  const ruleCount = counted[0]!.n;

  // Declarations of 5 items: real HS 2022 lines (some the demo rules cover), origins, the import direction.
  const codes = ['02023090', '07032000', '84713000', '09012100', '30049000', '85176200', '01062000', '61091000', '10019900', '93011000'];
  const origins = ['BR', 'CN', 'US', 'KE', 'AR', 'IN'];
  const declarations: RequirementLookupItem[][] = Array.from({ length: 200 }, (_, d) =>
    Array.from({ length: 5 }, (_, i) => ({ commodityCode: codes[(d * 3 + i * 7) % codes.length]!, originCountry: origins[(d + i) % origins.length]!, procedureCode: '4000' })),
  );
  const likeSql = REQUIREMENT_LOOKUP_SQL.replace(/r\.hs_prefix IN \([^)]*\)\)/, "i.code LIKE r.hs_prefix || '%'");
  const product: number[] = [];
  const baseline: number[] = [];
  const like: number[] = [];
  let matched = 0;
  for (let i = 0; i < 50; i++) {
    await findPermitRequirements({ items: declarations[i % declarations.length]!, direction: 'IMPORT' });
    await db.query(REQUIREMENT_LOOKUP_SQL, lookupParams(declarations[i % declarations.length]!, 'IMPORT'));
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of round % 2 ? (['baseline', 'product'] as const) : (['product', 'baseline'] as const)) {
      for (let i = 0; i < LOOKUPS / ROUNDS; i++) {
        const items = declarations[(round * 31 + i) % declarations.length]!;
        const t = performance.now();
        if (name === 'product') {
          matched += (await findPermitRequirements({ items, direction: 'IMPORT' })).length;
          product.push(performance.now() - t);
        } else {
          await db.query(REQUIREMENT_LOOKUP_SQL, lookupParams(items, 'IMPORT'));
          baseline.push(performance.now() - t);
        }
      }
    }
  }
  for (let i = 0; i < Math.min(200, LOOKUPS); i++) {
    const t = performance.now();
    await db.query(likeSql, lookupParams(declarations[i % declarations.length]!, 'IMPORT'));
    like.push(performance.now() - t);
  }
  if (matched === 0) throw new Error('the lookups matched no rule: the benchmark measured nothing');

  // The release gate on a filed 5-item declaration with its requirements frozen (waived, so the gate passes without drawing).
  const trader = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
  const five = validImport({
    invoiceAmount: '5000.00', totalPackages: 50, grossMass: '600',
    items: declarations[0]!.map((it, i) => ({ commodityCode: it.commodityCode, description: `Item ${i + 1}`, originCountry: it.originCountry!, packageKind: 'CT', packageCount: 10, grossMass: '120', netMass: '100', itemPrice: '1000.00' })),
  });
  const { id } = await createDeclarationDraft({ actor: trader, input: five });
  const pool = sqlOfClient(db);
  await pool(`UPDATE declaration SET status = 'DUTY_ASSESSED' WHERE id = $1::uuid`, [id]);
  const frozen = await recordPermitRequirements(pool, { declarationId: id });
  if (!frozen) throw new Error('the gate declaration has no requirements: the benchmark measured nothing');
  await pool(`UPDATE declaration_permit_requirement SET waived_at = now(), waived_reason = 'bench' WHERE declaration_id = $1::uuid`, [id]);
  const gate: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t = performance.now();
    await sqlTransaction((sql) => checkPermitReleaseGate(sql, { declarationId: id }));
    if (i >= 20) gate.push(performance.now() - t);
  }

  // The quota: DRAWS concurrent draws of 1 on a permit of DRAWS * 0.6 units.
  const agri = await loadUserActor({ email: 'agri.officer@agri.example' });
  const granted = Math.floor(DRAWS * 0.6);
  const application = await applyForPermit({ actor: trader, input: { ruleKey: 'agri-garlic-quota', goods: [{ commodityCode: '07032000', description: 'Garlic', originCountry: 'CN' }], requestedQuantity: String(granted), submit: true } });
  await decidePermitApplication({ actor: agri, id: application.id, input: { decision: 'APPROVE' } });
  const { rows: permits } = await db.query<{ id: string }>('SELECT id FROM permit WHERE application_id = $1', [application.id]);
  const permitId = permits[0]!.id;
  const started = performance.now();
  const outcomes = await Promise.all(Array.from({ length: DRAWS }, () => sqlTransaction((sql) => movePermitQuantity(sql, { permitId, declarationId: null, kind: 'DRAW', quantity: '1' }))));
  const drawMs = performance.now() - started;
  const succeeded = outcomes.filter((o) => o !== null).length;
  const { rows: after } = await db.query<{ available: string; drawn: string; low: string }>(
    `SELECT p.available::text, p.drawn::text, (SELECT min(available_after)::text FROM permit_balance_entry WHERE permit_id = p.id) AS low FROM permit p WHERE p.id = $1`,
    [permitId],
  );
  const overdrawn = Number(after[0]!.available) < 0 || Number(after[0]!.low) < 0 || succeeded !== granted || Number(after[0]!.drawn) !== granted;

  const cpus = os.cpus();
  const p50 = percentile(product, 0.5);
  const p99 = percentile(product, 0.99);
  const b50 = percentile(baseline, 0.5);
  const b99 = percentile(baseline, 0.99);
  const ratio = p99 / b99;
  console.log('');
  console.log(`${ruleCount.toLocaleString('en')} rules in force; ${product.length} lookups per path of a 5-item declaration (${(matched / product.length).toFixed(1)} requirements each on average), ${ROUNDS} alternating rounds, in-process`);
  console.log(`machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), Node ${process.version}; PostgreSQL embedded, same machine; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('');
  console.log('                                                      p50          p99');
  console.log(`  product: findPermitRequirements                 ${ms(p50)}   ${ms(p99)}`);
  console.log(`  baseline: the same statement, bare through pg   ${ms(b50)}   ${ms(b99)}`);
  console.log(`  reference: LIKE scan (no prefix index)          ${ms(percentile(like, 0.5))}   ${ms(percentile(like, 0.99))}`);
  console.log(`  ratio product/baseline at p99: ${ratio.toFixed(2)}x   (goals p99 < ${GOAL_P99_MS} ms: ${p99 < GOAL_P99_MS ? 'met' : 'NOT met'}; within ${GOAL_RATIO}x: ${ratio <= GOAL_RATIO ? 'met' : 'NOT met'})`);
  console.log('');
  console.log(`release gate: checkPermitReleaseGate on a filed 5-item declaration (${frozen} requirements), ${gate.length} runs`);
  console.log(`  p50 ${ms(percentile(gate, 0.5))}   p99 ${ms(percentile(gate, 0.99))}`);
  console.log('');
  console.log(`quota: ${DRAWS} concurrent draws of 1 unit on a permit of ${granted} (pool of ${process.env.DATABASE_POOL_MAX ?? 'default size'} connections)`);
  console.log(`  ${succeeded} succeeded, ${DRAWS - succeeded} refused; available ${after[0]!.available}, drawn ${after[0]!.drawn}, lowest balance in history ${after[0]!.low}: ${overdrawn ? 'OVERDRAWN' : 'never overdrawn'}`);
  console.log(`  ${(DRAWS / (drawMs / 1000)).toFixed(0)} draws/s (${drawMs.toFixed(0)} ms for all)`);
  if (overdrawn) throw new Error('the permit was overdrawn');
});
