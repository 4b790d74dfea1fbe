// The JSON body of a webhook and of a pull notification: Standard Webhooks' recommended envelope
// ({ type, timestamp, data }), with the event's id, version, UK CDS code, subject and thin payload.
export interface EventRow {
  id: string;
  type: string;
  version: number;
  dmsCode: string | null;
  declarationId: string | null;
  companyId: string | null;
  mrn: string | null;
  lrn: string | null;
  containerNumber: string | null;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/** Columns of business_event `e` as an EventRow. */
export const EVENT_COLUMNS = `e.id::text AS id, e.type, e.version, e.dms_code AS "dmsCode", e.declaration_id AS "declarationId", e.company_id AS "companyId",
  e.mrn, e.lrn, e.container_number AS "containerNumber", e.payload, e.occurred_at AS "occurredAt"`;

export interface WebhookBody {
  type: string;
  timestamp: string;
  data: Record<string, unknown> & { eventId: string; version: number; dmsCode: string | null };
}

export function webhookBody(e: EventRow): WebhookBody {
  return {
    type: e.type,
    timestamp: e.occurredAt.toISOString(),
    data: {
      ...e.payload,
      eventId: e.id,
      version: e.version,
      dmsCode: e.dmsCode,
      subject: { declarationId: e.declarationId, mrn: e.mrn, lrn: e.lrn, containerNumber: e.containerNumber, companyId: e.companyId },
    },
  };
}
