import { describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { getDeclarationDetail } from '../../lib/declarations/get-declaration-detail';
import { raiseQuery } from '../../lib/declarations/raise-query';
import { submitDeclaration } from '../../lib/declarations/submit-declaration';
import { validImport } from './fixtures';

const trader = () => loadUserActor({ email: 'trader@rotterdam-importers.example' });
const officer = () => loadUserActor({ email: 'officer@customs.example' });

describe('the declaration page’s data', () => {
  it('gathers a draft with its parties and lines, and what its filer may do', async () => {
    const actor = await trader();
    const { id } = await createDeclarationDraft({ actor, input: validImport() });
    const detail = (await getDeclarationDetail({ actor, id }))!;
    expect(detail.declaration).toMatchObject({ id, status: 'DRAFT' });
    expect(detail.actions).toEqual(expect.arrayContaining(['SUBMIT', 'EDIT_DRAFT']));
    expect(detail.parties.declarant?.eori).toBe('NL123456789');
    expect(detail.parties.importer?.eori).toBe('NL123456789');
    expect(detail.parties.exporter?.eori).toBe('CN440300123456789');
    expect(detail.parties.representative).toBeNull();
    expect(detail.items.map((i) => i.sequence)).toEqual([1, 2]);
    expect(detail.containers.map((c) => c.containerNumber)).toEqual(['CSQU3054383']);
    expect(detail.duties).toEqual([]);
    expect(detail.versions).toEqual([]);
    expect(detail.history.map((h) => h.toStatus)).toEqual(['DRAFT']);
    expect(detail.emails[actor.userId]).toBe('trader@rotterdam-importers.example');
    expect([detail.openQuery, detail.cancelRequest, detail.lastReason]).toEqual([null, null, null]);
  });

  it('shows duties per item after submission, risk findings to officers only, and the open query', async () => {
    const filer = await trader();
    const { id } = await createDeclarationDraft({ actor: filer, input: validImport() });
    await submitDeclaration({ actor: filer, id });
    const customs = await officer();
    await raiseQuery({ actor: customs, id, question: 'Send the commercial invoice, please.' });

    const asFiler = (await getDeclarationDetail({ actor: filer, id }))!;
    expect(asFiler.findings).toBeNull();
    expect(asFiler.duties.map((x) => [x.item.sequence, x.lines.map((l) => l.taxType)])).toEqual([
      [1, ['DUTY', 'VAT']],
      [2, ['DUTY', 'VAT']],
    ]);
    expect(asFiler.versions.map((v) => v.version)).toEqual([1]);
    expect(asFiler.openQuery).toMatchObject({ question: 'Send the commercial invoice, please.', answeredAt: null });
    expect(asFiler.lastReason?.toStatus).toBe('QUERY');
    expect(asFiler.emails[customs.userId]).toBe('officer@customs.example');
    expect(asFiler.actions).toContain('ANSWER_QUERY');

    const asOfficer = (await getDeclarationDetail({ actor: customs, id }))!;
    expect(Array.isArray(asOfficer.findings)).toBe(true);
    expect(asOfficer.actions).not.toContain('ANSWER_QUERY');
  });

  it('is null for a declaration the reader may not see', async () => {
    const { id } = await createDeclarationDraft({ actor: await trader(), input: validImport() });
    const stranger = await loadUserActor({ email: 'trader@kampala-trading.example' });
    expect(await getDeclarationDetail({ actor: stranger, id })).toBeNull();
    expect(await getDeclarationDetail({ actor: stranger, id: 'not-a-uuid' })).toBeNull();
  });
});
