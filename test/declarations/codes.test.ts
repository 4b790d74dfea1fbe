import { describe, expect, it } from 'vitest';

import { containerNumberProblem, isCountryCode, isCurrencyCode, iso6346CheckDigit } from '../../lib/declarations/codes';
import { generateMrn, isValidMrn } from '../../lib/declarations/mrn';

describe('ISO 6346 container numbers', () => {
  it("accepts the standard's own example, CSQU3054383", () => {
    expect(containerNumberProblem('CSQU3054383')).toBeNull();
    expect(iso6346CheckDigit('CSQU305438')).toBe(3);
  });
  it('names the expected check digit when it is wrong', () => {
    expect(containerNumberProblem('CSQU3054384')).toBe('Check digit should be 3, not 4: is a character mistyped?');
  });
  it('explains the format when it is not a container number', () => {
    expect(containerNumberProblem('CSQ3054383')).toMatch(/4 capital letters/);
    expect(containerNumberProblem('csqu3054383')).toMatch(/4 capital letters/);
  });
  it('maps check remainder 10 to 0', () => {
    // Remainder 10 is the case that distinguishes "mod 11 mod 10" from plain "mod 11".
    const owner = 'AAAU';
    let found = false;
    for (let serial = 0; serial < 1000 && !found; serial++) {
      const body = `${owner}${String(serial).padStart(6, '0')}`;
      let sum = 0;
      [...body].forEach((c, i) => {
        sum += (/\d/.test(c) ? Number(c) : 10) * 2 ** i;
      });
      if (sum % 11 === 10) {
        expect(iso6346CheckDigit(body)).toBe(0);
        found = true;
      }
    }
    expect(found).toBe(true);
  });
});

describe('MRN', () => {
  it('generates 18 characters with a valid check character', () => {
    for (let i = 0; i < 50; i++) {
      const mrn = generateMrn('NL', new Date('2026-11-26T00:00:00Z'));
      expect(mrn).toMatch(/^26NL[A-Z0-9]{13}\d$/);
      expect(isValidMrn(mrn)).toBe(true);
    }
  });
  it('rejects a wrong check character', () => {
    const mrn = generateMrn('NL');
    const wrong = mrn.slice(0, 17) + String((Number(mrn[17]) + 1) % 10);
    expect(isValidMrn(wrong)).toBe(false);
  });
});

describe('code lists', () => {
  it('knows ISO 3166 countries and ISO 4217 currencies', () => {
    expect(isCountryCode('NL')).toBe(true);
    expect(isCountryCode('XX')).toBe(false);
    expect(isCountryCode('nl')).toBe(false);
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('EUD')).toBe(false);
  });
  it('refuses the ISO 4217 codes that are no currency, and keeps the X-codes that are', () => {
    for (const code of ['XXX', 'XAU', 'XAG', 'XPD', 'XPT', 'XTS', 'XDR', 'XBA', 'XBB', 'XBC', 'XBD', 'XSU', 'XUA']) expect(isCurrencyCode(code), code).toBe(false);
    for (const code of ['XAF', 'XOF', 'XPF', 'XCD']) expect(isCurrencyCode(code), code).toBe(true);
  });
});
