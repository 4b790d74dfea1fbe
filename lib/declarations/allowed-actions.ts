// What the actor may do with a declaration now: the single source for the portal's buttons (and the
// same rules the mutations enforce).
import type { Actor } from '../auth/actor';
import type { Declaration } from '../generated/prisma/client';
import { canFileDeclaration, isOfficer } from '../auth/policy';
import { computeDraftExpiry } from './draft-expiry';
import { canTransition, isAmendable } from './lifecycle';

export type DeclarationAction =
  | 'EDIT_DRAFT'
  | 'SUBMIT'
  | 'AMEND'
  | 'ANSWER_QUERY'
  | 'REQUEST_CANCELLATION'
  | 'RAISE_QUERY'
  | 'OVERRIDE_LANE'
  | 'ASSESS_DUTIES'
  | 'RECORD_PAYMENT'
  | 'RELEASE'
  | 'REJECT'
  | 'DECIDE_CANCELLATION';

export function allowedActions(actor: Actor, d: Pick<Declaration, 'status' | 'type' | 'declarantId' | 'importerId' | 'exporterId' | 'representativeId' | 'id' | 'dutyTotal' | 'updatedAt'>): DeclarationAction[] {
  const actions: DeclarationAction[] = [];
  const s = d.status;
  if (canFileDeclaration(actor, d)) {
    // An expired draft is kept read-only (draft-expiry.ts).
    if (s === 'DRAFT' && !computeDraftExpiry(d.updatedAt).expired) actions.push('EDIT_DRAFT', 'SUBMIT');
    if (isAmendable(s)) actions.push('AMEND');
    if (s === 'QUERY') actions.push('ANSWER_QUERY');
    if (canTransition(s, 'CANCEL_REQUESTED')) actions.push('REQUEST_CANCELLATION');
  }
  if (isOfficer(actor)) {
    if (s !== 'CANCEL_REQUESTED' && canTransition(s, 'QUERY')) actions.push('RAISE_QUERY');
    if (['RISK_ASSESSED', 'UNDER_CONTROL', 'QUERY'].includes(s)) actions.push('OVERRIDE_LANE');
    if (s === 'RISK_ASSESSED' || s === 'UNDER_CONTROL') actions.push('ASSESS_DUTIES');
    if (s === 'DUTY_ASSESSED') actions.push('RECORD_PAYMENT');
    if (s === 'PAID' || (s === 'DUTY_ASSESSED' && d.dutyTotal?.isZero())) actions.push('RELEASE');
    if (s !== 'SUBMITTED' && canTransition(s, 'REJECTED')) actions.push('REJECT');
    if (s === 'CANCEL_REQUESTED') actions.push('DECIDE_CANCELLATION');
  }
  return actions;
}
