// The applicant sends a DRAFT application to the agency's queue (its SLA clock starts now).
import type { Actor } from '../auth/actor';
import { assertPermitFiler } from '../auth/policy';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import type { PermitApplication } from '../generated/prisma/client';
import { lockPermitApplication } from './lock-permit-application';
import { permitError } from './permit-error';

export async function submitPermitApplication(options: { actor: Actor; id: string; requestId?: string }): Promise<PermitApplication> {
  const { actor, id } = options;
  assertPermitFiler(actor);
  return getDb().$transaction(async (tx) => {
    const a = await lockPermitApplication(tx, id, actor);
    if (a.filerCompanyId !== actor.companyId) throw permitError('FORBIDDEN', 'onlyFilerSubmits');
    if (a.status !== 'DRAFT') throw permitError('CONFLICT', 'onlyDraftSubmits', { status: a.status }, { status: a.status });
    const updated = await tx.permitApplication.update({ where: { id }, data: { status: 'SUBMITTED', submittedAt: new Date() } });
    await recordAudit(tx, { actor, action: 'permit_application.submit', targetType: 'permit_application', targetId: id, requestId: options.requestId, details: { number: a.number } });
    return updated;
  });
}
