// Code lists and check-character algorithms of the customs domain. Browser-safe: the portal's forms
// validate with the same rules.

import currencyCodes from 'currency-codes';
import countries from 'i18n-iso-countries';

/** EORI-style identifier: ISO country code then 1 to 15 printable ASCII characters. */
export const EORI = /^[A-Z]{2}[\x21-\x7E]{1,15}$/;
/** UN/LOCODE: country code and 3 letters or digits 2-9. */
export const UN_LOCODE = /^[A-Z]{2}[A-Z2-9]{3}$/;
/** Customs office reference number: country code and 6 characters (e.g. NL000396). */
export const CUSTOMS_OFFICE = /^[A-Z]{2}[A-Z0-9]{6}$/;

export const INCOTERMS_2020 = ['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF'] as const;
export const ADDITIONAL_TYPES = ['A', 'D', 'Y', 'Z'] as const;
/** UN Recommendation 19 modes of transport. */
export const TRANSPORT_MODES: Record<number, string> = {
  1: 'Maritime',
  2: 'Rail',
  3: 'Road',
  4: 'Air',
  5: 'Postal consignment',
  7: 'Fixed transport installations',
  8: 'Inland waterway',
  9: 'Own propulsion',
};

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/**
 * ISO 4217 codes that name no currency a price can be invoiced in: precious metals (XAU, XAG, XPD,
 * XPT), units of account and bond-market units (XDR, XSU, XUA, XBA–XBD), the testing code (XTS) and
 * "no currency" (XXX). The code list carries them, so they must be refused by name.
 */
export const NON_CURRENCY_CODES: ReadonlySet<string> = new Set(['XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XPD', 'XPT', 'XSU', 'XTS', 'XUA', 'XXX']);

/** An ISO 4217 currency an invoice can be in (see NON_CURRENCY_CODES for the codes that are not). */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && !NON_CURRENCY_CODES.has(code) && currencyCodes.code(code) !== undefined;
}

// ISO 6346 letter values: A=10 upwards, skipping multiples of 11.
const LETTER_VALUES = (() => {
  const values: Record<string, number> = {};
  let v = 10;
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (v % 11 === 0) v++;
    values[letter] = v++;
  }
  return values;
})();

/** The ISO 6346 check digit over the given characters (weights 2^position, mod 11, 10 → 0). */
export function iso6346CheckDigit(chars: string): number {
  let sum = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const value = /\d/.test(c) ? Number(c) : LETTER_VALUES[c];
    if (value === undefined) throw new Error(`Invalid character ${c}`);
    sum += value * 2 ** i;
  }
  return (sum % 11) % 10;
}

/** ISO 6346 container number: 3-letter owner, category U/J/Z, 6 digits, check digit. */
export function containerNumberProblem(value: string): string | null {
  if (!/^[A-Z]{3}[UJZ]\d{7}$/.test(value)) {
    return 'A container number is 4 capital letters (owner code and U, J or Z) then 7 digits, e.g. CSQU3054383.';
  }
  const expected = iso6346CheckDigit(value.slice(0, 10));
  return Number(value[10]) === expected ? null : `Check digit should be ${expected}, not ${value[10]}: is a character mistyped?`;
}
