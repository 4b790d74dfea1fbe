import { describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { amendDeclaration } from '../../lib/declarations/amend-declaration';
import { answerQuery } from '../../lib/declarations/answer-query';
import { assessDuties } from '../../lib/declarations/assess-duties';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { decideCancellation } from '../../lib/declarations/decide-cancellation';
import { recordControlResult } from '../../lib/risk/record-control-result';
import { decideDeclaration } from '../../lib/declarations/decide-declaration';
import { overrideLane } from '../../lib/declarations/override-lane';
import { raiseQuery } from '../../lib/declarations/raise-query';
import { recordPayment } from '../../lib/declarations/record-payment';
import { requestCancellation } from '../../lib/declarations/request-cancellation';
import { submitDeclaration } from '../../lib/declarations/submit-declaration';
import { getDb } from '../../lib/db';
import { validImport } from './fixtures';

const trader = () => loadUserActor({ email: 'trader@rotterdam-importers.example' });
const officer = () => loadUserActor({ email: 'officer@customs.example' });
const status = async (id: string) => (await getDb().declaration.findUniqueOrThrow({ where: { id } })).status;

async function submitted(override = {}) {
  const actor = await trader();
  const { id } = await createDeclarationDraft({ actor, input: validImport(override) });
  await submitDeclaration({ actor, id });
  return id;
}

function fromKp() {
  const input = validImport();
  input.items = input.items!.map((i) => ({ ...i, originCountry: 'KP' }));
  return input;
}

describe('the red lane and control', () => {
  it('sends watch-listed origins to physical inspection with the reason', async () => {
    const id = await submitted(fromKp());
    const d = await getDb().declaration.findUniqueOrThrow({ where: { id }, include: { riskFindings: true } });
    expect(d.lane).toBe('RED');
    expect(d.status).toBe('UNDER_CONTROL');
    expect(d.riskScore).toBeGreaterThanOrEqual(60);
    expect(d.riskFindings.map((f) => f.reason)).toContainEqual(expect.stringMatching(/^Origin KP \(items 1, 2\)\. Origin on the sanctions/));
  });

  it('runs query, amended answer, duty assessment, payment and release, then refuses amendments', async () => {
    const filer = await trader();
    const customs = await officer();
    const id = await submitted(fromKp());

    await raiseQuery({ actor: customs, id, question: 'Provide the certificate of origin for item 2.' });
    expect(await status(id)).toBe('QUERY');
    await expect(answerQuery({ actor: filer, id, answer: '' })).rejects.toMatchObject({ details: { fieldErrors: [{ path: ['answer'] }] } });

    const amended = fromKp();
    amended.lrn = (await getDb().declaration.findUniqueOrThrow({ where: { id } })).lrn;
    amended.items![1] = { ...amended.items![1]!, description: 'Roasted coffee beans, certificate KP-123 attached', documentRefs: ['KP-123'] };
    await answerQuery({ actor: filer, id, answer: 'Certificate KP-123 attached to item 2.', amendment: amended });
    const afterAnswer = await getDb().declaration.findUniqueOrThrow({ where: { id }, include: { queries: true, versions: { orderBy: { version: 'asc' } } } });
    expect(afterAnswer.status).toBe('UNDER_CONTROL');
    expect(afterAnswer.version).toBe(2);
    expect(afterAnswer.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(afterAnswer.versions[0]!.sha256).not.toBe(afterAnswer.versions[1]!.sha256);
    expect(afterAnswer.queries[0]).toMatchObject({ answer: 'Certificate KP-123 attached to item 2.', answeredById: filer.userId });

    await expect(assessDuties({ actor: filer, id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await assessDuties({ actor: customs, id });
    const assessed = await getDb().declaration.findUniqueOrThrow({ where: { id } });
    expect(assessed.status).toBe('DUTY_ASSESSED');
    const due = assessed.dutyTotal!.toFixed(2);

    await expect(decideDeclaration({ actor: customs, id, decision: 'RELEASED' })).rejects.toThrow('Duties are due: record the payment before releasing.');
    await expect(recordPayment({ actor: customs, id, amount: '1.00', reference: 'BANK-1' })).rejects.toMatchObject({
      details: { fieldErrors: [{ path: ['amount'], message: `The amount due is ${due}, not 1.00.` }] },
    });
    await recordPayment({ actor: customs, id, amount: due, reference: 'BANK-1' });
    expect(await status(id)).toBe('PAID');
    // It was under control: the control result comes first (lib/risk/assert-control-result-recorded.ts).
    await expect(decideDeclaration({ actor: customs, id, decision: 'RELEASED' })).rejects.toThrow('This declaration was under control: record the control result before releasing it.');
    await recordControlResult({ actor: customs, declarationId: id, input: { outcome: 'NO_DISCREPANCY' } });
    await decideDeclaration({ actor: customs, id, decision: 'RELEASED' });
    const released = await getDb().declaration.findUniqueOrThrow({ where: { id } });
    expect(released.status).toBe('RELEASED');
    expect(released.releasedAt).toBeInstanceOf(Date);

    await expect(amendDeclaration({ actor: filer, id, input: amended, reason: 'late change' })).rejects.toMatchObject({ code: 'CONFLICT', message: 'A RELEASED declaration cannot be amended.' });
    const history = await getDb().declarationStatusChange.findMany({ where: { declarationId: id }, orderBy: { id: 'asc' } });
    expect(history.map((h) => h.toStatus)).toEqual(['DRAFT', 'SUBMITTED', 'ACCEPTED', 'RISK_ASSESSED', 'UNDER_CONTROL', 'QUERY', 'UNDER_CONTROL', 'DUTY_ASSESSED', 'PAID', 'RELEASED']);
  });

  it('lets an officer override the lane with a reason, before duties only', async () => {
    const id = await submitted(fromKp());
    await expect(overrideLane({ actor: await trader(), id, lane: 'GREEN', reason: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await overrideLane({ actor: await officer(), id, lane: 'YELLOW', reason: 'Known consignee, documents suffice.' });
    const d = await getDb().declaration.findUniqueOrThrow({ where: { id }, include: { riskFindings: true } });
    expect(d.lane).toBe('YELLOW');
    expect(d.riskFindings.map((f) => f.ruleKey)).toContain('officer-override');
  });
});

describe('amendments and cancellation', () => {
  it('amends before release: new version, values and duties recomputed', async () => {
    const filer = await trader();
    const id = await submitted();
    expect(await status(id)).toBe('DUTY_ASSESSED');
    const before = (await getDb().declaration.findUniqueOrThrow({ where: { id } })).dutyTotal!;
    const input = validImport({ lrn: (await getDb().declaration.findUniqueOrThrow({ where: { id } })).lrn, freight: '2000.00' });
    await expect(amendDeclaration({ actor: filer, id, input, reason: '' })).rejects.toMatchObject({ details: { fieldErrors: [{ path: ['reason'] }] } });
    const samplesBefore = await getDb().valueSample.findMany({ where: { declarationId: id }, orderBy: { hs6: 'asc' } });
    expect(samplesBefore.map((s) => s.hs6)).toEqual(['090121', '847130']);
    await amendDeclaration({ actor: filer, id, input, reason: 'Freight invoice corrected' });
    const samplesAfter = await getDb().valueSample.findMany({ where: { declarationId: id }, orderBy: { hs6: 'asc' } });
    // The undervaluation rule's samples follow the amended values (more freight, higher CIF per kg).
    expect(samplesAfter).toHaveLength(2);
    expect(samplesAfter[0]!.valuePerKg).toBeGreaterThan(samplesBefore[0]!.valuePerKg);
    const after = await getDb().declaration.findUniqueOrThrow({ where: { id } });
    expect(after.version).toBe(2);
    expect(after.status).toBe('DUTY_ASSESSED');
    expect(after.dutyTotal!.greaterThan(before)).toBe(true);
    await expect(amendDeclaration({ actor: filer, id, input: { ...input, lrn: 'OTHER-LRN' }, reason: 'x' })).rejects.toMatchObject({ details: { fieldErrors: [{ path: ['lrn'], code: 'NOT_ALLOWED' }] } });
  });

  it('handles a cancellation request: refused goes back, granted cancels', async () => {
    const filer = await trader();
    const customs = await officer();
    const id = await submitted();
    await requestCancellation({ actor: filer, id, reason: 'Goods not shipped.' });
    expect(await status(id)).toBe('CANCEL_REQUESTED');
    await decideCancellation({ actor: customs, id, grant: false, reason: 'Goods already at the border.' });
    expect(await status(id)).toBe('DUTY_ASSESSED');
    await requestCancellation({ actor: filer, id, reason: 'Declared twice.' });
    expect(await getDb().valueSample.count({ where: { declarationId: id } })).toBe(2);
    await decideCancellation({ actor: customs, id, grant: true, reason: 'Duplicate of another declaration.' });
    expect(await status(id)).toBe('CANCELLED');
    // A cancelled declaration no longer feeds the undervaluation rule.
    expect(await getDb().valueSample.count({ where: { declarationId: id } })).toBe(0);
    await expect(requestCancellation({ actor: filer, id, reason: 'again' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
