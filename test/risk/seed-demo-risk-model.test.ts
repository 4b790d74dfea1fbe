// The demo start's learned risk: a synthetic history imported through importControlHistory, a model
// trained on it and activated as an analyst would (never forced), quickly, and only once.
import { describe, expect, it } from 'vitest';

import { getPool } from '../../lib/db';
import { seedDemoRiskModel } from '../../lib/risk/seed-demo-risk-model';

describe('seedDemoRiskModel', () => {
  it('imports the synthetic history, trains a model that beats the rules and activates it; a second start does nothing', async () => {
    const started = performance.now();
    expect(await seedDemoRiskModel()).toEqual({ version: 1, status: 'ACTIVE' });
    const seconds = (performance.now() - started) / 1000;
    console.log(`seedDemoRiskModel: ${seconds.toFixed(1)} s`);
    const { rows } = await getPool().query(`SELECT status, rows_accepted AS n FROM control_history_import`);
    expect(rows).toEqual([{ status: 'COMPLETED', n: 4000 }]);
    const { rows: model } = await getPool().query(`SELECT forced, activation_reason AS reason, test_rows AS "testRows" FROM risk_model`);
    expect(model).toEqual([{ forced: false, reason: expect.stringContaining('Demo'), testRows: 800 }]);
    expect(await seedDemoRiskModel()).toBeNull();
  }, 120_000);
});
