import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { validImport } from '../declarations/fixtures';
import { asUser } from '../support/auth';
import { startTestServer, type TestServer } from './http-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  TRADER = await asUser('trader@rotterdam-importers.example');
  OFFICER = await asUser('officer@customs.example');
  ADMIN = await asUser('admin@clearway.example');
});
afterAll(async () => {
  await server.app.close();
});

let TRADER: Record<string, string>;
let OFFICER: Record<string, string>;
let ADMIN: Record<string, string>;

async function op(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const { json } = await server.graphql({ query, variables }, headers);
  return json;
}

describe('officer work over GraphQL', () => {
  it('queries, answers, assesses, records payment and releases a red-lane declaration', async () => {
    const input = validImport();
    input.items = input.items!.map((i) => ({ ...i, originCountry: 'KP' }));
    const created = await op('mutation($i: DeclarationInput!) { createDeclarationDraft(input: $i) { declaration { id } } }', { i: input }, TRADER);
    const id = created.data.createDeclarationDraft.declaration.id;
    const submitted = await op('mutation($id: ID!) { submitDeclaration(id: $id) { declaration { status lane riskScore riskFindings { ruleKey reason } } } }', { id }, TRADER);
    // The filer sees the lane; the score and the findings are the officers' (lib/auth/policy.ts canSeeRiskDetails).
    expect(submitted.data.submitDeclaration.declaration).toMatchObject({ status: 'UNDER_CONTROL', lane: 'RED', riskScore: null, riskFindings: [] });
    const seen = await op('query($id: ID!) { declaration(id: $id) { riskFindings { ruleKey } } }', { id }, OFFICER);
    expect(seen.data.declaration.riskFindings.map((f: { ruleKey: string }) => f.ruleKey)).toContain('watchlist-origin');

    const queue = await op('{ declarations(filter: { status: [UNDER_CONTROL], lane: [RED] }, orderBy: RISK_SCORE_DESC, first: 100) { edges { node { id riskScore } } } }', {}, OFFICER);
    expect(queue.data.declarations.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);

    const q = await op('mutation($id: ID!) { raiseQuery(id: $id, question: "Origin certificate?") { declaration { status queries { question answer } } userErrors { message } } }', { id }, OFFICER);
    expect(q.data.raiseQuery.declaration).toEqual({ status: 'QUERY', queries: [{ question: 'Origin certificate?', answer: null }] });

    const a = await op('mutation($id: ID!) { answerQuery(id: $id, answer: "Attached as KP-1.") { declaration { status queries { answer } } } }', { id }, TRADER);
    expect(a.data.answerQuery.declaration).toEqual({ status: 'UNDER_CONTROL', queries: [{ answer: 'Attached as KP-1.' }] });

    const d = await op('mutation($id: ID!) { assessDuties(id: $id) { declaration { status dutyTotal items { dutyLines { taxType rate amount } } } } }', { id }, OFFICER);
    const assessed = d.data.assessDuties.declaration;
    expect(assessed.status).toBe('DUTY_ASSESSED');
    expect(assessed.items[0].dutyLines).toEqual([
      { taxType: 'DUTY', rate: '0 %', amount: '0' },
      { taxType: 'VAT', rate: '21 %', amount: '1860.52' },
    ]);

    const wrong = await op('mutation($id: ID!) { recordPayment(id: $id, amount: "5", reference: "B-1") { declaration { status } userErrors { path message } } }', { id }, OFFICER);
    expect(wrong.data.recordPayment).toEqual({ declaration: null, userErrors: [{ path: ['amount'], message: `The amount due is ${Number(assessed.dutyTotal).toFixed(2)}, not 5.` }] });
    await op('mutation($id: ID!, $amount: Decimal!) { recordPayment(id: $id, amount: $amount, reference: "B-1") { declaration { status } } }', { id, amount: assessed.dutyTotal }, OFFICER);
    const controlled = await op('mutation($id: ID!) { recordControlResult(declarationId: $id, input: { outcome: NO_DISCREPANCY }) { controlResult { version } userErrors { message } } }', { id }, OFFICER);
    expect(controlled.data.recordControlResult).toEqual({ controlResult: { version: 1 }, userErrors: [] });
    const released = await op('mutation($id: ID!) { releaseDeclaration(id: $id) { declaration { status paymentReference releasedAt } } }', { id }, OFFICER);
    expect(released.data.releaseDeclaration.declaration).toMatchObject({ status: 'RELEASED', paymentReference: 'B-1', releasedAt: expect.any(String) });
  });

  it('refuses officer-only mutations to a trader', async () => {
    const json = await op('mutation { assessDuties(id: "00000000-0000-0000-0000-000000000000") { userErrors { message } } }', {}, TRADER);
    expect(json.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('tariff and estimates over GraphQL', () => {
  it('finds tariff lines with their measures', async () => {
    const json = await op('{ tariffLines(search: "coffee roasted") { totalCount edges { node { code measures { taxType kind adValoremRate originCountry } } } } }', {}, TRADER);
    const codes = json.data.tariffLines.edges.map((e: { node: { code: string } }) => e.node.code);
    // Every word must appear: "Coffee, not roasted" matches too.
    expect(codes).toEqual(['09011100', '09012100', '09012200']);
    expect(json.data.tariffLines.edges[1].node.measures).toContainEqual({ taxType: 'DUTY', kind: 'AD_VALOREM', adValoremRate: '0', originCountry: 'KE' });
  });

  it('estimates duties before filing, with field errors for bad items', async () => {
    const ok = await op(
      'query($i: DutyEstimateInput!) { dutyEstimate(input: $i) { total items { customsValue lines { taxType amount } } } }',
      { i: { exchangeRate: '1', freight: '100', items: [{ commodityCode: '6109.1000', originCountry: 'VN', preferenceCode: '300', netMass: '50', supplementaryQuantity: '200', supplementaryUnit: 'NAR', itemPrice: '900' }] } },
      TRADER,
    );
    // CIF 1000; duty 9.6 % (preference VN) = 96; VAT 21 % of 1096 = 230.16
    expect(ok.data.dutyEstimate).toEqual({ total: '326.16', items: [{ customsValue: '1000', lines: [{ taxType: 'DUTY', amount: '96' }, { taxType: 'VAT', amount: '230.16' }] }] });
    const bad = await op('query($i: DutyEstimateInput!) { dutyEstimate(input: $i) { total } }', { i: { items: [{ commodityCode: '610910', originCountry: 'VN', netMass: '-1', itemPrice: '1' }] } }, TRADER);
    expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors[0].extensions.fieldErrors.map((f: { path: string[] }) => f.path.join('.'))).toEqual(['items.0.netMass']);
  });
});

describe('risk rules over GraphQL', () => {
  it('lists and edits rules for administrators only', async () => {
    const denied = await op('{ riskRules { key } }', {}, TRADER);
    expect(denied.errors[0].extensions.code).toBe('FORBIDDEN');
    const rules = await op('{ riskRules { key kind weight enabled params } riskSettings { yellowFrom redFrom } }', {}, ADMIN);
    expect(rules.data.riskRules.map((r: { key: string }) => r.key)).toEqual(['new-filer', 'seal-integrity', 'sensitive-chapters', 'undervaluation', 'watchlist-origin']);
    expect(rules.data.riskSettings).toEqual({ yellowFrom: 30, redFrom: 60 });
    const bad = await op('mutation { updateRiskRule(key: "new-filer", changes: { params: "{not json" }) { riskRule { key } userErrors { path message } } }', {}, ADMIN);
    expect(bad.data.updateRiskRule).toEqual({ riskRule: null, userErrors: [{ path: ['changes', 'params'], message: 'params is JSON text, e.g. {"countries":["KP"]}.' }] });
    const ok = await op('mutation { updateRiskRule(key: "new-filer", changes: { weight: 25 }) { riskRule { weight } userErrors { message } } }', {}, ADMIN);
    expect(ok.data.updateRiskRule).toEqual({ riskRule: { weight: 25 }, userErrors: [] });
    const thresholds = await op('mutation { updateRiskSettings(yellowFrom: 50, redFrom: 40) { riskSettings { redFrom } userErrors { path } } }', {}, ADMIN);
    expect(thresholds.data.updateRiskSettings).toEqual({ riskSettings: null, userErrors: [{ path: ['redFrom'] }] });
  });
});
