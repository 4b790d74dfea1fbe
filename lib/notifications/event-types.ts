// The one list of business event types: their stable names, the UK CDS notification code a declaration
// event maps to (so integrators who know CDS feel at home), the title a person sees in the inbox, and the
// default channel for people. Another capability adds its events here with one line each, e.g.
//
//   'permit.decided': { dms: null, title: 'Permit application decided', channel: 'EMAIL' },
//
// and records them with recordBusinessEvent(sql, { type: 'permit.decided', ... }). A type's name never
// changes; a change of its payload's shape bumps `version` on the events written after it.
export type NotificationChannel = 'INBOX' | 'EMAIL' | 'DIGEST';

export interface EventTypeInfo {
  /** UK CDS DMS notification code, where one applies. */
  dms: string | null;
  /** What a person reads in the inbox (the subject's reference follows). */
  title: string;
  /** Default for people who have not chosen: INBOX (inbox only), EMAIL (inbox + e-mail) or DIGEST. */
  channel: NotificationChannel;
  /** Company-scoped events go to the company's administrators only (not to every colleague). */
  adminsOnly?: boolean;
  /** Also to customs' officer on duty for the declaration (find-officers-on-duty.ts), not only its parties. */
  officersOnDuty?: boolean;
}

export const EVENT_TYPES = {
  'declaration.submitted': { dms: 'DMSRCV', title: 'Declaration received', channel: 'INBOX' },
  'declaration.accepted': { dms: 'DMSACC', title: 'Declaration accepted', channel: 'INBOX' },
  // Lane YELLOW asks for documents (DMSDOC), RED for a physical check (DMSCTL); GREEN has no code.
  'declaration.lane_set': { dms: null, title: 'Risk lane set', channel: 'INBOX' },
  'declaration.under_control': { dms: 'DMSCTL', title: 'Declaration under control', channel: 'INBOX' },
  'declaration.query_raised': { dms: 'DMSQRY', title: 'Customs raised a query', channel: 'EMAIL' },
  'declaration.query_answered': { dms: null, title: 'Query answered', channel: 'INBOX' },
  'declaration.duties_assessed': { dms: 'DMSTAX', title: 'Duties assessed', channel: 'EMAIL' },
  'declaration.paid': { dms: null, title: 'Payment recorded', channel: 'INBOX' },
  'declaration.released': { dms: 'DMSROG', title: 'Goods released', channel: 'EMAIL' },
  'declaration.rejected': { dms: 'DMSREJ', title: 'Declaration rejected', channel: 'EMAIL' },
  'declaration.cancellation_requested': { dms: null, title: 'Cancellation requested', channel: 'INBOX' },
  'declaration.cancellation_refused': { dms: null, title: 'Cancellation refused', channel: 'INBOX' },
  'declaration.cancelled': { dms: 'DMSINV', title: 'Declaration cancelled', channel: 'INBOX' },
  'declaration.amended': { dms: 'DMSRES', title: 'Declaration amended', channel: 'INBOX' },
  'declaration.detained': { dms: 'DMSDET', title: 'Goods detained after a seal alert', channel: 'EMAIL' },
  'permit.info_requested': { dms: null, title: 'A permit agency asked a question', channel: 'EMAIL' },
  'permit.decided': { dms: null, title: 'Permit application decided', channel: 'EMAIL' },
  // The control's outcome and corrected amounts, never the officer's note; DMSTAX (duties changed) when it
  // raised additional duties, no DMS code otherwise (record-control-result.ts passes the code).
  'control_result.recorded': { dms: 'DMSTAX', title: 'Control result recorded', channel: 'EMAIL' },
  'document.attached': { dms: null, title: 'Document attached', channel: 'INBOX' },
  'seal_alert.raised': { dms: null, title: 'Seal alert raised', channel: 'EMAIL' },
  'seal_alert.acknowledged': { dms: null, title: 'Seal alert acknowledged', channel: 'INBOX' },
  // To the officer on duty (the officer holding the declaration, else every customs officer), and the declaration's parties.
  'gate.held': { dms: null, title: 'Container held at a terminal gate', channel: 'EMAIL', officersOnDuty: true },
  'invitation.sent': { dms: null, title: 'Invitation sent', channel: 'INBOX', adminsOnly: true },
  'api_token.expiring': { dms: null, title: 'API token expires soon', channel: 'EMAIL', adminsOnly: true },
  'webhook_endpoint.disabled': { dms: null, title: 'Webhook endpoint disabled', channel: 'EMAIL', adminsOnly: true },
} as const satisfies Record<string, EventTypeInfo>;

export type EventType = keyof typeof EVENT_TYPES;

export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(EVENT_TYPES, value);
}

/** DMSCLE (cleared) is not emitted: in Clearway a release is the final clearance (DMSROG). */
export const DMS_CODES = ['DMSRCV', 'DMSACC', 'DMSREJ', 'DMSCTL', 'DMSDOC', 'DMSQRY', 'DMSTAX', 'DMSROG', 'DMSCLE', 'DMSINV', 'DMSRES', 'DMSDET'] as const;
