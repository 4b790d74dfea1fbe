// The release gate of the single window: customs may not release while any requirement is missing,
// pending, rejected, expired, revoked or exhausted; the refusal names each one. When it passes, the
// quantities are drawn in the release's transaction: reservations written off, and citations made after
// submission drawn now — conditionally, so that two releases racing for a permit's last units cannot
// both take them (the loser is refused as EXHAUSTED and its transaction leaves nothing behind).
import type { Sql } from '../database/sql';
import type { FieldError } from '../errors';
import { loadPermitRequirements, type PermitRequirementView } from './load-permit-requirements';
import { movePermitQuantity } from './move-permit-quantity';
import { permitError } from './permit-error';

const WHY: Record<string, string> = {
  MISSING: 'no permit cited and no application',
  PENDING: 'the application or the external reference awaits the agency',
  REJECTED: 'the agency rejected the application',
  EXPIRED: 'the cited permit is not valid now',
  REVOKED: 'the cited permit was revoked',
  EXHAUSTED: 'the cited permit’s balance does not cover the quantity',
};

export function describeBlocking(r: PermitRequirementView): string {
  return `Item ${r.itemSequence}: ${r.documentName} (${r.documentCode}) of ${r.agency.code} — ${r.status}: ${WHY[r.status] ?? r.status}`;
}

function refuse(blocking: PermitRequirementView[]): never {
  const fieldErrors: FieldError[] = blocking.map((r) => ({ path: ['permitRequirements', String(r.itemSequence), r.ruleKey], code: 'CONFLICT', message: describeBlocking(r) }));
  throw permitError('CONFLICT', 'releaseHeld', { count: blocking.length, requirements: blocking.map(describeBlocking).join('; ') }, {
    fieldErrors,
    blockingRequirements: blocking.map((r) => ({ itemSequence: r.itemSequence, ruleKey: r.ruleKey, status: r.status })),
  });
}

export async function checkPermitReleaseGate(sql: Sql, options: { declarationId: string }): Promise<void> {
  const requirements = await loadPermitRequirements(sql, options.declarationId);
  const blocking = requirements.filter((r) => r.blocking);
  if (blocking.length) refuse(blocking);
  for (const r of requirements) {
    if (!r.id || !r.permitId || !r.quantityManaged || r.drawnQuantity !== null || r.status !== 'SATISFIED') continue;
    const quantity = r.reservedQuantity ?? r.requiredQuantity;
    if (!quantity) continue;
    const left = await movePermitQuantity(sql, { permitId: r.permitId, declarationId: options.declarationId, kind: r.reservedQuantity ? 'WRITE_OFF' : 'DRAW', quantity });
    if (left === null) refuse([{ ...r, status: 'EXHAUSTED', blocking: true }]);
    await sql(`UPDATE declaration_permit_requirement SET drawn_quantity = $2::numeric, reserved_quantity = NULL, updated_at = now() WHERE id = $1::uuid`, [r.id, quantity]);
  }
}
