// Short words for the gate reason codes (lib/gates/gate-checks.ts), for the terminal page's counts. A code
// this list does not know yet (a check added later) is shown as it is.
const LABEL: Record<string, string> = {
  DECLARATION_NOT_RELEASED: 'Declaration not released',
  PERMIT_MISSING: 'Permit not satisfied',
  SEAL_BROKEN: 'Seal broken or tampered',
  SEAL_MISMATCH: 'Seal does not match',
  OPEN_ALERT: 'Open alert',
  SUSPECT_SCAN: 'Suspect X-ray scan',
};

export function reasonLabel(code: string): string {
  return LABEL[code] ?? code;
}
