// The audit trail: written in the same transaction as the change it records (append-only table).
// Every action is declared once in AUDIT_EVENTS with what it targets and a zod schema of its details:
// `recordAudit` only accepts details of that shape (checked by the compiler), and the audit page reads
// them back with the same schemas (`describeAuditDetails`), each field labelled by its description.
import { z } from 'zod';

import type { Actor } from './auth/actor';
import type { Tx } from './database/tx';
import { GATE_AUDIT_EVENTS } from './gates/gate-audit-events';
import { PERMIT_AUDIT_EVENTS } from './permits/permit-audit-events';
import { SCAN_AUDIT_EVENTS } from './scans/scan-audit-events';

const none = z.object({});
const lane = z.enum(['GREEN', 'YELLOW', 'RED']).nullable();

/** Action name → what it targets and the shape of its details (documenso's createDocumentAuditLogData, as a map). */
export const AUDIT_EVENTS = {
  'company.sign_up': { target: 'company', details: z.object({ eori: z.string().describe('EORI'), kind: z.string().describe('Kind') }) },
  'company.sign_up_refused': { target: 'user', details: z.object({ eori: z.string().describe('EORI'), reason: z.string().describe('Reason') }) },
  'user.sign_in': { target: 'user', details: none },
  'user.sign_in_failed': { target: 'user', details: z.object({ reason: z.string().describe('Reason') }) },
  'user.change_password': { target: 'user', details: none },
  'user.request_password_reset': { target: 'user', details: none },
  'user.reset_password': { target: 'user', details: none },
  'user.sign_out_everywhere': { target: 'user', details: none },
  'user.link_oidc': { target: 'user', details: none },
  'user.invite': {
    target: 'invitation',
    details: z.object({ email: z.string().describe('Email'), role: z.string().describe('Role'), isCompanyAdmin: z.boolean().describe('Administrator'), locale: z.string().optional().describe('Language') }),
  },
  'user.accept_invitation': { target: 'user', details: z.object({ invitationId: z.string().describe('Invitation') }) },
  'user.update': {
    target: 'user',
    details: z.object({ isCompanyAdmin: z.boolean().nullable().describe('Administrator'), disabled: z.boolean().nullable().describe('Disabled') }),
  },
  'api_token.create': {
    target: 'api_token',
    details: z.object({ name: z.string().describe('Name'), scopes: z.array(z.string()).describe('Scopes'), expiresAt: z.string().nullable().describe('Expires') }),
  },
  'api_token.revoke': {
    target: 'api_token',
    // Absent when an administrator revoked it by hand; set when its creator's authority ended.
    details: z.object({ reason: z.enum(['creator_disabled', 'creator_not_admin']).optional().describe('Why'), userId: z.string().optional().describe('Creator') }),
  },
  'delegation.grant': {
    target: 'delegation',
    details: z.object({ broker: z.string().describe('Broker EORI'), representation: z.string().describe('Representation'), scope: z.string().describe('Covers') }),
  },
  'delegation.revoke': { target: 'delegation', details: none },
  'declaration.create_draft': {
    target: 'declaration',
    details: z.object({ lrn: z.string().describe('LRN'), copiedFrom: z.string().optional().describe('Copied from'), template: z.string().optional().describe('Template') }),
  },
  'declaration_template.save': { target: 'declaration_template', details: z.object({ name: z.string().describe('Name') }) },
  'declaration.claim': { target: 'declaration', details: z.object({ previousOfficerId: z.string().nullable().describe('Previous holder') }) },
  'declaration.unclaim': { target: 'declaration', details: none },
  'declaration.reassign': { target: 'declaration', details: z.object({ from: z.string().nullable().describe('From'), to: z.string().describe('To') }) },
  'declaration.update_draft': { target: 'declaration', details: none },
  'declaration.submit': { target: 'declaration', details: z.object({ mrn: z.string().describe('MRN'), version: z.number().describe('Version'), lane: lane.describe('Lane') }) },
  'declaration.amend': { target: 'declaration', details: z.object({ version: z.number().describe('Version'), reason: z.string().describe('Reason') }) },
  'declaration.raise_query': { target: 'declaration', details: none },
  'declaration.answer_query': { target: 'declaration', details: z.object({ amended: z.boolean().describe('Amended') }) },
  'declaration.override_lane': { target: 'declaration', details: z.object({ from: lane.describe('From'), to: lane.describe('To'), reason: z.string().describe('Reason') }) },
  'declaration.assess_duties': { target: 'declaration', details: z.object({ total: z.string().describe('Total') }) },
  'declaration.record_payment': { target: 'declaration', details: z.object({ amount: z.string().describe('Amount'), reference: z.string().describe('Reference') }) },
  'declaration.release': { target: 'declaration', details: z.object({ from: z.string().describe('From'), reason: z.string().nullable().describe('Reason'), decisionSha256: z.string().describe('Decision SHA-256') }) },
  'declaration.reject': { target: 'declaration', details: z.object({ from: z.string().describe('From'), reason: z.string().nullable().describe('Reason'), decisionSha256: z.string().describe('Decision SHA-256') }) },
  'declaration.request_cancellation': { target: 'declaration', details: z.object({ reason: z.string().describe('Reason') }) },
  'declaration.cancel': { target: 'declaration', details: z.object({ reason: z.string().nullable().describe('Reason') }) },
  'declaration.discard_refused_filing': { target: 'declaration', details: z.object({ lrn: z.string().describe('LRN'), format: z.string().describe('Format'), reason: z.string().describe('Reason') }) },
  'declaration.refuse_cancellation': { target: 'declaration', details: z.object({ reason: z.string().nullable().describe('Reason') }) },
  'declaration.pdf': {
    target: 'declaration',
    details: z.object({ document: z.string().describe('Document'), sha256: z.string().describe('SHA-256'), size: z.number().describe('Bytes'), pageCount: z.number().describe('Pages'), locale: z.string().optional().describe('Language') }),
  },
  'declaration.release_note_attest': {
    target: 'declaration',
    details: z.object({
      merkleRoot: z.string().describe('Merkle root'),
      txHash: z.string().describe('Transaction'),
      chainId: z.number().describe('Chain'),
      contractAddress: z.string().describe('Contract'),
    }),
  },
  'declaration.seal_integrity': {
    target: 'declaration',
    details: z.object({ alertIds: z.array(z.string()).describe('Alerts'), lane: z.unknown().describe('Lane'), status: z.unknown().describe('Status') }),
  },
  'document.upload': {
    target: 'document_upload',
    details: z.object({ sha256: z.string().describe('SHA-256'), size: z.number().describe('Bytes'), contentType: z.string().describe('Type'), fileName: z.string().nullable().describe('File') }),
  },
  'document.attach': {
    target: 'document',
    details: z.object({
      declarationId: z.string().describe('Declaration'),
      uploadId: z.string().describe('Upload'),
      sha256: z.string().describe('SHA-256'),
      type: z.string().describe('Type'),
      reference: z.string().describe('Reference'),
      fileName: z.string().nullable().describe('File'),
    }),
  },
  'document.remove': { target: 'document', details: z.object({ declarationId: z.string().describe('Declaration'), sha256: z.string().describe('SHA-256') }) },
  'control_result.record': {
    target: 'declaration',
    details: z.object({
      version: z.number().describe('Version'),
      outcome: z.string().describe('Outcome'),
      additionalDuties: z.string().describe('Additional duties'),
      sha256: z.string().describe('SHA-256'),
      correctionReason: z.string().nullable().describe('Correction of the previous version'),
    }),
  },
  'control_history.import': {
    target: 'control_history_import',
    details: z.object({ fileName: z.string().describe('File'), status: z.string().describe('Status'), rowsAccepted: z.number().describe('Rows kept'), rowsRefused: z.number().describe('Rows refused') }),
  },
  'control_history.undo': { target: 'control_history_import', details: z.object({ rows: z.number().describe('Rows removed') }) },
  'risk_model.train': { target: 'risk_model', details: z.object({ version: z.number().describe('Version') }) },
  'risk_model.activate': {
    target: 'risk_model',
    details: z.object({ version: z.number().describe('Version'), reason: z.string().describe('Reason'), forced: z.boolean().describe('Forced'), previous: z.number().nullable().describe('Previous active version') }),
  },
  'risk_rule.update': { target: 'risk_rule', details: z.object({ before: z.unknown().describe('Before'), changes: z.unknown().describe('Changes') }) },
  'risk_settings.update': { target: 'risk_settings', details: z.object({ yellowFrom: z.number().describe('Yellow from'), redFrom: z.number().describe('Red from') }) },
  'seal_device.register': { target: 'seal_device', details: z.object({ name: z.string().describe('Name') }) },
  'shipment.register': {
    target: 'shipment',
    details: z.object({
      declarationId: z.string().describe('Declaration'),
      containerNumber: z.string().describe('Container'),
      origin: z.string().describe('Origin'),
      destination: z.string().describe('Destination'),
      reporters: z
        .array(z.object({ companyId: z.string(), deviceId: z.string().nullable(), role: z.string() }))
        .optional()
        .describe('Authorised reporters'),
    }),
  },
  'tracking.alert': {
    target: 'shipment',
    details: z.object({
      alertId: z.string().describe('Alert'),
      kind: z.string().describe('Kind'),
      reason: z.string().describe('Reason'),
      sealEventId: z.string().nullable().describe('Seal event'),
      containerNumber: z.string().describe('Container'),
    }),
  },
  'tracking.capture': {
    target: 'epcis_capture',
    details: z.object({
      events: z.number().describe('Events'),
      stored: z.number().describe('Stored'),
      duplicates: z.number().describe('Duplicates'),
      alerts: z.number().describe('Alerts'),
      shipments: z.array(z.string()).describe('Shipments'),
      deviceId: z.string().nullable().describe('Device'),
    }),
  },
  'tracking.acknowledge_alert': {
    target: 'shipment',
    details: z.object({ alertId: z.string().describe('Alert'), kind: z.string().describe('Kind'), note: z.string().nullable().describe('Note') }),
  },
  ...PERMIT_AUDIT_EVENTS,
  ...SCAN_AUDIT_EVENTS,
  ...GATE_AUDIT_EVENTS,
  'webhook_endpoint.create': { target: 'webhook_endpoint', details: z.object({ url: z.string().describe('URL'), eventTypes: z.array(z.string()).describe('Event types') }) },
  'webhook_endpoint.update': { target: 'webhook_endpoint', details: z.object({ changes: z.array(z.string()).describe('Changed') }) },
  'webhook_endpoint.rotate_secret': { target: 'webhook_endpoint', details: z.object({ overlapHours: z.number().describe('Old secret valid for (hours)') }) },
  'webhook_endpoint.delete': { target: 'webhook_endpoint', details: z.object({ url: z.string().describe('URL') }) },
  'webhook_endpoint.replay': { target: 'webhook_endpoint', details: z.object({ deliveries: z.number().describe('Deliveries'), since: z.string().nullable().describe('Since') }) },
  'webhook_endpoint.send_test': { target: 'webhook_endpoint', details: none },
} as const satisfies Record<string, { target: string; details: z.ZodObject }>;

export type AuditAction = keyof typeof AUDIT_EVENTS;
export type AuditDetails<A extends AuditAction> = z.input<(typeof AUDIT_EVENTS)[A]['details']>;

type Shape<A extends AuditAction> = (typeof AUDIT_EVENTS)[A]['details']['shape'];
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "every field optional" is exactly `{} extends T`.
type OptionalDetails<A extends AuditAction> = [keyof Shape<A>] extends [never] ? true : {} extends AuditDetails<A> ? true : false;

/** One event to record: the details follow the action's schema, and may be left out when it has no fields. */
export type AuditEvent = {
  [A in AuditAction]: {
    actor: Actor | null;
    action: A;
    targetType: (typeof AUDIT_EVENTS)[A]['target'];
    targetId: string;
    requestId?: string | null;
  } & (OptionalDetails<A> extends true ? { details?: AuditDetails<A> } : { details: AuditDetails<A> });
}[AuditAction];

/** The columns of an audit row, in the order of `auditValues` (for statements that write one among others). */
export const AUDIT_COLUMNS = 'actor_id, company_id, action, target_type, target_id, request_id, details, token_id, ip';
const CASTS = ['::uuid', '::uuid', '', '', '', '', '::jsonb', '::uuid', ''] as const;

/** `$first, $first+1, …` with the casts AUDIT_COLUMNS need. */
export function auditPlaceholders(first: number): string {
  return CASTS.map((cast, i) => `$${first + i}${cast}`).join(', ');
}

/** The parameters of an audit row, in the order of AUDIT_COLUMNS. */
export function auditValues(event: AuditEvent): unknown[] {
  return [
    event.actor?.userId ?? null,
    event.actor?.companyId ?? null,
    event.action,
    event.targetType,
    event.targetId,
    event.requestId ?? event.actor?.request.id ?? null,
    JSON.stringify(event.details ?? {}),
    event.actor?.token?.id ?? null,
    event.actor?.request.ip ?? null,
  ];
}

/**
 * Many audit rows as one parameter: `SELECT … FROM json_to_recordset($param)` yielding AUDIT_COLUMNS, to
 * follow `INSERT INTO audit_event (AUDIT_COLUMNS)` in a statement that writes them among others.
 */
export function auditRowsSelect(param: string): string {
  return `SELECT ${AUDIT_COLUMNS} FROM json_to_recordset(${param}::json)
    AS a(actor_id uuid, company_id uuid, action text, target_type text, target_id text, request_id text, details jsonb, token_id uuid, ip text)`;
}

/** The parameter of `auditRowsSelect`: each event's values, keyed by AUDIT_COLUMNS. */
export function auditRowsJson(events: AuditEvent[]): string {
  const columns = AUDIT_COLUMNS.split(', ');
  return JSON.stringify(
    events.map((event) => {
      const values = auditValues(event);
      // details goes in as JSON, not as the text auditValues gives a single row's jsonb parameter.
      return Object.fromEntries(columns.map((c, i) => [c, c === 'details' ? (event.details ?? {}) : values[i]]));
    }),
  );
}

type RawSql = (text: string, params?: unknown[]) => Promise<unknown[]>;

/** In a Prisma transaction (`tx`) or a SQL one (any `Sql` of lib/database/sql.ts, or a bare pool query). */
export async function recordAudit(db: Tx | RawSql, event: AuditEvent): Promise<void> {
  const sql: RawSql = typeof db === 'function' ? db : (text, params = []) => db.$queryRawUnsafe<unknown[]>(text, ...params);
  await sql(`INSERT INTO audit_event (${AUDIT_COLUMNS}) VALUES (${auditPlaceholders(1)})`, auditValues(event));
}

/**
 * Stored details as labelled lines, by the action's schema; details that do not match it (written before
 * the schema, or by an unknown action) are shown as they are, key by key.
 */
export function describeAuditDetails(action: string, details: unknown): { label: string; value: unknown }[] {
  const entries = details && typeof details === 'object' ? Object.entries(details as Record<string, unknown>) : [];
  const known = Object.hasOwn(AUDIT_EVENTS, action) ? AUDIT_EVENTS[action as AuditAction].details : null;
  const parsed = known?.safeParse(details);
  if (!known || !parsed?.success) return entries.map(([label, value]) => ({ label, value }));
  const shape = known.shape as Record<string, z.ZodType>;
  return entries.map(([key, value]) => ({ label: shape[key]?.description ?? key, value }));
}
