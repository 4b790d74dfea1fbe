import { describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { allowedActions } from '../../lib/declarations/allowed-actions';
import { countDeclarationsByStatus } from '../../lib/declarations/count-declarations-by-status';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { submitDeclaration } from '../../lib/declarations/submit-declaration';
import { getDb } from '../../lib/db';
import { validImport } from './fixtures';

describe('allowedActions', () => {
  it('offers each role what it may do in each status', async () => {
    const trader = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
    const officer = await loadUserActor({ email: 'officer@customs.example' });
    const exporter = await loadUserActor({ email: 'exports@bright-electronics.example' });
    const { id } = await createDeclarationDraft({ actor: trader, input: validImport() });
    let d = await getDb().declaration.findUniqueOrThrow({ where: { id } });
    expect(allowedActions(trader, d)).toEqual(['EDIT_DRAFT', 'SUBMIT']);
    expect(allowedActions(officer, d)).toEqual([]);
    // The exporter named on it can read it but not file for the declarant.
    expect(allowedActions(exporter, d)).toEqual([]);

    await submitDeclaration({ actor: trader, id });
    d = await getDb().declaration.findUniqueOrThrow({ where: { id } });
    expect(d.status).toBe('DUTY_ASSESSED');
    expect(allowedActions(trader, d)).toEqual(['AMEND', 'REQUEST_CANCELLATION']);
    expect(allowedActions(officer, d)).toEqual(['RAISE_QUERY', 'RECORD_PAYMENT', 'REJECT']);
  });
});

describe('countDeclarationsByStatus', () => {
  it('counts only what the actor can see', async () => {
    const trader = await loadUserActor({ email: 'trader@kampala-trading.example' });
    const before = await countDeclarationsByStatus({ actor: trader });
    await createDeclarationDraft({ actor: trader, input: validImport({ importerEori: 'UG100200300' }) });
    const after = await countDeclarationsByStatus({ actor: trader });
    expect(after.DRAFT).toBe(before.DRAFT + 1);
    expect(Object.keys(after)).toHaveLength(12);
    const officer = await countDeclarationsByStatus({ actor: await loadUserActor({ email: 'officer@customs.example' }) });
    expect(officer.DRAFT).toBeGreaterThanOrEqual(after.DRAFT);
  });
});

describe('a pending cancellation request', () => {
  it('must be decided before queries or duty assessment', async () => {
    const { requestCancellation } = await import('../../lib/declarations/request-cancellation');
    const { raiseQuery } = await import('../../lib/declarations/raise-query');
    const { assessDuties } = await import('../../lib/declarations/assess-duties');
    const trader = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
    const officer = await loadUserActor({ email: 'officer@customs.example' });
    const { id } = await createDeclarationDraft({ actor: trader, input: validImport() });
    await submitDeclaration({ actor: trader, id });
    await requestCancellation({ actor: trader, id, reason: 'Not shipped.' });
    const d = await getDb().declaration.findUniqueOrThrow({ where: { id } });
    expect(allowedActions(officer, d)).toEqual(['REJECT', 'DECIDE_CANCELLATION']);
    await expect(raiseQuery({ actor: officer, id, question: 'Why?' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(assessDuties({ actor: officer, id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await getDb().declaration.findUniqueOrThrow({ where: { id } })).status).toBe('CANCEL_REQUESTED');
  });
});
