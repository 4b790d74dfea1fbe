// The applicant answers the agency's request for information; the application goes back under review.
import type { Actor } from '../auth/actor';
import { assertPermitFiler } from '../auth/policy';
import { recordAudit } from '../audit';
import { requireText } from '../declarations/lock-declaration';
import { getDb } from '../db';
import type { PermitApplication } from '../generated/prisma/client';
import { lockPermitApplication } from './lock-permit-application';
import { permitError } from './permit-error';

export async function answerPermitQuery(options: { actor: Actor; id: string; answer: string; requestId?: string }): Promise<PermitApplication> {
  const { actor, id } = options;
  assertPermitFiler(actor);
  const answer = requireText(options.answer, 'answer', 'the answer', 2000);
  return getDb().$transaction(async (tx) => {
    const a = await lockPermitApplication(tx, id, actor);
    if (a.status !== 'INFO_REQUESTED') throw permitError('CONFLICT', 'nothingToAnswer', { status: a.status }, { status: a.status });
    const updated = await tx.permitApplication.update({ where: { id }, data: { status: 'UNDER_REVIEW', infoAnswer: answer } });
    await recordAudit(tx, { actor, action: 'permit_application.answer', targetType: 'permit_application', targetId: id, requestId: options.requestId });
    return updated;
  });
}
