// Which business event a declaration's status change is, and its UK CDS code where the lane decides it.
import type { DeclarationStatus, RiskLane } from '../generated/prisma/client';
import type { EventType } from './event-types';

export function declarationEventType(from: DeclarationStatus | null, to: DeclarationStatus, lane: RiskLane | null): { type: EventType; dmsCode?: string | null } {
  // Back from CANCEL_REQUESTED to where it was: the officer refused the cancellation.
  if (from === 'CANCEL_REQUESTED' && to !== 'CANCELLED' && to !== 'REJECTED') return { type: 'declaration.cancellation_refused' };
  switch (to) {
    case 'SUBMITTED':
      return { type: 'declaration.submitted' };
    case 'ACCEPTED':
      return { type: 'declaration.accepted' };
    case 'RISK_ASSESSED':
      return { type: 'declaration.lane_set', dmsCode: lane === 'YELLOW' ? 'DMSDOC' : lane === 'RED' ? 'DMSCTL' : null };
    case 'UNDER_CONTROL':
      if (from === 'QUERY') return { type: 'declaration.query_answered' };
      // Back under control after duties: seal evidence (lib/tracking) detained the goods.
      if (from === 'DUTY_ASSESSED' || from === 'PAID') return { type: 'declaration.detained' };
      return { type: 'declaration.under_control' };
    case 'QUERY':
      return { type: 'declaration.query_raised' };
    case 'DUTY_ASSESSED':
      return { type: 'declaration.duties_assessed' };
    case 'PAID':
      return { type: 'declaration.paid' };
    case 'RELEASED':
      return { type: 'declaration.released' };
    case 'REJECTED':
      return { type: 'declaration.rejected' };
    case 'CANCEL_REQUESTED':
      return { type: 'declaration.cancellation_requested' };
    case 'CANCELLED':
      return { type: 'declaration.cancelled' };
    default:
      return { type: 'declaration.amended' };
  }
}
