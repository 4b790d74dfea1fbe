import { describe, expect, it } from 'vitest';

import { loadUserActor, type Actor } from '../../lib/auth/actor';
import { isValidMrn } from '../../lib/declarations/mrn';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { decideDeclaration } from '../../lib/declarations/decide-declaration';
import { getDeclaration } from '../../lib/declarations/get-declaration';
import { canonicalJson, sha256Hex } from '../../lib/declarations/snapshot';
import { submitDeclaration } from '../../lib/declarations/submit-declaration';
import { updateDeclarationDraft } from '../../lib/declarations/update-declaration-draft';
import { getDb } from '../../lib/db';
import { validImport } from './fixtures';

const trader = () => loadUserActor({ email: 'trader@rotterdam-importers.example' });
const officer = () => loadUserActor({ email: 'officer@customs.example' });

async function counts() {
  const db = getDb();
  return {
    declarations: await db.declaration.count(),
    items: await db.goodsItem.count(),
    containers: await db.transportEquipment.count(),
    versions: await db.declarationVersion.count(),
    history: await db.declarationStatusChange.count(),
    audit: await db.auditEvent.count(),
  };
}

async function expectNothingStored(run: () => Promise<unknown>, fieldPath: string[], message?: RegExp) {
  const before = await counts();
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'should fail').toMatchObject({ code: 'BAD_USER_INPUT' });
  const fieldErrors = (error as { details: { fieldErrors: { path: string[]; message: string }[] } }).details.fieldErrors;
  const hit = fieldErrors.find((f) => f.path.join('.') === fieldPath.join('.'));
  expect(hit, `a field error at ${fieldPath.join('.')} among ${JSON.stringify(fieldErrors)}`).toBeDefined();
  if (message) expect(hit!.message).toMatch(message);
  expect(await counts()).toEqual(before);
}

describe('creating a draft', () => {
  it('stores header, containers and items, with history and audit', async () => {
    const actor = await trader();
    const input = validImport();
    const { id } = await createDeclarationDraft({ actor, input });
    const d = await getDb().declaration.findUniqueOrThrow({ where: { id }, include: { items: true, containers: true, statusChanges: true } });
    expect(d).toMatchObject({ status: 'DRAFT', lrn: input.lrn, version: 1, mrn: null });
    expect(d.items).toHaveLength(2);
    expect(d.containers[0]).toMatchObject({ containerNumber: 'CSQU3054383', seals: ['CN1234567'] });
    expect(d.statusChanges.map((s) => [s.fromStatus, s.toStatus])).toEqual([[null, 'DRAFT']]);
    expect(await getDb().auditEvent.count({ where: { targetId: id, action: 'declaration.create_draft' } })).toBe(1);
  });

  it('refuses each bad input with a field error and stores nothing', async () => {
    const actor = await trader();
    const base = validImport();
    const item0 = base.items![0]!;
    const cases: [Partial<typeof base>, string[], RegExp?][] = [
      [{ containers: [{ containerNumber: 'CSQU3054384' }] }, ['containers', '0', 'containerNumber'], /Check digit should be 3/],
      [{ items: [{ ...item0, netMass: '1600' }] }, ['items', '0', 'netMass'], /cannot exceed gross mass/],
      [{ invoiceAmount: '-5' }, ['invoiceAmount'], /cannot be negative/],
      [{ invoiceAmount: 'twelve' }, ['invoiceAmount'], /must be a number/],
      [{ invoiceCurrency: 'XYZ' }, ['invoiceCurrency'], /ISO 4217/],
      [{ invoiceCurrency: 'XXX' }, ['invoiceCurrency'], /XXX is an ISO 4217 code for no currency/],
      [{ invoiceCurrency: 'xau' }, ['invoiceCurrency'], /XAU is an ISO 4217 code for no currency/],
      [{ invoiceCurrency: 'XTS' }, ['invoiceCurrency'], /XTS is an ISO 4217 code for no currency/],
      [{ items: [{ ...item0, originCountry: 'XX' }] }, ['items', '0', 'originCountry'], /ISO 3166/],
      [{ items: [{ ...item0, description: 'x'.repeat(513) }] }, ['items', '0', 'description'], /512 characters/],
      [{ transportDocument: 'B'.repeat(71) }, ['transportDocument'], /70 characters/],
      [{ items: Array.from({ length: 1000 }, () => item0) }, ['items'], /at most 999 goods items/],
      [{ importerEori: 'NL000000001' }, ['importerEori'], /No company with EORI NL000000001/],
      [{ representativeEori: 'NL987654321' }, ['representationStatus']],
      [{ transportMode: 6 }, ['transportMode'], /Recommendation 19/],
    ];
    for (const [override, path, message] of cases) {
      await expectNothingStored(() => createDeclarationDraft({ actor, input: { ...base, ...override } }), path, message);
    }
  });

  it('refuses a duplicate LRN of the same company', async () => {
    const actor = await trader();
    const input = validImport();
    await createDeclarationDraft({ actor, input });
    await expectNothingStored(() => createDeclarationDraft({ actor, input }), ['lrn'], /already has a declaration with LRN/);
  });

  it('lets two companies use the same LRN', async () => {
    const input = validImport();
    await createDeclarationDraft({ actor: await trader(), input });
    const other = await loadUserActor({ email: 'trader@kampala-trading.example' });
    await expect(createDeclarationDraft({ actor: other, input: { ...input, importerEori: 'UG100200300' } })).resolves.toHaveProperty('id');
  });

  it('is refused to officers', async () => {
    await expect(createDeclarationDraft({ actor: await officer(), input: validImport() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('submitting', () => {
  it('accepts a complete draft: MRN, values, version 1, risk lane, duties (green lane), history', async () => {
    const actor = await trader();
    const { id } = await createDeclarationDraft({ actor, input: validImport() });
    await submitDeclaration({ actor, id });
    const d = await getDb().declaration.findUniqueOrThrow({
      where: { id },
      include: { items: { orderBy: { sequence: 'asc' }, include: { dutyLines: { orderBy: { taxType: 'asc' } } } }, versions: true, statusChanges: { orderBy: { id: 'asc' } } },
    });
    expect(d.status).toBe('DUTY_ASSESSED');
    expect(d.lane).toBe('GREEN');
    expect(isValidMrn(d.mrn!)).toBe(true);
    expect(d.mrn!.slice(2, 4)).toBe('NL');
    // CIF: 9000 + (800 + 40) * 9000/12000 = 9630 USD at 0.92 = 8859.60; 3000 + 840 * 0.25 = 3210 * 0.92 = 2953.20
    expect(d.items.map((i) => i.customsValue?.toFixed(2))).toEqual(['8859.60', '2953.20']);
    expect(d.statusChanges.map((s) => s.toStatus)).toEqual(['DRAFT', 'SUBMITTED', 'ACCEPTED', 'RISK_ASSESSED', 'DUTY_ASSESSED']);
    expect(d.statusChanges[2]!.actorId).toBeNull();
    // Laptops: 0 % duty, 21 % VAT on 8859.60. Roasted coffee from CN: 7.5 % duty on 2953.20 = 221.49,
    // 9 % VAT on 3174.69 = 285.72.
    expect(d.items.map((i) => i.dutyLines.map((l) => [l.taxType, l.rate, l.amount.toFixed(2)]))).toEqual([
      [['DUTY', '0 %', '0.00'], ['VAT', '21 %', '1860.52']],
      [['DUTY', '7.5 %', '221.49'], ['VAT', '9 %', '285.72']],
    ]);
    expect(d.dutyTotal?.toFixed(2)).toBe('2367.73');
    expect(d.versions).toHaveLength(1);
    const v = d.versions[0]!;
    expect(v.version).toBe(1);
    expect(v.sha256).toBe(sha256Hex(canonicalJson(v.snapshot)));
    expect((v.snapshot as { items: unknown[] }).items).toHaveLength(2);
  });

  it('says what is missing, and changes nothing', async () => {
    const actor = await trader();
    const { id } = await createDeclarationDraft({ actor, input: validImport({ officeOfDeclaration: null, items: [] , totalPackages: null }) });
    const error = await submitDeclaration({ actor, id }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message: 'The declaration is not complete yet.' });
    const paths = (error as { details: { fieldErrors: { path: string[] }[] } }).details.fieldErrors.map((f) => f.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['officeOfDeclaration', 'items', 'totalPackages']));
    expect((await getDb().declaration.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT');
  });

  it('refuses a commodity code that is not in the tariff', async () => {
    const actor = await trader();
    const input = validImport();
    input.items![1] = { ...input.items![1]!, commodityCode: '090199' };
    input.items!.push({ ...input.items![1]!, commodityCode: '090121', itemPrice: '0' });
    input.items!.push({ ...input.items![1]!, commodityCode: '09012199', itemPrice: '0' });
    input.items!.push({ ...input.items![0]!, supplementaryQuantity: null, supplementaryUnit: null, itemPrice: '0' });
    input.totalPackages = 100 + 30 * 3 + 100;
    input.grossMass = '6000';
    const { id } = await createDeclarationDraft({ actor, input });
    const error = await submitDeclaration({ actor, id }).catch((e: unknown) => e);
    expect((error as { details: { fieldErrors: unknown[] } }).details.fieldErrors).toEqual([
      {
        path: ['items', '1', 'commodityCode'],
        code: 'UNKNOWN',
        message: '090199 is not in the tariff: 090199 is no HS 2022 subheading.',
        messageKey: 'declaration.notInTariff',
        params: { code: '090199', subheading: '090199' },
      },
      { path: ['items', '2', 'commodityCode'], code: 'INVALID', message: '0901.21 is divided in the national tariff: give one of its lines (09012100).' },
      { path: ['items', '3', 'commodityCode'], code: 'INVALID', message: '09012199 is not a line of the national tariff.' },
      { path: ['items', '4', 'supplementaryQuantity'], code: 'REQUIRED', message: 'Line 84713000 needs the supplementary quantity in NAR.' },
    ]);
  });

  it('refuses items whose prices do not add up to the invoice', async () => {
    const actor = await trader();
    const { id } = await createDeclarationDraft({ actor, input: validImport({ invoiceAmount: '12500.00' }) });
    await expect(submitDeclaration({ actor, id })).rejects.toMatchObject({
      details: { fieldErrors: [{ path: ['invoiceAmount'], message: "The items' prices add up to 12000.00 but the invoice amount is 12500.00." }] },
    });
  });

  it('returns the first result for a retry with the same idempotency key, even concurrently', async () => {
    const actor = await trader();
    const { id } = await createDeclarationDraft({ actor, input: validImport() });
    const key = `key-${id}`;
    const results = await Promise.all([submitDeclaration({ actor, id, idempotencyKey: key }), submitDeclaration({ actor, id, idempotencyKey: key })]);
    expect(results.map((r) => r.replayed).sort()).toEqual([false, true]);
    expect(await getDb().declarationVersion.count({ where: { declarationId: id } })).toBe(1);
    expect(await getDb().declarationStatusChange.count({ where: { declarationId: id, toStatus: 'ACCEPTED' } })).toBe(1);
    expect(await getDb().dutyLine.count({ where: { goodsItem: { declarationId: id } } })).toBe(4);
    // Without the key, a second submission is a conflict, not a duplicate.
    await expect(submitDeclaration({ actor, id })).rejects.toMatchObject({ code: 'CONFLICT' });
    // The same key for another declaration is refused.
    const other = await createDeclarationDraft({ actor, input: validImport() });
    await expect(submitDeclaration({ actor, id: other.id, idempotencyKey: key })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('no longer lets the draft be edited', async () => {
    const actor = await trader();
    const input = validImport();
    const { id } = await createDeclarationDraft({ actor, input });
    await submitDeclaration({ actor, id });
    await expect(updateDeclarationDraft({ actor, id, input })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('lifecycle and access', () => {
  it('refuses illegal transitions and names the legal ones', async () => {
    const actor = await trader();
    const { id } = await createDeclarationDraft({ actor, input: validImport() });
    await expect(decideDeclaration({ actor: await officer(), id, decision: 'RELEASED' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'A DRAFT declaration cannot become RELEASED. From DRAFT it can become: SUBMITTED.',
    });
    await submitDeclaration({ actor, id });
    await expect(decideDeclaration({ actor, id, decision: 'REJECTED', reason: 'mine' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(decideDeclaration({ actor: await officer(), id, decision: 'REJECTED' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await getDb().valueSample.count({ where: { declarationId: id } })).toBe(2);
    await decideDeclaration({ actor: await officer(), id, decision: 'REJECTED', reason: 'Invoice does not match the goods.' });
    const d = await getDb().declaration.findUniqueOrThrow({ where: { id } });
    expect(d.status).toBe('REJECTED');
    expect(await getDb().valueSample.count({ where: { declarationId: id } })).toBe(0);
    await expect(decideDeclaration({ actor: await officer(), id, decision: 'RELEASED' })).rejects.toMatchObject({ message: /REJECTED is final/ });
  });

  it("hides another company's declarations, also by guessed id", async () => {
    const owner: Actor = await trader();
    const { id } = await createDeclarationDraft({ actor: owner, input: validImport() });
    const stranger = await loadUserActor({ email: 'trader@kampala-trading.example' });
    expect(await getDeclaration({ actor: stranger, id })).toBeNull();
    await expect(updateDeclarationDraft({ actor: stranger, id, input: validImport() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(submitDeclaration({ actor: stranger, id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The exporter named on it sees it only once submitted; officers see everything.
    const exporter = await loadUserActor({ email: 'exports@bright-electronics.example' });
    expect(await getDeclaration({ actor: exporter, id })).toBeNull();
    await submitDeclaration({ actor: owner, id });
    expect(await getDeclaration({ actor: exporter, id })).not.toBeNull();
    expect(await getDeclaration({ actor: await officer(), id })).not.toBeNull();
  });

  it('history and versions cannot be rewritten', async () => {
    const actor = await trader();
    const { id } = await createDeclarationDraft({ actor, input: validImport() });
    await submitDeclaration({ actor, id });
    await expect(getDb().declarationVersion.updateMany({ where: { declarationId: id }, data: { reason: 'tampered' } })).rejects.toThrow(/append-only/);
    await expect(getDb().auditEvent.deleteMany({ where: { targetId: id } })).rejects.toThrow(/append-only/);
  });
});
