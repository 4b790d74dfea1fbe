// A declaration's business event as the standard answer it stands for, for webhook endpoints that take
// XML (a WCO DM Response, application/xml) or EDIFACT (a CUSRES interchange, application/edifact)
// instead of the JSON event: the same facts the pull route gives (getDeclarationResponses, seen as the
// person who registered the endpoint), narrowed to the one answer the event announces. Events that are
// not a customs answer (payment, a query answered, an endpoint disabled…) have none: they stay JSON.
import { loadUserActor } from '../auth/actor';
import { buildCusres } from './build-cusres';
import { buildWcoResponse } from './build-wco-response';
import type { ResponseKind } from './declaration-responses';
import { getDeclarationResponses } from './get-declaration-responses';

const KIND_OF_EVENT: Record<string, ResponseKind[]> = {
  'declaration.submitted': ['RECEIVED'],
  'declaration.accepted': ['ACCEPTED'],
  'declaration.lane_set': ['LANE'],
  'declaration.under_control': ['PHYSICAL_CHECK', 'DOCUMENTS_REQUIRED'],
  'declaration.query_raised': ['QUERY'],
  'declaration.duties_assessed': ['DUTY_ASSESSED'],
  'declaration.released': ['RELEASED'],
  'declaration.rejected': ['REJECTED'],
  'declaration.cancelled': ['CANCELLED'],
};

export const PAYLOAD_CONTENT_TYPES = { JSON: 'application/json', XML: 'application/xml; charset=utf-8', EDIFACT: 'application/edifact' } as const;

export async function buildEventResponse(options: {
  event: { type: string; declarationId: string | null; occurredAt: Date };
  format: 'XML' | 'EDIFACT';
  /** Whose view of the declaration (the endpoint's registering administrator). */
  userId: string;
}): Promise<{ contentType: string; body: string } | null> {
  const { event, format } = options;
  const kinds = KIND_OF_EVENT[event.type];
  if (!kinds || !event.declarationId) return null;
  const facts = await getDeclarationResponses({ actor: await loadUserActor({ userId: options.userId }), id: event.declarationId });
  // The answer of that kind given at or before the event (a declaration queried twice has two QUERY answers).
  const fact = facts.filter((f) => kinds.includes(f.kind) && f.at.getTime() <= event.occurredAt.getTime() + 1_000).at(-1) ?? facts.filter((f) => kinds.includes(f.kind)).at(-1);
  if (!fact) return null;
  return format === 'XML' ? { contentType: PAYLOAD_CONTENT_TYPES.XML, body: buildWcoResponse([fact]) } : { contentType: PAYLOAD_CONTENT_TYPES.EDIFACT, body: buildCusres([fact]) };
}
