// Officer decisions that only move the status: release and reject (each with its history and audit).
import type { Actor } from '../auth/actor';
import { assertOfficer } from '../auth/policy';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { AppError } from '../errors';
import { lockDeclaration } from './lock-declaration';
import { assertClaimHolder } from '../officer-queue/assert-claim-holder';
import { removeValueSamples } from './value-samples';
import { sqlOfPrisma } from '../database/sql';
import { changeStatus } from './lifecycle';
import { anchorItem } from '../ledger/anchor-item';
import { canonicalJson, sha256Hex } from './snapshot';
import { checkPermitReleaseGate } from '../permits/check-permit-release-gate';
import { returnPermitReservations } from '../permits/return-permit-reservations';
import { assertControlResultRecorded } from '../risk/assert-control-result-recorded';
import { fieldsNeedCorrecting } from '../validation';

/** The canonical record of a customs decision (format "clearway-customs-decision/1") and its SHA-256. */
export function decisionRecord(fields: { declarationId: string; mrn: string | null; decision: 'RELEASED' | 'REJECTED'; decidedAt: Date; version: number; versionSha256: string; reason: string | null }): { json: string; sha256: string } {
  const json = canonicalJson({ format: 'clearway-customs-decision/1', ...fields, decidedAt: fields.decidedAt.toISOString() });
  return { json, sha256: sha256Hex(json) };
}

export async function decideDeclaration(options: {
  actor: Actor;
  id: string;
  decision: 'RELEASED' | 'REJECTED';
  reason?: string;
  requestId?: string;
}): Promise<{ id: string }> {
  const { actor, id, decision } = options;
  assertOfficer(actor, 'release or reject declarations');
  const reason = options.reason?.trim();
  if (decision === 'REJECTED' && !reason) {
    throw fieldsNeedCorrecting([{ path: ['reason'], code: 'REQUIRED', message: 'Say why the declaration is rejected: the filer sees it.' }]);
  }
  if (reason && reason.length > 1000) {
    throw fieldsNeedCorrecting([{ path: ['reason'], code: 'TOO_BIG', message: 'A reason is limited to 1,000 characters.' }]);
  }
  return getDb().$transaction(async (tx) => {
    const d = await lockDeclaration(tx, id, actor);
    await assertClaimHolder(tx, id, actor);
    if (decision === 'RELEASED' && d.status === 'DUTY_ASSESSED' && !d.dutyTotal?.isZero()) {
      throw new AppError('CONFLICT', 'Duties are due: record the payment before releasing.', { status: d.status });
    }
    if (decision === 'RELEASED') {
      await assertControlResultRecorded(tx, id);
      await checkPermitReleaseGate(sqlOfPrisma(tx), { declarationId: id });
    }
    await changeStatus(tx, { declarationId: id, from: d.status, to: decision, actor, reason });
    // The decision as a record anyone can re-hash: anchored in the ledger, printed on the release note.
    const version = await tx.declarationVersion.findFirstOrThrow({ where: { declarationId: id }, orderBy: { version: 'desc' }, select: { version: true, sha256: true } });
    const record = decisionRecord({ declarationId: id, mrn: d.mrn, decision, decidedAt: new Date(), version: version.version, versionSha256: version.sha256, reason: reason ?? null });
    await tx.declaration.update({ where: { id }, data: { decisionRecord: record.json, decisionSha256: record.sha256 } });
    if (decision === 'REJECTED') await removeValueSamples(sqlOfPrisma(tx), id);
    if (decision === 'REJECTED') await returnPermitReservations(sqlOfPrisma(tx), { declarationId: id });
    await recordAudit(tx, { actor, action: decision === 'RELEASED' ? 'declaration.release' : 'declaration.reject', targetType: 'declaration', targetId: id, requestId: options.requestId, details: { from: d.status, reason: reason ?? null, decisionSha256: record.sha256 } });
    await anchorItem(sqlOfPrisma(tx), { kind: 'decision', sha256: record.sha256, ref: `${id}/${decision.toLowerCase()}` });
    return { id };
  });
}
