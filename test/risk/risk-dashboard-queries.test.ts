// The risk dashboard's figures from recorded control results (listRiskyImporters, listRiskyHsHeadings,
// summarizeControlResults): the latest version of each result counts, a declaration counts once per
// heading, the limits hold, and only customs and risk analysts read them.
import { beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor, type Actor } from '../../lib/auth/actor';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { submitDeclaration } from '../../lib/declarations/submit-declaration';
import { recordControlResult } from '../../lib/risk/record-control-result';
import { listRiskyHsHeadings } from '../../lib/risk/list-risky-hs-headings';
import { listRiskyImporters } from '../../lib/risk/list-risky-importers';
import { summarizeControlResults } from '../../lib/risk/summarize-control-results';
import { validImport } from '../declarations/fixtures';

let trader: Actor;
let officer: Actor;
let analyst: Actor;

/** A declaration of KP origin (the watch-list rule sends it under control), laptops 8471 and coffee 0901. */
async function controlled(): Promise<string> {
  const input = validImport();
  input.items = input.items!.map((i) => ({ ...i, originCountry: 'KP' }));
  const { id } = await createDeclarationDraft({ actor: trader, input });
  await submitDeclaration({ actor: trader, id });
  return id;
}

beforeAll(async () => {
  trader = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
  officer = await loadUserActor({ email: 'officer@customs.example' });
  analyst = await loadUserActor({ email: 'analyst@customs.example' });
  const [a, b, c] = [await controlled(), await controlled(), await controlled()];
  await recordControlResult({ actor: officer, declarationId: a, input: { outcome: 'DISCREPANCY', findings: [{ itemSequence: 1, kind: 'VALUATION', correctedCustomsValue: '20000.00' }] } });
  await recordControlResult({ actor: officer, declarationId: b, input: { outcome: 'NO_DISCREPANCY' } });
  // c: first a discrepancy, then corrected to none: only the correction counts.
  await recordControlResult({ actor: officer, declarationId: c, input: { outcome: 'DISCREPANCY', findings: [{ itemSequence: 2, kind: 'ORIGIN', correctedOriginCountry: 'VN' }] } });
  await recordControlResult({ actor: officer, declarationId: c, input: { outcome: 'NO_DISCREPANCY', correctionReason: 'The origin certificate was valid after all.' } });
}, 120_000);

describe('the risk dashboard queries', () => {
  it('rank importers by discrepancies on the latest result of each control', async () => {
    const rows = await listRiskyImporters(analyst);
    expect(rows).toEqual([{ eori: 'NL123456789', name: expect.any(String), controlled: 3, discrepancies: 1, additionalDuties: expect.any(Number) }]);
    expect(rows[0]!.additionalDuties).toBeGreaterThan(0);
  });

  it('count a declaration once per HS heading among its items', async () => {
    const rows = await listRiskyHsHeadings(officer, { limit: 1 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ controlled: 3, discrepancies: 1 });
    expect(['0901', '8471']).toContain(rows[0]!.heading);
    expect((await listRiskyHsHeadings(officer)).map((r) => r.heading).sort()).toEqual(['0901', '8471']);
  });

  it('sum the outcomes per week', async () => {
    const weeks = await summarizeControlResults(analyst, { weeks: 500 });
    expect(weeks).toHaveLength(1);
    expect(weeks[0]).toMatchObject({ noDiscrepancy: 2, discrepancy: 1, seizure: 0 });
    expect(weeks[0]!.week).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${weeks[0]!.week}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('are refused to filers', async () => {
    for (const read of [listRiskyImporters, listRiskyHsHeadings, summarizeControlResults]) {
      await expect(read(trader)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
