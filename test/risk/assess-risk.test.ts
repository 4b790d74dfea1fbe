// The risk rules as they are seeded (lib/risk/seed-risk-rules.ts), evaluated on real PostgreSQL: each
// rule's trigger and its boundary, the reason it gives, and the lane the score lands in.
import { randomUUID } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { sqlOfClient } from '../../lib/database/sql';
import { getDb, getPool } from '../../lib/db';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { submitDeclaration } from '../../lib/declarations/submit-declaration';
import { assessRisk, invalidateRiskRules, median, robustZ, type RiskSubject } from '../../lib/risk/assess-risk';
import { DEFAULT_RISK_RULES, DEFAULT_THRESHOLDS } from '../../lib/risk/seed-risk-rules';
import { validImport } from '../declarations/fixtures';

const sql = () => sqlOfClient(getPool());
const companyId = async (eori: string) => (await getDb().company.findUniqueOrThrow({ where: { eori }, select: { id: true } })).id;
const defaults = (key: string) => DEFAULT_RISK_RULES.find((r) => r.key === key)!;

type Item = RiskSubject['items'][number];
const item = (over: Partial<Item> = {}): Item => ({ sequence: 1, commodityCode: '84713000', originCountry: 'CN', netMass: '100', customsValue: '1000.00', ...over });

async function assess(items: Item[], declarantEori = 'NL123456789', id: string = randomUUID()) {
  return assessRisk(sql(), { id, declarantId: await companyId(declarantEori), items });
}
const finding = (r: Awaited<ReturnType<typeof assess>>, key: string) => r.findings.find((f) => f.ruleKey === key);

/** Rules and thresholds changed by a test go back to their seeded values. */
afterEach(async () => {
  for (const r of DEFAULT_RISK_RULES) {
    await getDb().riskRule.update({ where: { key: r.key }, data: { params: r.params as object, weight: r.weight, enabled: true } });
  }
  await getDb().riskSettings.update({ where: { id: 1 }, data: DEFAULT_THRESHOLDS });
  invalidateRiskRules();
});

async function setRule(key: string, data: { params?: object; weight?: number; enabled?: boolean }) {
  await getDb().riskRule.update({ where: { key }, data });
  invalidateRiskRules();
}

/** A declaration the value samples below can belong to (value_sample.declaration_id is a foreign key). */
async function someDeclaration(): Promise<string> {
  const actor = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
  return (await createDeclarationDraft({ actor, input: validImport() })).id;
}
async function addSamples(hs6: string, values: number[], declarationId?: string) {
  const owner = declarationId ?? (await someDeclaration());
  await getPool().query(`INSERT INTO value_sample (hs6, declaration_id, value_per_kg) SELECT $1, $2::uuid, unnest($3::float8[])`, [hs6, owner, values]);
}

describe('median and robustZ', () => {
  it('computes the median of odd and even samples, whatever their order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('scales the distance from the median by 0.6745 / MAD (Iglewicz and Hoaglin)', () => {
    // median 8.5, absolute deviations 0.5 0.3 0 0.2 0.5 → MAD 0.3; 0.6745 × (0.5 − 8.5) / 0.3 = −17.9867
    expect(robustZ(0.5, [8, 8.2, 8.5, 8.7, 9])).toBeCloseTo(-17.9867, 4);
    expect(robustZ(9.4, [8, 8.2, 8.5, 8.7, 9])).toBeCloseTo(2.0235, 4);
    expect(robustZ(10, [10, 10, 10, 11, 9])).toBeCloseTo(0);
  });

  it('falls back to the mean absolute deviation × 1.2533 when MAD is 0, and gives null when that is 0 too', () => {
    // median 5, MAD 0; mean absolute deviation (0+0+0+0+4)/5 = 0.8 → (1 − 5) / (1.2533 × 0.8) = −3.9895
    expect(robustZ(1, [5, 5, 5, 5, 9])).toBeCloseTo(-3.9895, 4);
    expect(robustZ(5, [5, 5, 5])).toBeNull();
  });
});

describe('assessRisk: watch-listed origin', () => {
  it('fires for each item of a listed origin, naming origins and items', async () => {
    const r = await assess([item({ sequence: 1 }), item({ sequence: 2, originCountry: 'IR' }), item({ sequence: 3, originCountry: 'KP' })]);
    expect(finding(r, 'watchlist-origin')).toEqual({
      ruleKey: 'watchlist-origin',
      weight: 60,
      reason: `Origin IR, KP (items 2, 3). ${defaults('watchlist-origin').reason}`,
    });
    expect(finding(await assess([item({ originCountry: 'SY' })]), 'watchlist-origin')!.reason).toMatch(/^Origin SY \(item 1\)\. /);
  });

  it('stays silent for other origins, and follows an edited list', async () => {
    expect(finding(await assess([item({ originCountry: 'CN' }), item({ sequence: 2, originCountry: 'KE' })]), 'watchlist-origin')).toBeUndefined();
    await setRule('watchlist-origin', { params: { countries: ['CN'] } });
    expect(finding(await assess([item({ originCountry: 'CN' })]), 'watchlist-origin')!.reason).toMatch(/^Origin CN \(item 1\)\. /);
    expect(finding(await assess([item({ originCountry: 'IR' })]), 'watchlist-origin')).toBeUndefined();
  });
});

describe('assessRisk: sensitive chapters', () => {
  it('fires on the first two digits of the commodity code only', async () => {
    const r = await assess([item({ commodityCode: '93040000' }), item({ sequence: 2, commodityCode: '36041000' }), item({ sequence: 3, commodityCode: '93040000' })]);
    expect(finding(r, 'sensitive-chapters')).toEqual({
      ruleKey: 'sensitive-chapters',
      weight: 35,
      reason: `Chapter 93, 36 goods (items 1, 2, 3). ${defaults('sensitive-chapters').reason}`,
    });
    // "93" inside the code is not chapter 93; chapter 24 (tobacco) is listed.
    expect(finding(await assess([item({ commodityCode: '09369300' })]), 'sensitive-chapters')).toBeUndefined();
    expect(finding(await assess([item({ commodityCode: '240220' })]), 'sensitive-chapters')!.reason).toMatch(/^Chapter 24 goods \(item 1\)\. /);
  });

  it('does nothing when disabled', async () => {
    await setRule('sensitive-chapters', { enabled: false });
    expect(finding(await assess([item({ commodityCode: '93040000' })]), 'sensitive-chapters')).toBeUndefined();
  });
});

describe('assessRisk: new filer', () => {
  it('counts only accepted declarations of the declarant, other than the one assessed', async () => {
    const kampala = await loadUserActor({ email: 'trader@kampala-trading.example' });
    const input = () => validImport({ importerEori: 'UG100200300' });
    expect(finding(await assess([item()], 'UG100200300'), 'new-filer')).toEqual({
      ruleKey: 'new-filer',
      weight: 20,
      reason: `The declarant has 0 accepted declarations before this one. ${defaults('new-filer').reason}`,
    });

    // A draft is not a filing history.
    const { id: draft } = await createDeclarationDraft({ actor: kampala, input: input() });
    expect(finding(await assess([item()], 'UG100200300'), 'new-filer')).toBeDefined();

    await submitDeclaration({ actor: kampala, id: draft });
    expect(finding(await assess([item()], 'UG100200300'), 'new-filer')).toBeUndefined();
    // The declaration being assessed does not count towards its own history.
    expect(finding(await assess([item()], 'UG100200300', draft), 'new-filer')!.reason).toMatch(/^The declarant has 0 accepted declarations /);

    await setRule('new-filer', { params: { minPriorDeclarations: 2 } });
    expect(finding(await assess([item()], 'UG100200300'), 'new-filer')!.reason).toMatch(/^The declarant has 1 accepted declaration before this one\. /);
  });
});

describe('assessRisk: undervaluation (robust z-score of the value per kg)', () => {
  it('flags an item far below the past values of its subheading, with the figures', async () => {
    await addSamples('180690', [8, 8.2, 8.5, 8.7, 9]);
    // 50.00 for 100 kg = 0.50 per kg: robust z −17.99, below −3.
    const r = await assess([item({ sequence: 1 }), item({ sequence: 2, commodityCode: '18069019', netMass: '100', customsValue: '50.00' })]);
    expect(finding(r, 'undervaluation')).toEqual({
      ruleKey: 'undervaluation',
      weight: 40,
      reason: `Item 2: 0.50 per kg against a median of 8.50 for 1806.90 (robust z -18.0, 5 past items). ${defaults('undervaluation').reason}`,
    });
  });

  it('fires below maxRobustZ only: z −3.1 fires, z −2.9 does not', async () => {
    await addSamples('170199', [8, 8.2, 8.5, 8.7, 9]);
    // z = 0.6745 (x − 8.5) / 0.3: x = 7.12 → −3.103; x = 7.22 → −2.878
    expect(finding(await assess([item({ commodityCode: '17019910', netMass: '100', customsValue: '712.00' })]), 'undervaluation')!.reason).toMatch(/robust z -3\.1, 5 past items/);
    expect(finding(await assess([item({ commodityCode: '17019910', netMass: '100', customsValue: '722.00' })]), 'undervaluation')).toBeUndefined();
    await setRule('undervaluation', { params: { maxRobustZ: -2, minSamples: 5 } });
    expect(finding(await assess([item({ commodityCode: '17019910', netMass: '100', customsValue: '722.00' })]), 'undervaluation')).toBeDefined();
  });

  it('needs minSamples past items of the subheading, not counting the declaration itself', async () => {
    const own = await someDeclaration();
    await addSamples('020130', [8, 8.2, 8.5, 8.7]);
    await addSamples('020130', [9], own);
    const cheap = [item({ commodityCode: '02013000', netMass: '100', customsValue: '10.00' })];
    expect(finding(await assess(cheap, 'NL123456789', own), 'undervaluation')).toBeUndefined();
    expect(finding(await assess(cheap), 'undervaluation')!.reason).toMatch(/\(robust z -[\d.]+, 5 past items\)/);
  });

  it('skips items without a customs value or net mass, and other subheadings', async () => {
    await addSamples('080390', [8, 8.2, 8.5, 8.7, 9]);
    const r = await assess([
      item({ commodityCode: '08039010', customsValue: null }),
      item({ sequence: 2, commodityCode: '08039010', netMass: '0', customsValue: '1.00' }),
      item({ sequence: 3, commodityCode: '08039090', netMass: '100', customsValue: '1.00' }),
      item({ sequence: 4, commodityCode: '08011100', netMass: '100', customsValue: '1.00' }),
    ]);
    // Item 3 is of 0803.90 too (the rule compares subheadings, not national lines); item 4 has no history.
    expect(finding(r, 'undervaluation')!.reason).toMatch(/^Item 3: 0\.01 per kg against a median of 8\.50 for 0803\.90 /);
  });
});

describe('assessRisk: score and lane', () => {
  it('adds the weights of the findings and lanes the score on the thresholds, bounds included', async () => {
    const filer = 'CN440300123456789';
    // Nobody files for this declarant in this file: new-filer (20) always fires.
    expect(await assess([item()], filer)).toMatchObject({ score: 20, lane: 'GREEN' });
    expect(await assess([item({ commodityCode: '93040000' })], filer)).toMatchObject({ score: 55, lane: 'YELLOW' });
    expect(await assess([item({ originCountry: 'IR', commodityCode: '93040000' })], filer)).toMatchObject({ score: 115, lane: 'RED' });

    await setRule('new-filer', { enabled: false });
    await setRule('sensitive-chapters', { weight: 30 });
    expect(await assess([item({ commodityCode: '93040000' })], filer)).toMatchObject({ score: 30, lane: 'YELLOW' });
    await setRule('sensitive-chapters', { weight: 29 });
    expect(await assess([item({ commodityCode: '93040000' })], filer)).toMatchObject({ score: 29, lane: 'GREEN' });
    expect(await assess([item({ originCountry: 'KP' })], filer)).toMatchObject({ score: 60, lane: 'RED' });
    await setRule('watchlist-origin', { weight: 59 });
    expect(await assess([item({ originCountry: 'KP' })], filer)).toMatchObject({ score: 59, lane: 'YELLOW' });

    await getDb().riskSettings.update({ where: { id: 1 }, data: { yellowFrom: 10, redFrom: 20 } });
    invalidateRiskRules();
    expect(await assess([item({ commodityCode: '93040000' })], filer)).toMatchObject({ score: 29, lane: 'RED' });
  });

  it('never raises seal-integrity findings at acceptance (tracking alerts feed them)', async () => {
    const r = await assess([item({ originCountry: 'IR', commodityCode: '93040000' })], 'CN440300123456789');
    expect(r.findings.map((f) => f.ruleKey).sort()).toEqual(['new-filer', 'sensitive-chapters', 'watchlist-origin']);
  });
});

describe('assessRisk at submission', () => {
  const trader = () => loadUserActor({ email: 'trader@rotterdam-importers.example' });
  async function submitted(override = {}) {
    const actor = await trader();
    const { id } = await createDeclarationDraft({ actor, input: validImport(override) });
    await submitDeclaration({ actor, id });
    return id;
  }

  it('flags a value per kilogram far below past declarations of the subheading', async () => {
    // Past coffee at 2,900 to 3,100 for 950 kg: a spread of values per kg, so the robust z is defined.
    for (let i = 0; i < 5; i++) {
      const past = validImport();
      const price = 2900 + i * 50;
      past.items![1] = { ...past.items![1]!, itemPrice: `${price}.00` };
      past.invoiceAmount = `${9000 + price}.00`;
      await submitted(past);
    }
    const cheap = validImport();
    cheap.items![1] = { ...cheap.items![1]!, itemPrice: '30.00' };
    cheap.invoiceAmount = '9030.00';
    const id = await submitted(cheap);
    const findings = await getDb().riskFinding.findMany({ where: { declarationId: id } });
    expect(findings.map((f) => f.ruleKey)).toContain('undervaluation');
    expect(findings.find((f) => f.ruleKey === 'undervaluation')!.reason).toMatch(/^Item 2: 0\.\d\d per kg against a median of [\d.]+ for 0901\.21 \(robust z -[\d.]+, \d+ past items\)\./);
  });
});
