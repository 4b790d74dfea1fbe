import { describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { getDb } from '../../lib/db';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { submitDeclaration } from '../../lib/declarations/submit-declaration';
import { updateRiskRule } from '../../lib/risk/update-risk-rule';
import { updateRiskSettings } from '../../lib/risk/update-risk-settings';
import { validImport } from '../declarations/fixtures';

const trader = () => loadUserActor({ email: 'trader@rotterdam-importers.example' });
const admin = () => loadUserActor({ email: 'admin@clearway.example' });

async function submitted(override = {}) {
  const actor = await trader();
  const { id } = await createDeclarationDraft({ actor, input: validImport(override) });
  await submitDeclaration({ actor, id });
  return id;
}

describe('updateRiskRule', () => {
  it('takes rule edits into account without a deploy, and validates parameters', async () => {
    const admin = await loadUserActor({ email: 'admin@clearway.example' });
    await expect(updateRiskRule({ actor: await trader(), key: 'watchlist-origin', changes: { enabled: false } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateRiskRule({ actor: admin, key: 'watchlist-origin', changes: { params: { countries: ['kp'] } } })).rejects.toMatchObject({
      details: { fieldErrors: [{ path: ['params', 'countries', '0'] }] },
    });
    await updateRiskRule({ actor: admin, key: 'watchlist-origin', changes: { params: { countries: ['CN'] } } });
    try {
      const id = await submitted();
      const d = await getDb().declaration.findUniqueOrThrow({ where: { id }, include: { riskFindings: true } });
      expect(d.lane).toBe('RED');
      expect(d.riskFindings.find((f) => f.ruleKey === 'watchlist-origin')!.reason).toMatch(/^Origin CN/);
    } finally {
      await updateRiskRule({ actor: admin, key: 'watchlist-origin', changes: { params: { countries: ['KP', 'IR', 'SY'] } } });
    }
  });

  it('refuses an unknown rule and records the change with its audit event', async () => {
    await expect(updateRiskRule({ actor: await admin(), key: 'no-such-rule', changes: { weight: 1 } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await updateRiskRule({ actor: await admin(), key: 'new-filer', changes: { weight: 25 } });
    expect((await getDb().riskRule.findUniqueOrThrow({ where: { key: 'new-filer' } })).weight).toBe(25);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: 'risk_rule.update', targetId: 'new-filer' } });
    expect(audit.details).toMatchObject({ before: { weight: 20 }, changes: { weight: 25 } });
  });
});

describe('updateRiskSettings', () => {
  it('keeps 1 <= yellowFrom < redFrom <= 1000, for officers and administrators only', async () => {
    await expect(updateRiskSettings({ actor: await trader(), yellowFrom: 10, redFrom: 20 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    for (const [yellowFrom, redFrom] of [[0, 20], [20, 20], [30, 10], [10, 1001], [1.5, 20]]) {
      await expect(updateRiskSettings({ actor: await admin(), yellowFrom: yellowFrom!, redFrom: redFrom! }), `${yellowFrom}/${redFrom}`).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { fieldErrors: [{ path: ['redFrom'] }] },
      });
    }
    await updateRiskSettings({ actor: await admin(), yellowFrom: 1, redFrom: 1000 });
    expect(await getDb().riskSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ yellowFrom: 1, redFrom: 1000 });
  });
});
