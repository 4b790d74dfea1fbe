// The code lists of the single window. LPCO types are UN/EDIFACT data element 1001 "Document name code"
// (UNTDID, the list the WCO Data Model uses for LPCO/type); only the codes the rules use are listed,
// with their UNTDID names. Pure: shared by the portal's forms and the server.
import { isCountryCode } from '../declarations/codes';
import type { FieldError } from '../errors';
import { cataloguedMessage } from '../i18n/catalogued-message';

export const DOCUMENT_CODE_LIST = 'UN/EDIFACT 1001 (UNTDID D.21B) document name code';

/** UN/EDIFACT 1001 code → name. CITES permits and medicines authorisations have no own code: they are import (911) or export (811) licences. */
export const DOCUMENT_CODES: Record<string, string> = {
  '2': 'Certificate of conformity',
  '811': 'Export licence',
  '851': 'Phytosanitary certificate',
  '852': 'Sanitary certificate',
  '853': 'Veterinary certificate',
  '861': 'Certificate of origin',
  '911': 'Import licence',
};

export function documentName(code: string): string {
  return DOCUMENT_CODES[code] ?? `Document ${code}`;
}

/**
 * Why a filer says a MAY_BE_REQUIRED requirement does not apply (after the disclaim model of the US ACE
 * partner-agency message set: a code the agency sees, with a free-text reason).
 */
export const DISCLAIM_CODES: Record<string, string> = {
  A: 'Product not regulated by this agency (e.g. not of the species or use the rule covers).',
  B: 'Exempt under the agency’s guidance (e.g. samples, personal use, research).',
  C: 'Requirement met otherwise (e.g. the product was already certified on entry into the union).',
};

export const AGENCY_KIND_LABELS = {
  VETERINARY: 'Veterinary',
  PLANT_HEALTH: 'Plant health',
  HEALTH: 'Health and medicines',
  CONFORMITY: 'Standards and conformity',
  WILDLIFE: 'Wildlife (CITES)',
  STRATEGIC_GOODS: 'Dual-use and strategic goods',
  OTHER: 'Other',
} as const;

/** UN/ECE Recommendation 20 units a quantity-managed permit may count in. */
export const QUANTITY_UNITS = { KGM: 'kilograms', NAR: 'number of articles', LTR: 'litres' } as const;

export const HS_PREFIX = /^(\d{2}|\d{4}|\d{6}|\d{8}|\d{10})$/;

/** A commodity code as filers write it ("0202.30 10", "02023010") → digits only. */
export function normaliseCommodityCode(code: string): string {
  return code.replace(/[\s.]/g, '');
}

/** The prefixes a rule may be written at for this code: chapter, heading, subheading, national lines. */
export function hsPrefixesOf(code: string): string[] {
  return [2, 4, 6, 8, 10].filter((n) => code.length >= n).map((n) => code.slice(0, n));
}

/** Field errors for a commodity code and an origin of a lookup (empty when both are fine). */
export function lookupProblems(commodityCode: string, originCountry: string | null | undefined, path: string[] = []): FieldError[] {
  const problems: FieldError[] = [];
  if (!/^\d{2,10}$/.test(normaliseCommodityCode(commodityCode))) {
    problems.push({ path: [...path, 'commodityCode'], code: 'INVALID', ...cataloguedMessage('permits.commodityCodeFormat') });
  }
  if (originCountry != null && originCountry !== '' && !isCountryCode(originCountry.toUpperCase())) {
    problems.push({ path: [...path, 'originCountry'], code: 'INVALID', ...cataloguedMessage('permits.originNotCountry', { country: originCountry }) });
  }
  return problems;
}
