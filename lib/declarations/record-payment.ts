import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { Prisma } from '../generated/prisma/client';
import { changeStatus } from './lifecycle';
import { assertOfficer } from '../auth/policy';
import { lockDeclaration, requireText } from './lock-declaration';
import { fieldsNeedCorrecting } from '../validation';

/** Officers: record that the assessed amount was paid (a payment provider will call this later). */
export async function recordPayment(options: { actor: Actor; id: string; amount: string; reference: string; requestId?: string }): Promise<{ id: string }> {
  const { actor, id } = options;
  assertOfficer(actor, 'record payments');
  const reference = requireText(options.reference, 'reference', 'the payment reference', 70);
  if (!/^\d+(\.\d{1,2})?$/.test(options.amount?.trim() ?? '')) {
    throw fieldsNeedCorrecting([{ path: ['amount'], code: 'INVALID', message: 'The amount is a positive number with at most 2 decimals, e.g. 2367.73.' }]);
  }
  return getDb().$transaction(async (tx) => {
    const d = await lockDeclaration(tx, id, actor);
    if (d.status === 'DUTY_ASSESSED' && d.dutyTotal && !d.dutyTotal.equals(new Prisma.Decimal(options.amount))) {
      throw fieldsNeedCorrecting([{ path: ['amount'], code: 'MISMATCH', message: `The amount due is ${d.dutyTotal.toFixed(2)}, not ${options.amount}.` }]);
    }
    await changeStatus(tx, { declarationId: id, from: d.status, to: 'PAID', actor, reason: `Paid ${options.amount}, reference ${reference}` });
    await tx.declaration.update({ where: { id }, data: { paidAt: new Date(), paymentReference: reference } });
    await recordAudit(tx, { actor, action: 'declaration.record_payment', targetType: 'declaration', targetId: id, requestId: options.requestId, details: { amount: options.amount, reference } });
    return { id };
  });
}
