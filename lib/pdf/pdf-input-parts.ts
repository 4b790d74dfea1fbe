// Pieces shared by the PDF input builders (build-declaration-pdf-input.ts, build-release-note-pdf-input.ts):
// parties, procedure labels and duty sums, exact to the cent (amounts are never floats here).
import type { Company, DutyLine } from '../generated/prisma/client';
import type { PdfWords } from './compose-pdf-words';
import type { PdfParty } from './render-declaration-pdf';

/**
 * Customs values and duties are in national currency (the exchange rate converts invoice amounts into
 * it). The demo administration's currency; a deployment elsewhere changes this one constant.
 */
export const NATIONAL_CURRENCY = 'EUR';

// Procedure names (the ones the demo declarations use; others print as their code) and tax names are in
// the catalogue: pdf.procedure.<code>, pdf.tax.<type>.
const TAX_ORDER = ['DUTY', 'EXCISE', 'VAT'];

export function partyOf(company: Company | null | undefined): PdfParty | null {
  if (!company) return null;
  return { name: company.name, eori: company.eori, address: [company.street, [company.postcode, company.city].filter(Boolean).join(' '), company.country] };
}

export function procedureOf(code: string | null, additional: string | null, words: PdfWords): string | null {
  if (!code) return null;
  const label = words.optional(`procedure.${code}`);
  return `${code}${additional ? ` ${additional}` : ''}${label ? `: ${label}` : ''}`;
}

const cents = (value: { toFixed(dp: number): string }) => BigInt(value.toFixed(2).replace('.', ''));
const fromCents = (value: bigint) => {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
};

/** Duty lines summed per tax type (exact: in cents), DUTY, EXCISE, VAT first. */
export function dutiesByTaxType(lines: DutyLine[], words: PdfWords): Array<{ taxType: string; description: string; amount: string }> {
  const sums = new Map<string, bigint>();
  for (const line of lines) sums.set(line.taxType, (sums.get(line.taxType) ?? 0n) + cents(line.amount));
  const rank = (t: string) => (TAX_ORDER.indexOf(t) + 1 || TAX_ORDER.length + 1);
  return [...sums]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([taxType, amount]) => ({ taxType, description: words.optional(`tax.${taxType}`) ?? taxType, amount: fromCents(amount) }));
}

export function sumAmounts(lines: DutyLine[]): string {
  return fromCents(lines.reduce((acc, l) => acc + cents(l.amount), 0n));
}
