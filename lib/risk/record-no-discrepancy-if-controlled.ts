// For the demo seed: a declaration that went under control gets a "no discrepancy" result before it
// is released, as an officer would record it.
import type { Actor } from '../auth/actor';
import { getDb } from '../db';
import { recordControlResult } from './record-control-result';

export async function recordNoDiscrepancyIfControlled(officer: Actor, declarationId: string): Promise<void> {
  const controlled = await getDb().declarationStatusChange.count({ where: { declarationId, toStatus: 'UNDER_CONTROL' } });
  const recorded = await getDb().controlResult.count({ where: { declarationId } });
  if (controlled && !recorded) await recordControlResult({ actor: officer, declarationId, input: { outcome: 'NO_DISCREPANCY' } });
}
