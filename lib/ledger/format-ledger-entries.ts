// The canonical entry texts of items to anchor (entry-format.ts), with every field checked: the one
// validation shared by anchoring (pending entries) and direct appends.
import { AppError, type FieldError } from '../errors';
import type { LedgerEntryInput } from './append-ledger-entries';
import { ENTRY_REF, formatLedgerEntry, LEDGER_ENTRY_KINDS, SHA256_HEX } from './entry-format';

const KINDS = new Set<string>(LEDGER_ENTRY_KINDS);

/** The canonical entry texts, or BAD_USER_INPUT naming each invalid field (the first 20). */
export function formatLedgerEntries(entries: readonly LedgerEntryInput[]): string[] {
  const now = new Date().toISOString();
  const problems: FieldError[] = [];
  const texts = entries.map((e, i) => {
    const sha256 = typeof e.sha256 === 'string' ? e.sha256.toLowerCase() : '';
    const at = e.at === undefined ? now : e.at instanceof Date && !Number.isNaN(e.at.getTime()) ? e.at.toISOString() : '';
    if (problems.length < 20) {
      const path = (field: string) => ['entries', String(i), field];
      if (!KINDS.has(e.kind)) problems.push({ path: path('kind'), code: 'INVALID', message: `Must be one of ${LEDGER_ENTRY_KINDS.join(', ')}.` });
      if (!SHA256_HEX.test(sha256)) problems.push({ path: path('sha256'), code: 'INVALID', message: 'Must be a SHA-256 as 64 hexadecimal digits.' });
      if (typeof e.ref !== 'string' || !ENTRY_REF.test(e.ref)) problems.push({ path: path('ref'), code: 'INVALID', message: 'Must be 1 to 200 printable ASCII characters.' });
      if (!/^\d{4}-/.test(at)) problems.push({ path: path('at'), code: 'INVALID', message: 'Must be a valid time between the years 0 and 9999.' });
    }
    return formatLedgerEntry({ at, kind: e.kind, ref: e.ref, sha256 });
  });
  if (problems.length) throw new AppError('BAD_USER_INPUT', 'Some ledger entries are invalid.', { fieldErrors: problems });
  return texts;
}
