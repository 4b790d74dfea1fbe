// Learned risk over GraphQL (graphql/schema/risk-models.graphql): the history import and its refusals,
// training in the background with held-out metrics beside the rules and random selection, activation
// (refused when worse than the rules unless forced with a reason; rollback), explained scores, and who
// may do what. The history is the generator's, plus one planted combination that no rule encodes: the
// demo importer's T-shirts (6109.10) "from" BD are usually undervalued, its laptops from CN never are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { runPendingJobs } from '../../lib/jobs/run-pending-jobs';
import { formatDateCsv } from '../../lib/risk/format-date-csv';
import { generateControlHistory, seededRandom } from '../../lib/risk/generate-control-history';
import type { HistoryRow } from '../../lib/risk/risk-features';
import { validImport } from '../declarations/fixtures';
import { serveSignedIn } from './http-server';

const { server, H } = serveSignedIn({
  trader: 'trader@rotterdam-importers.example',
  officer: 'officer@customs.example',
  analyst: 'analyst@customs.example',
  admin: 'admin@clearway.example',
});

async function op(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  return (await server.graphql({ query, variables }, headers)).json;
}

const IMPORT = `mutation($csv: String!, $fileName: String, $mapping: [ColumnMappingInput!]) {
  importControlHistory(csv: $csv, fileName: $fileName, mapping: $mapping) {
    controlHistoryImport { id status rowsRead rowsAccepted rowsRefused errors { line column message } }
    userErrors { path code message }
  }
}`;
const TRAIN = `mutation { trainRiskModel { riskModel { id version status progress } userErrors { path code message } } }`;
const MODEL = `query($id: ID!) { riskModel(id: $id) { id version status progress progressMessage error trainRows testRows trainingMs forced activationReason
  metrics { testRows testIllicit model { auc atRates { rate precision recall revenue } } modelByRevenue { auc atRates { rate precision recall revenue } }
            rules { auc atRates { rate precision recall revenue } } random { auc atRates { rate precision recall revenue } } } } }`;
const ACTIVATE = `mutation($id: ID!, $reason: String!, $force: Boolean) {
  activateRiskModel(id: $id, reason: $reason, force: $force) { riskModel { id version status forced activationReason } userErrors { path code message } }
}`;

const csvOf = (rows: HistoryRow[]) => [...formatDateCsv(rows)].join('');
const HEADER = 'sgd.id,sgd.date,importer.id,declarant.id,country,office.id,tariff.code,quantity,gross.weight,fob.value,cif.value,total.taxes,illicit,revenue';
const keptRows = async (importId: string) => Number((await getPool().query(`SELECT count(*) FROM control_history WHERE import_id = $1`, [importId])).rows[0].count);

/** The planted combination: the demo importer's T-shirts from BD, undervalued 3 times in 4; its laptops from CN, clean. */
function plantedRows(): HistoryRow[] {
  const rnd = seededRandom(99);
  const from = new Date('2024-01-01T00:00:00Z').getTime();
  const rows: HistoryRow[] = [];
  for (let n = 0; n < 300; n++) {
    const date = new Date(from + Math.floor(rnd() * 729) * 86_400_000);
    const tshirts = n % 2 === 0;
    const weight = 600 + Math.round(rnd() * 400);
    const illicit = tshirts && rnd() < 0.75;
    const perKg = tshirts ? 30 * (illicit ? 0.45 : 1) : 200;
    const cif = Math.round(weight * perKg * 100) / 100;
    const rate = tshirts ? 0.33 : 0.21;
    rows.push({
      sgdId: `PLT${String(n + 1).padStart(6, '0')}`,
      date,
      importerId: 'NL123456789',
      declarantId: 'NL123456789',
      country: tshirts ? 'BD' : 'CN',
      officeId: 'NL000396',
      tariffCode: tshirts ? '610910' : '847130',
      quantity: tshirts ? weight * 5 : weight / 2,
      grossWeight: weight,
      fobValue: Math.round((cif / 1.08) * 100) / 100,
      cifValue: cif,
      totalTaxes: Math.round(cif * rate * 100) / 100,
      illicit,
      revenue: illicit ? Math.round(weight * 30 * 0.55 * rate * 100) / 100 : 0,
    });
  }
  return rows;
}

const at = (m: { atRates: { rate: number; precision: number; revenue: number }[] }, rate: number) => m.atRates.find((r) => r.rate === rate)!;

describe('importControlHistory', () => {
  it('refuses a file whose header lacks or adds columns, keeping only the report', async () => {
    const csv = `${HEADER.replace(',revenue', ',revenu,extra')}\nX1,2024-01-02,I1,D1,CN,NL000396,847130,1,1,1,1,1,0,0,9\n`;
    const res = (await op(IMPORT, { csv, fileName: 'bad-header.csv' }, H.analyst)).data.importControlHistory;
    expect(res.userErrors).toEqual([]);
    expect(res.controlHistoryImport).toMatchObject({ status: 'REFUSED', rowsAccepted: 0 });
    expect(res.controlHistoryImport.errors).toEqual([
      { line: 1, column: null, message: 'The header does not match the layout: missing column revenue; unexpected columns revenu, extra (map them or remove them).' },
    ]);
    expect(await keptRows(res.controlHistoryImport.id)).toBe(0);
  });

  it('refuses bad dates, unknown codes, negative numbers and ids repeated in the file, each by line and column, and keeps none of the good rows', async () => {
    const good = generateControlHistory({ rows: 3, seed: 5, idPrefix: 'BAD' });
    const lines = csvOf(good).trimEnd().split('\n');
    lines.push('BAD9,2024-02-30,I1,D1,CN,NL000396,847130,1,1,1,1,1,0,0');
    lines.push('BAD10,2024-02-03,I1,D1,XX,NL000396,847130,1,1,1,1,1,0,0');
    lines.push('BAD11,2024-02-03,I1,D1,CN,NL000396,123456,1,1,1,1,1,0,0');
    lines.push('BAD12,2024-02-03,I1,D1,CN,NL000396,847130,1,-4,1,1,1,0,0');
    lines.push('BAD13,2024-02-03,I1,D1,CN,NL000396,847130,1,1,1,1,1,maybe,0');
    lines.push(lines[1]!);
    const res = (await op(IMPORT, { csv: `${lines.join('\n')}\n`, fileName: 'bad-rows.csv' }, H.analyst)).data.importControlHistory.controlHistoryImport;
    expect(res).toMatchObject({ status: 'REFUSED', rowsRead: 9, rowsAccepted: 0, rowsRefused: 6 });
    expect(res.errors).toEqual([
      { line: 5, column: 'sgd.date', message: '"2024-02-30" is not a date as YYYY-MM-DD.' },
      { line: 6, column: 'country', message: '"XX" is not an ISO 3166-1 alpha-2 country code.' },
      { line: 7, column: 'tariff.code', message: '123456 is not an HS 2022 subheading.' },
      { line: 8, column: 'gross.weight', message: 'gross.weight "-4" is not a number of at least 0.' },
      { line: 9, column: 'illicit', message: 'illicit "maybe" is 0 or 1.' },
      { line: 10, column: 'sgd.id', message: 'BAD00000001 appears twice in the file.' },
    ]);
    expect(await keptRows(res.id)).toBe(0);
    expect((await getPool().query(`SELECT count(*)::int AS n FROM control_history WHERE sgd_id LIKE 'BAD%'`)).rows[0].n).toBe(0);
  });

  it('refuses a file over CONTROL_HISTORY_MAX_BYTES as a whole', async () => {
    process.env.CONTROL_HISTORY_MAX_BYTES = '2000';
    resetEnvCache();
    try {
      const res = (await op(IMPORT, { csv: csvOf(generateControlHistory({ rows: 100, seed: 6, idPrefix: 'BIG' })), fileName: 'big.csv' }, H.analyst)).data.importControlHistory.controlHistoryImport;
      expect(res.status).toBe('REFUSED');
      expect(res.errors).toEqual([{ line: 0, column: null, message: 'The file is larger than the limit of 2000 bytes (CONTROL_HISTORY_MAX_BYTES): split it into smaller files.' }]);
      expect(await keptRows(res.id)).toBe(0);
    } finally {
      delete process.env.CONTROL_HISTORY_MAX_BYTES;
      resetEnvCache();
    }
  });

  it('reads a file with its own column names through a mapping; the same file again is refused row by row, and an undone import can be loaded again', async () => {
    const rows = generateControlHistory({ rows: 20, seed: 8, idPrefix: 'MAP' });
    const csv = csvOf(rows).replace('sgd.id,', 'declaration_number,').replace(',revenue\n', ',extra_taxes\n');
    const mapping = [{ column: 'sgd.id', fileColumn: 'declaration_number' }, { column: 'revenue', fileColumn: 'extra_taxes' }];
    const first = (await op(IMPORT, { csv, fileName: 'mapped.csv', mapping }, H.analyst)).data.importControlHistory.controlHistoryImport;
    expect(first).toMatchObject({ status: 'COMPLETED', rowsRead: 20, rowsAccepted: 20, rowsRefused: 0, errors: [] });
    expect(await keptRows(first.id)).toBe(20);

    const again = (await op(IMPORT, { csv, fileName: 'mapped.csv', mapping }, H.analyst)).data.importControlHistory.controlHistoryImport;
    expect(again).toMatchObject({ status: 'REFUSED', rowsAccepted: 0, rowsRefused: 20 });
    expect(again.errors[0]).toEqual({ line: 2, column: 'sgd.id', message: 'MAP00000001 is already imported.' });
    expect(await keptRows(again.id)).toBe(0);
    expect(await keptRows(first.id)).toBe(20);

    const badMapping = (await op(IMPORT, { csv, mapping: [{ column: 'sgd.nr', fileColumn: 'x' }] }, H.analyst)).data.importControlHistory;
    expect(badMapping).toEqual({ controlHistoryImport: null, userErrors: [{ path: ['mapping', 'sgd.nr'], code: 'INVALID', message: expect.stringContaining('sgd.nr is not a column of the layout') }] });

    const undone = await op('mutation($id: ID!) { undoControlHistoryImport(id: $id) { controlHistoryImport { status } userErrors { message } } }', { id: first.id }, H.analyst);
    expect(undone.data.undoControlHistoryImport).toEqual({ controlHistoryImport: { status: 'UNDONE' }, userErrors: [] });
    expect(await keptRows(first.id)).toBe(0);
    const reloaded = (await op(IMPORT, { csv, fileName: 'mapped.csv', mapping }, H.analyst)).data.importControlHistory.controlHistoryImport;
    expect(reloaded.status).toBe('COMPLETED');
    await op('mutation($id: ID!) { undoControlHistoryImport(id: $id) { userErrors { message } } }', { id: reloaded.id }, H.analyst);
  });
});

describe('training, activation and explained scores', () => {
  let v1: string;
  let v2: string;

  beforeAll(async () => {
    const rows = [...generateControlHistory({ rows: 3000, seed: 21 }), ...plantedRows()].sort((a, b) => a.date.getTime() - b.date.getTime());
    const res = (await op(IMPORT, { csv: csvOf(rows), fileName: 'history.csv' }, H.analyst)).data.importControlHistory;
    expect(res.controlHistoryImport).toMatchObject({ status: 'COMPLETED', rowsAccepted: 3300 });
  }, 120_000);
  afterAll(() => {});

  it('refuses training by anyone but risk analysts and platform administrators', async () => {
    for (const who of [H.trader, H.officer]) {
      const res = await op(TRAIN, {}, who);
      expect(res.errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect((await op(IMPORT, { csv: `${HEADER}\n` }, H.officer)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await op('{ riskModels { id } }', {}, H.trader)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await getPool().query(`SELECT count(*)::int AS n FROM risk_model`)).rows[0].n).toBe(0);
  });

  it('trains in the background and stores held-out metrics beside the rules and random: the model finds the planted frauds the rules miss', async () => {
    const queued = (await op(TRAIN, {}, H.analyst)).data.trainRiskModel;
    expect(queued).toMatchObject({ riskModel: { version: 1, status: 'TRAINING' }, userErrors: [] });
    v1 = queued.riskModel.id;
    await runPendingJobs();
    const m = (await op(MODEL, { id: v1 }, H.analyst)).data.riskModel;
    expect(m).toMatchObject({ status: 'SHADOW', progress: 100, error: null, testRows: 660, trainRows: 2640 });
    expect(m.trainingMs).toBeGreaterThan(0);
    expect(m.metrics.model.atRates.map((r: { rate: number }) => r.rate)).toEqual([0.01, 0.02, 0.05, 0.1]);
    // The planted patterns are found by the model and by no rule: at 5 % it is at least twice as precise.
    expect(at(m.metrics.model, 0.05).precision).toBeGreaterThanOrEqual(2 * at(m.metrics.rules, 0.05).precision);
    expect(at(m.metrics.model, 0.05).precision).toBeGreaterThan(2 * at(m.metrics.random, 0.05).precision);
    expect(at(m.metrics.modelByRevenue, 0.05).revenue).toBeGreaterThan(at(m.metrics.rules, 0.05).revenue);
    expect(m.metrics.model.auc).toBeGreaterThan(m.metrics.rules.auc);
    // Officers read the dashboard too.
    expect((await op('{ riskModels { version status } }', {}, H.officer)).data.riskModels).toEqual([{ version: 1, status: 'SHADOW' }]);
  }, 240_000);

  it('refuses a model worse than the rules unless forced with a reason; rolls back to the previous one', async () => {
    const empty = (await op(ACTIVATE, { id: v1, reason: '  ' }, H.analyst)).data.activateRiskModel;
    expect(empty.userErrors).toEqual([{ path: ['reason'], code: expect.any(String), message: 'Say why this model should decide lanes: it is kept with the model.' }]);
    expect((await op(ACTIVATE, { id: v1, reason: 'Better than the rules on 2025 data.' }, H.officer)).errors[0].extensions.code).toBe('FORBIDDEN');
    const first = (await op(ACTIVATE, { id: v1, reason: 'Better than the rules on 2025 data.' }, H.analyst)).data.activateRiskModel;
    expect(first).toEqual({ riskModel: { id: v1, version: 1, status: 'ACTIVE', forced: false, activationReason: 'Better than the rules on 2025 data.' }, userErrors: [] });

    // A second model, whose held-out figures are made worse than the rules' (as after a bad import).
    v2 = (await op(TRAIN, {}, H.admin)).data.trainRiskModel.riskModel.id;
    await runPendingJobs();
    await getPool().query(
      `UPDATE risk_model SET metrics = jsonb_set(metrics, '{model,atRates}', (SELECT jsonb_agg(r || '{"precision": 0, "revenue": 0}') FROM jsonb_array_elements(metrics->'model'->'atRates') r)) WHERE id = $1`,
      [v2],
    );
    const refused = (await op(ACTIVATE, { id: v2, reason: 'Newer.' }, H.analyst)).data.activateRiskModel;
    expect(refused.riskModel).toBeNull();
    expect(refused.userErrors).toEqual([{ path: ['force'], code: 'INVALID', message: expect.stringMatching(/^Worse than the rules: precision at 5 % is 0\.0 % against the rules' \d+\.\d %; revenue captured at 5 % is 0\.0 % against/) }]);
    expect((await op(MODEL, { id: v1 }, H.analyst)).data.riskModel.status).toBe('ACTIVE');

    const forced = (await op(ACTIVATE, { id: v2, reason: 'Held-out window is a strike month; trying it for a week.', force: true }, H.analyst)).data.activateRiskModel;
    expect(forced.riskModel).toMatchObject({ version: 2, status: 'ACTIVE', forced: true });
    expect((await op(MODEL, { id: v1 }, H.analyst)).data.riskModel.status).toBe('RETIRED');

    const rollback = (await op(ACTIVATE, { id: v1, reason: 'Roll back: v2 sent too many clean declarations to control.' }, H.analyst)).data.activateRiskModel;
    expect(rollback.riskModel).toMatchObject({ version: 1, status: 'ACTIVE', forced: false });
    expect((await op(MODEL, { id: v2 }, H.analyst)).data.riskModel.status).toBe('RETIRED');
    const { rows: audit } = await getPool().query(`SELECT details->>'version' AS v, details->>'previous' AS p FROM audit_event WHERE action = 'risk_model.activate' ORDER BY id`);
    expect(audit).toEqual([{ v: '1', p: null }, { v: '2', p: '1' }, { v: '1', p: '2' }]);
  }, 240_000);

  it('explains the active model\'s score in words to officers; ranks the planted combination above a clean one the rules score the same; filers see no internals', async () => {
    const submit = async (item: Record<string, unknown>) => {
      const input = validImport({ invoiceAmount: String(item.itemPrice), totalPackages: 40, grossMass: '800.000', containers: [], items: [item as never] });
      const created = await op('mutation($i: DeclarationInput!) { createDeclarationDraft(input: $i) { declaration { id } userErrors { path message } } }', { i: input }, H.trader);
      const id = created.data.createDeclarationDraft.declaration.id;
      const submitted = await op('mutation($id: ID!) { submitDeclaration(id: $id) { declaration { status } userErrors { path message } } }', { id }, H.trader);
      expect(submitted.data.submitDeclaration.userErrors).toEqual([]);
      return id;
    };
    // The filer's first declaration draws the new-filer rule: submit the clean one first, so the rules
    // score the planted one no higher than the clean one.
    const clean = await submit({ commodityCode: '84713000', description: 'Laptop computers', originCountry: 'CN', packageKind: 'CT', packageCount: 40, grossMass: '800', netMass: '780', itemPrice: '160000.00', supplementaryQuantity: '400', supplementaryUnit: 'NAR' });
    const planted = await submit({ commodityCode: '61091000', description: 'Cotton T-shirts', originCountry: 'BD', packageKind: 'CT', packageCount: 40, grossMass: '800', netMass: '780', itemPrice: '12000.00', supplementaryQuantity: '4000', supplementaryUnit: 'NAR' });
    const EXPLAIN = `query($id: ID!) { declaration(id: $id) { riskFindings { ruleKey weight } riskExplanation { score lane modelVersion modelUsed modelProbability expectedRevenue contributions { feature description effect } } } }`;
    const p = (await op(EXPLAIN, { id: planted }, H.officer)).data.declaration;
    const c = (await op(EXPLAIN, { id: clean }, H.officer)).data.declaration;
    const rulePoints = (d: { riskFindings: { ruleKey: string; weight: number }[] }) => d.riskFindings.filter((f) => f.ruleKey !== 'risk-model').reduce((a, f) => a + f.weight, 0);
    expect(rulePoints(p)).toBeLessThanOrEqual(rulePoints(c));
    expect(p.riskExplanation).toMatchObject({ modelVersion: 1, modelUsed: true });
    expect(p.riskExplanation.modelProbability).toBeGreaterThan(c.riskExplanation.modelProbability + 0.1);
    // The active model's weighted probability is what lifts the planted one: its points, on top of the rules'.
    const modelPoints = (d: { riskFindings: { ruleKey: string; weight: number }[] }) => d.riskFindings.find((f) => f.ruleKey === 'risk-model')?.weight ?? 0;
    expect(modelPoints(p)).toBeGreaterThan(modelPoints(c));
    expect(p.riskExplanation.score).toBe(rulePoints(p) + modelPoints(p));
    expect(p.riskExplanation.contributions.length).toBeGreaterThan(0);
    const words = p.riskExplanation.contributions.map((x: { description: string }) => x.description).join(' | ');
    expect(words).toMatch(/(BD × 6109\.10|importer's past discrepancy rate \d+ % \(\d+ controls\)|value per (kg|unit) 0\.\d\d× the median for 6109\.10)/);
    expect(p.riskExplanation.contributions[0].effect).toBeGreaterThan(0);

    const filer = (await op('query($id: ID!) { declaration(id: $id) { riskExplanation { score } } }', { id: planted }, H.trader)).data.declaration;
    expect(filer.riskExplanation).toBeNull();
  }, 120_000);
});
