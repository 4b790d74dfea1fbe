// Declarations in a given state, made through lib/ as people would: filed and submitted by a trader,
// then, for a released one, assessed, paid and released by the demo officer.
import { loadUserActor } from '../../lib/auth/actor';
import { assessDuties } from '../../lib/declarations/assess-duties';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { decideDeclaration } from '../../lib/declarations/decide-declaration';
import type { DeclarationInput } from '../../lib/declarations/declaration-input';
import { getDeclaration } from '../../lib/declarations/get-declaration';
import { recordPayment } from '../../lib/declarations/record-payment';
import { recordControlResult } from '../../lib/risk/record-control-result';
import { submitDeclaration } from '../../lib/declarations/submit-declaration';
import { validImport } from '../declarations/fixtures';

export const OFFICER_EMAIL = 'officer@customs.example';

export async function draftImport(email: string, input: DeclarationInput = validImport()): Promise<string> {
  return (await createDeclarationDraft({ actor: await loadUserActor({ email }), input })).id;
}

export async function submittedImport(email: string, input: DeclarationInput = validImport()): Promise<string> {
  const id = await draftImport(email, input);
  await submitDeclaration({ actor: await loadUserActor({ email }), id });
  return id;
}

/** Submitted, duties assessed (after control when the lane asks for it), paid when due, released. */
export async function releasedImport(email: string, input: DeclarationInput = validImport()): Promise<string> {
  const id = await submittedImport(email, input);
  await releaseSubmitted(id);
  return id;
}

/** A submitted declaration assessed (after control when the lane asks for it), paid when due and released by the demo officer. */
export async function releaseSubmitted(id: string): Promise<void> {
  const officer = await loadUserActor({ email: OFFICER_EMAIL });
  let d = (await getDeclaration({ actor: officer, id }))!;
  if (d.status !== 'DUTY_ASSESSED') {
    await assessDuties({ actor: officer, id });
    d = (await getDeclaration({ actor: officer, id }))!;
  }
  if (d.dutyTotal && !d.dutyTotal.isZero()) await recordPayment({ actor: officer, id, amount: d.dutyTotal.toFixed(2), reference: `PAY-${id.slice(0, 8)}` });
  if (d.lane !== 'GREEN') await recordControlResult({ actor: officer, declarationId: id, input: { outcome: 'NO_DISCREPANCY' } });
  await decideDeclaration({ actor: officer, id, decision: 'RELEASED' });
}
