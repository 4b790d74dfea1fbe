// The learned model finds the generator's planted frauds, which no rule encodes, on held-out data;
// its explanations name the planted feature; it refuses data it cannot learn from.
import { RandomForestClassifier } from 'ml-random-forest';
import { beforeAll, describe, expect, it } from 'vitest';

import { fitRiskModel, type FittedRiskModel } from '../../lib/risk/fit-risk-model';
import { generateControlHistory } from '../../lib/risk/generate-control-history';
import type { LoadedRiskModel } from '../../lib/risk/load-risk-models';
import { smoothedRate } from '../../lib/risk/risk-features';
import { scoreWithModel } from '../../lib/risk/score-with-model';
import { DEFAULT_RISK_RULES } from '../../lib/risk/seed-risk-rules';

let fitted: FittedRiskModel;
let model: LoadedRiskModel;
beforeAll(async () => {
  fitted = await fitRiskModel({ rows: generateControlHistory({ rows: 8000, seed: 3 }), rules: DEFAULT_RISK_RULES, parameters: { trees: 20, samplesPerTree: 800, revenueTrees: 8 } });
  model = {
    id: 'test',
    version: 1,
    status: 'SHADOW',
    profile: fitted.artifact.profile,
    classifier: RandomForestClassifier.load(fitted.artifact.classifier as Parameters<typeof RandomForestClassifier.load>[0]),
    regressor: null,
    meanRevenue: fitted.artifact.meanRevenue,
  };
}, 120_000);

const at = (m: FittedRiskModel['metrics']['model'], rate: number) => m.atRates.find((r) => r.rate === rate)!;

describe('fitRiskModel', () => {
  it('beats the rules and random selection on the newest 20 %, by precision and revenue', () => {
    const { metrics } = fitted;
    expect(fitted.testRows).toBe(1600);
    expect(fitted.windowTo.getTime()).toBeLessThanOrEqual(new Date('2026-01-01').getTime());
    expect(at(metrics.model, 0.05).precision).toBeGreaterThanOrEqual(2 * at(metrics.rules, 0.05).precision);
    expect(at(metrics.model, 0.05).precision).toBeGreaterThan(2 * at(metrics.random, 0.05).precision);
    expect(at(metrics.modelByRevenue, 0.05).revenue).toBeGreaterThan(2 * at(metrics.rules, 0.05).revenue);
    expect(metrics.model.auc).toBeGreaterThan(0.7);
    expect(metrics.rules.auc).toBeLessThan(0.6);
  });

  it('explains a bad importer by its past discrepancy rate', () => {
    const p = model.profile;
    const [importer, counts] = Object.entries(p.importer)
      .filter(([, c]) => c[0] >= 15)
      .sort((a, b) => smoothedRate(p, b[1]) - smoothedRate(p, a[1]))[0]!;
    expect(counts[1] / counts[0]).toBeGreaterThan(0.3);
    const declarant = Object.entries(p.declarant).sort((a, b) => b[1][0] - a[1][0])[0]![0];
    const score = scoreWithModel(model, { importerId: importer, declarantId: declarant, country: 'DE', officeId: 'NL000396', tariffCode: '300490', quantity: 1000, grossWeight: 500, fobValue: 37000, cifValue: 40000, totalTaxes: 2400 }, { explain: true });
    expect(score.contributions[0]!.description).toBe(`importer's past discrepancy rate ${Math.round((counts[1] / counts[0]) * 100)} % (${counts[0]} controls)`);
    expect(score.contributions[0]!.effect).toBeGreaterThan(0);
  });

  it('explains undervaluation in a planted heading by the value per kg against the subheading', () => {
    const clean = Object.entries(model.profile.importer).filter(([, c]) => c[0] >= 15).sort((a, b) => a[1][1] / a[1][0] - b[1][1] / b[1][0])[0]![0];
    // T-shirts at 0.4x their usual value per kg (6109 is one of the undervalued headings).
    const median = Math.exp(model.profile.hs6Values['610910']![0]);
    const row = { importerId: clean, declarantId: 'DEC0001', country: 'DE', officeId: 'NL000396', tariffCode: '610910', quantity: 5000, grossWeight: 1000, fobValue: 0, cifValue: 0.4 * median * 1000, totalTaxes: 0.33 * 0.4 * median * 1000 };
    const low = scoreWithModel(model, row, { explain: true });
    const usual = scoreWithModel(model, { ...row, cifValue: median * 1000, totalTaxes: 0.33 * median * 1000 }, { explain: true });
    expect(low.probability).toBeGreaterThan(usual.probability + 0.1);
    expect(low.contributions.map((c) => c.description).slice(0, 2).join(' | ')).toMatch(/value per (kg|unit) 0\.\d\d× the median for 6109\.10/);
  });

  it('refuses too few results and a single class, naming the problem', async () => {
    const rows = generateControlHistory({ rows: 150 });
    await expect(fitRiskModel({ rows, rules: DEFAULT_RISK_RULES })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Too few control results to train a model: 150') });
    const clean = generateControlHistory({ rows: 500 }).map((r) => ({ ...r, illicit: false, revenue: 0 }));
    await expect(fitRiskModel({ rows: clean, rules: DEFAULT_RISK_RULES })).rejects.toMatchObject({ message: 'The control results have 0 discrepancies and 500 clean controls: a model needs at least 10 of each to learn the difference.' });
  });
});
