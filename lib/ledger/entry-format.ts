// The bytes of a ledger entry (the leaf data of RFC 9162): ASCII JSON with exactly four string members
// in this order and no whitespace,
//   {"at":"2026-11-26T12:00:00.000Z","kind":"document","ref":"<ref>","sha256":"<64 lowercase hex>"}
// which is also its RFC 8785 (JCS) canonical form. Pure: runs in the browser (the /verify page) too.

/** What can be anchored. The parser accepts any kind of the same shape, so older verifiers read newer entries. */
export const LEDGER_ENTRY_KINDS = ['document', 'pdf', 'declaration-version', 'decision', 'scan-image', 'scan-verdict'] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

export interface LedgerEntryFields {
  /** When the item was anchored: ISO 8601 UTC with milliseconds. */
  at: string;
  kind: string;
  /** Which record the item belongs to (a declaration id, a document id, an MRN…): printable ASCII, 1–200 characters. */
  ref: string;
  /** SHA-256 of the anchored item, lowercase hex. */
  sha256: string;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
export const ENTRY_REF = /^[\x20-\x7e]{1,200}$/;
const KIND = /^[a-z][a-z0-9-]{0,39}$/;
const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The canonical text of an entry (ASCII, so its UTF-8 bytes are its characters). Fields must be valid. */
export function formatLedgerEntry(fields: LedgerEntryFields): string {
  // Valid at, kind and sha256 have nothing JSON escapes; ref may hold '"' or '\\'.
  return `{"at":"${fields.at}","kind":"${fields.kind}","ref":${JSON.stringify(fields.ref)},"sha256":"${fields.sha256}"}`;
}

/** Why the fields cannot form an entry, or null when they can. */
export function ledgerEntryProblem(fields: LedgerEntryFields): { field: keyof LedgerEntryFields; message: string } | null {
  if (typeof fields.at !== 'string' || !AT.test(fields.at) || Number.isNaN(Date.parse(fields.at))) return { field: 'at', message: 'Must be an ISO 8601 UTC time with milliseconds.' };
  if (typeof fields.kind !== 'string' || !KIND.test(fields.kind)) return { field: 'kind', message: 'Must be a lowercase kind such as "document".' };
  if (typeof fields.ref !== 'string' || !ENTRY_REF.test(fields.ref)) return { field: 'ref', message: 'Must be 1 to 200 printable ASCII characters.' };
  if (typeof fields.sha256 !== 'string' || !SHA256_HEX.test(fields.sha256)) return { field: 'sha256', message: 'Must be a SHA-256 as 64 lowercase hexadecimal digits.' };
  return null;
}

/** The fields of an entry's bytes, or null when the bytes are not a canonical entry. */
export function parseLedgerEntry(bytes: Uint8Array | string): LedgerEntryFields | null {
  let text: string;
  try {
    text = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { at, kind, ref, sha256 } = value as Record<string, unknown>;
  const fields = { at, kind, ref, sha256 } as LedgerEntryFields;
  if (ledgerEntryProblem(fields)) return null;
  // Canonical: the same fields always have the same bytes, so one item has one leaf hash per anchoring.
  return formatLedgerEntry(fields) === text ? fields : null;
}
