// The status history as the actor may read it (lib/auth/policy.ts decides who sees what): the risk step's
// score is customs' working material, and a counterparty sees the path of the declaration, not the
// reasons exchanged between customs and the filer.
import type { Actor } from '../auth/actor';
import { canReadFilingDetails, canSeeRiskDetails, type DeclarationParties } from '../auth/policy';
import type { DeclarationStatusChange } from '../generated/prisma/client';

export function redactStatusHistory<T extends Pick<DeclarationStatusChange, 'toStatus' | 'actorId' | 'reason'>>(actor: Actor, d: DeclarationParties, history: readonly T[]): T[] {
  if (!canReadFilingDetails(actor, d)) return history.map((h) => ({ ...h, reason: null }));
  if (canSeeRiskDetails(actor)) return [...history];
  // The system's risk step says "Lane RED, score 85": the lane is the filer's to know, the score is not.
  return history.map((h) => (h.toStatus === 'RISK_ASSESSED' && h.actorId === null ? { ...h, reason: h.reason?.match(/^Lane (GREEN|YELLOW|RED)/)?.[0] ?? null } : h));
}
