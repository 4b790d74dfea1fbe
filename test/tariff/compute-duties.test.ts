// Duty arithmetic on hand-built tariff lines: every expected amount below is computed by hand.
import { describe, expect, it } from 'vitest';

import { computeItemDuties, quantityProblems, resolveTariffLine, type DutyItem, type LineWithMeasures, type TariffMeasure } from '../../lib/tariff/compute-duties';

const m = (over: Partial<TariffMeasure>): TariffMeasure => ({ taxType: 'DUTY', kind: 'AD_VALOREM', adValoremRate: null, specificRate: null, specificUnit: null, originCountry: null, ...over });
const line = (measures: TariffMeasure[], supplementaryUnit: string | null = null): LineWithMeasures => ({ code: '99999999', hsCode: '999999', description: 'Test line', supplementaryUnit, measures });
const item = (over: Partial<DutyItem> = {}): DutyItem => ({ commodityCode: '99999999', originCountry: 'BR', netMass: '100', customsValue: '1000.00', ...over });

/** [taxType, base, rate, amount] per computed line, as strings. */
const lines = (i: DutyItem, l: LineWithMeasures | null) => computeItemDuties(i, l).map((d) => [d.taxType, d.base.toFixed(2), d.rate, d.amount.toFixed(2)]);

const coffee = line([m({ adValoremRate: '7.5' }), m({ adValoremRate: '0', originCountry: 'KE' }), m({ taxType: 'VAT', adValoremRate: '9' })]);

describe('computeItemDuties', () => {
  it('ad valorem: duty on the customs value, VAT on value + duty', () => {
    // 7.5 % of 1000.00 = 75.00; VAT 9 % of 1075.00 = 96.75
    expect(lines(item(), coffee)).toEqual([
      ['DUTY', '1000.00', '7.5 %', '75.00'],
      ['VAT', '1075.00', '9 %', '96.75'],
    ]);
  });

  it('preferential by origin only when a preference (3xx) is claimed', () => {
    expect(lines(item({ originCountry: 'KE', preferenceCode: '300' }), coffee)).toEqual([
      ['DUTY', '1000.00', '0 % (preference KE)', '0.00'],
      ['VAT', '1000.00', '9 %', '90.00'],
    ]);
    // Not claimed: erga omnes, even from a preferential origin.
    expect(lines(item({ originCountry: 'KE', preferenceCode: '100' }), coffee)[0]).toEqual(['DUTY', '1000.00', '7.5 %', '75.00']);
    // Claimed from an origin without a preference: erga omnes.
    expect(lines(item({ originCountry: 'UG', preferenceCode: '300' }), coffee)[0]).toEqual(['DUTY', '1000.00', '7.5 %', '75.00']);
  });

  it('specific per kilogram: on the net mass', () => {
    const sugar = line([m({ kind: 'SPECIFIC', specificRate: '0.4190', specificUnit: 'KGM' }), m({ taxType: 'VAT', adValoremRate: '9' })]);
    // 0.4190 × 1000 kg = 419.00 (base: the quantity); VAT 9 % of (500.00 + 419.00) = 82.71
    expect(lines(item({ netMass: '1000', supplementaryQuantity: '7', customsValue: '500.00' }), sugar)).toEqual([
      ['DUTY', '1000.00', '0.4190 per KGM', '419.00'],
      ['VAT', '919.00', '9 %', '82.71'],
    ]);
  });

  it('specific per supplementary unit, with excise, and VAT at the standard rate on value + duty + excise', () => {
    const wine = line(
      [
        m({ kind: 'SPECIFIC', specificRate: '0.1310', specificUnit: 'LTR' }),
        m({ adValoremRate: '0', originCountry: 'CL' }),
        m({ taxType: 'EXCISE', kind: 'SPECIFIC', specificRate: '0.8800', specificUnit: 'LTR' }),
      ],
      'LTR',
    );
    // duty 0.1310 × 750 l = 98.25; excise 0.8800 × 750 l = 660.00; VAT 21 % of 3758.25 = 789.2325 → 789.23
    expect(lines(item({ netMass: '800', supplementaryQuantity: '750', customsValue: '3000.00' }), wine)).toEqual([
      ['DUTY', '750.00', '0.1310 per LTR', '98.25'],
      ['EXCISE', '750.00', '0.8800 per LTR', '660.00'],
      ['VAT', '3758.25', '21 %', '789.23'],
    ]);
    // A preference removes the duty, not the excise: VAT 21 % of 3660.00 = 768.60
    expect(lines(item({ originCountry: 'CL', preferenceCode: '300', netMass: '800', supplementaryQuantity: '750', customsValue: '3000.00' }), wine)).toEqual([
      ['DUTY', '3000.00', '0 % (preference CL)', '0.00'],
      ['EXCISE', '750.00', '0.8800 per LTR', '660.00'],
      ['VAT', '3660.00', '21 %', '768.60'],
    ]);
  });

  it('compound: ad valorem plus specific', () => {
    const chocolate = line([m({ kind: 'COMPOUND', adValoremRate: '8.3', specificRate: '0.2500', specificUnit: 'KGM' }), m({ taxType: 'VAT', adValoremRate: '9' })]);
    // 8.3 % of 2000.00 = 166.00, + 0.25 × 400 kg = 100.00 → 266.00; VAT 9 % of 2266.00 = 203.94
    expect(lines(item({ netMass: '400', customsValue: '2000.00' }), chocolate)).toEqual([
      ['DUTY', '2000.00', '8.3 % + 0.2500 per KGM', '266.00'],
      ['VAT', '2266.00', '9 %', '203.94'],
    ]);
  });

  it('rounds each amount half up to the cent, and VAT on the rounded duty', () => {
    const l = line([m({ adValoremRate: '12.5' })]);
    // 12.5 % of 0.20 = 0.025 → 0.03 (half up; half-even would give 0.02); VAT 21 % of 0.23 = 0.0483 → 0.05
    expect(lines(item({ customsValue: '0.20' }), l)).toEqual([
      ['DUTY', '0.20', '12.5 %', '0.03'],
      ['VAT', '0.23', '21 %', '0.05'],
    ]);
  });

  it('without a national line: no duty, standard VAT', () => {
    expect(lines(item({ customsValue: '100.00' }), null)).toEqual([
      ['DUTY', '100.00', '0 % (no national measure)', '0.00'],
      ['VAT', '100.00', '21 %', '21.00'],
    ]);
  });
});

describe('resolveTariffLine and quantityProblems', () => {
  const wine = { ...line([], 'LTR'), code: '22042100', hsCode: '220421' };
  const tariff = { byCode: new Map([[wine.code, wine]]), byHs: new Map([[wine.hsCode, [wine]]]) };

  it('asks for the national line of a divided subheading, and refuses a line that does not exist', () => {
    expect(resolveTariffLine('220421', tariff)).toEqual({ line: null, problem: '2204.21 is divided in the national tariff: give one of its lines (22042100).' });
    expect(resolveTariffLine('090121', tariff)).toEqual({ line: null });
    expect(resolveTariffLine('2204210010', tariff)).toEqual({ line: wine });
    expect(resolveTariffLine('22042199', tariff).problem).toBe('22042199 is not a line of the national tariff.');
  });

  it('needs the supplementary quantity in the unit of the line', () => {
    expect(quantityProblems({ supplementaryQuantity: '750', supplementaryUnit: 'LTR' }, wine, ['items', '0'])).toEqual([]);
    expect(quantityProblems({ supplementaryQuantity: '750', supplementaryUnit: 'NAR' }, wine, ['items', '0'])).toEqual([
      { path: ['items', '0', 'supplementaryQuantity'], code: 'required', message: 'Line 22042100 needs the supplementary quantity in LTR.' },
    ]);
    expect(quantityProblems({}, wine, ['items', '1'])[0]!.path).toEqual(['items', '1', 'supplementaryQuantity']);
    expect(quantityProblems({}, null, ['items', '0'])).toEqual([]);
  });
});
