// The gate reason codes (lib/gates/gate-checks.ts) the terminal page names in words, under
// `terminal.reason.*` in messages/<locale>.json. A code this list does not know yet (a check added
// later) is shown as it is.
const KNOWN = ['DECLARATION_NOT_RELEASED', 'PERMIT_MISSING', 'SEAL_BROKEN', 'SEAL_MISMATCH', 'OPEN_ALERT', 'SUSPECT_SCAN'] as const;

/** The reason's words from the page's `t` (namespace `terminal`), or the code itself. */
export function reasonLabel(t: (key: string) => string, code: string): string {
  return (KNOWN as readonly string[]).includes(code) ? t(`reason.${code}`) : code;
}
