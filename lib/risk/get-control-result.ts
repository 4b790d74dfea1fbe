// The latest control result of a declaration, as its reader may see it: officials (and risk analysts)
// everything; the filer the outcome, the findings and the corrected amounts, never the officer's note
// (nor who recorded it).
import type { Actor } from '../auth/actor';
import { canSeeRiskDetails } from '../auth/policy';
import { getDb } from '../db';
import type { StoredFinding } from './record-control-result';

export interface ControlResultView {
  id: string;
  version: number;
  outcome: 'NO_DISCREPANCY' | 'DISCREPANCY' | 'SEIZURE';
  findings: StoredFinding[];
  additionalDuties: string;
  note: string | null;
  correctionReason: string | null;
  sha256: string;
  recordedAt: Date;
  /** Who recorded it (null for filers, like the note). */
  recordedByEmail: string | null;
}

/** The caller has already been allowed to read the declaration (graphql Declaration resolvers). */
export async function getControlResult(actor: Actor, declarationId: string): Promise<ControlResultView | null> {
  const r = await getDb().controlResult.findFirst({ where: { declarationId }, orderBy: { version: 'desc' }, include: { recordedBy: { select: { email: true } } } });
  if (!r) return null;
  return {
    id: r.id,
    version: r.version,
    outcome: r.outcome,
    findings: r.findings as unknown as StoredFinding[],
    additionalDuties: r.additionalDuties.toFixed(2),
    note: canSeeRiskDetails(actor) ? r.note : null,
    correctionReason: r.correctionReason,
    sha256: r.sha256,
    recordedAt: r.recordedAt,
    recordedByEmail: canSeeRiskDetails(actor) ? r.recordedBy.email : null,
  };
}
