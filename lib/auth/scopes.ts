// What an API token may do. A token acts for its company and only within its scopes; a signed-in person
// has no scopes (their role decides). The list is the public contract shown in the portal and the API docs.

export const SCOPES = {
  'declarations:read': 'Read the company’s declarations, their duties, risk outcome and history.',
  'declarations:write': 'Create, amend, submit and cancel declarations; answer customs queries.',
  'documents:read': 'Download the documents attached to the company’s declarations.',
  'documents:write': 'Upload documents and attach them to the company’s declarations.',
  'tracking:read': 'Read shipments, seal status, tracking timelines and alerts.',
  'events:write': 'Report electronic-seal events (EPCIS 2.0 capture, recordSealEvents).',
  'permits:read': 'Read the company’s permit applications, permits (with balances) and declarations’ permit requirements.',
  'permits:write': 'Apply for permits, submit applications, answer agencies’ questions, cite permits on declarations.',
  'scans:write': 'Post X-ray scans (POST /api/scans): carried by scanning stations’ device tokens (lib/scans/register-scan-station.ts).',
  'gate:decide': 'Ask for terminal gate decisions (gateDecision, POST /api/gate/decision) and read the company’s gate events.',
  'notifications:read': 'Pull the company’s notifications (pendingNotifications, acknowledgeNotifications) and subscribe to declarationEvents.',
} as const;

export type Scope = keyof typeof SCOPES;

export const SCOPE_NAMES = Object.keys(SCOPES) as Scope[];

export function isScope(value: string): value is Scope {
  return Object.hasOwn(SCOPES, value);
}
