import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { AppError } from '../errors';
import type { RiskLane } from '../generated/prisma/client';
import { assertOfficer } from '../auth/policy';
import { lockDeclaration, requireText } from './lock-declaration';
import { sqlOfPrisma } from '../database/sql';
import { recordBusinessEvent } from '../notifications/record-business-event';

/** Officers: set the lane by hand, with the reason kept among the risk findings. */
export async function overrideLane(options: { actor: Actor; id: string; lane: RiskLane; reason: string; requestId?: string }): Promise<{ id: string }> {
  const { actor, id, lane } = options;
  assertOfficer(actor, 'override lanes');
  const reason = requireText(options.reason, 'reason', 'the reason for the override', 900);
  return getDb().$transaction(async (tx) => {
    const d = await lockDeclaration(tx, id, actor);
    if (!['RISK_ASSESSED', 'UNDER_CONTROL', 'QUERY'].includes(d.status)) {
      throw new AppError('CONFLICT', `The lane of a ${d.status} declaration cannot change: only before duties are assessed.`, { status: d.status });
    }
    await tx.declaration.update({ where: { id }, data: { lane } });
    await tx.riskFinding.create({ data: { declarationId: id, ruleKey: 'officer-override', weight: 0, reason: `Lane set to ${lane} by ${actor.email}: ${reason}` } });
    await recordBusinessEvent(sqlOfPrisma(tx), {
      type: 'declaration.lane_set',
      dmsCode: lane === 'YELLOW' ? 'DMSDOC' : lane === 'RED' ? 'DMSCTL' : null,
      declarationId: id,
      mrn: d.mrn,
      lrn: d.lrn,
      payload: { declarationId: id, mrn: d.mrn, lrn: d.lrn, status: d.status, lane, previousLane: d.lane },
    });
    await recordAudit(tx, { actor, action: 'declaration.override_lane', targetType: 'declaration', targetId: id, requestId: options.requestId, details: { from: d.lane, to: lane, reason } });
    return { id };
  });
}
