// What state one requirement of one item is in, from what satisfies it (pure: the release gate, the
// declaration page and GraphQL all read it from here). Blocking states hold the release.
import type { PermitApplicationStatus, PermitSeverity, PermitStatus } from '../generated/prisma/client';

export const REQUIREMENT_STATUSES = {
  SATISFIED: 'A valid permit is cited (and, when quantity-managed, its quantity reserved or drawn), or the agency confirmed the external reference.',
  DISCLAIMED: 'The filer disclaimed a MAY_BE_REQUIRED requirement with a code and a reason.',
  WAIVED: 'A customs officer waived it, with a reason anchored in the ledger.',
  MISSING: 'Nothing cited, no application.',
  PENDING: 'An application is under way, or an external reference awaits the agency’s confirmation.',
  REJECTED: 'The agency rejected the application.',
  EXPIRED: 'The cited permit’s validity has ended.',
  REVOKED: 'The agency revoked the cited permit.',
  EXHAUSTED: 'The cited permit’s balance cannot cover this item’s quantity.',
} as const;

export type RequirementStatus = keyof typeof REQUIREMENT_STATUSES;

export const BLOCKING_STATUSES: ReadonlySet<RequirementStatus> = new Set(['MISSING', 'PENDING', 'REJECTED', 'EXPIRED', 'REVOKED', 'EXHAUSTED']);

export interface RequirementFacts {
  severity: PermitSeverity;
  quantityManaged: boolean;
  /** The item's quantity in the rule's unit. */
  requiredQuantity: number | null;
  waived: boolean;
  disclaimCode: string | null;
  externalReference: string | null;
  externalConfirmed: boolean;
  reservedQuantity: number | null;
  drawnQuantity: number | null;
  permit: { status: PermitStatus; validFrom: Date; validUntil: Date; available: number | null } | null;
  application: { status: PermitApplicationStatus } | null;
}

export function requirementStatus(f: RequirementFacts, now: Date = new Date()): RequirementStatus {
  if (f.waived) return 'WAIVED';
  // Drawn at release: the permit did its work, whatever became of it since.
  if (f.drawnQuantity !== null) return 'SATISFIED';
  if (f.permit) {
    if (f.permit.status === 'REVOKED') return 'REVOKED';
    if (f.permit.validUntil <= now || f.permit.validFrom > now) return 'EXPIRED';
    if (f.quantityManaged && f.reservedQuantity === null) {
      return f.permit.available !== null && f.requiredQuantity !== null && f.permit.available >= f.requiredQuantity ? 'SATISFIED' : 'EXHAUSTED';
    }
    return 'SATISFIED';
  }
  if (f.externalReference) return f.externalConfirmed ? 'SATISFIED' : 'PENDING';
  if (f.disclaimCode && f.severity === 'MAY_BE_REQUIRED') return 'DISCLAIMED';
  if (f.application) {
    if (f.application.status === 'REJECTED') return 'REJECTED';
    if (f.application.status !== 'APPROVED') return 'PENDING';
  }
  return 'MISSING';
}
