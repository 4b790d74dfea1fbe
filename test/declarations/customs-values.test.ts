// CIF customs values: every expected amount below is computed by hand.
import { describe, expect, it } from 'vitest';

import { customsValues } from '../../lib/declarations/customs-values';

const values = (args: Parameters<typeof customsValues>[0]) => customsValues(args).map((v) => v.toFixed(2));

describe('customsValues', () => {
  it('adds freight and insurance in proportion to the prices, then converts to national currency', () => {
    // extra 800 + 40 = 840, shares 9000/12000 and 3000/12000: (9000 + 630) × 0.92 = 8859.60, (3000 + 210) × 0.92 = 2953.20
    expect(values({ itemPrices: ['9000.00', '3000.00'], invoiceAmount: '12000.00', freight: '800.00', insurance: '40.00', exchangeRate: '0.920000' })).toEqual(['8859.60', '2953.20']);
  });

  it('shares by the invoice total, not the sum of the item prices', () => {
    // shares 100/400 and 300/400 of 40: 100 + 10 = 110.00, 300 + 30 = 330.00
    expect(values({ itemPrices: ['100', '300'], invoiceAmount: '400', freight: '40', exchangeRate: '1' })).toEqual(['110.00', '330.00']);
    // invoice 500 (another charge on it): 100 + 8 = 108.00, 300 + 24 = 324.00
    expect(values({ itemPrices: ['100', '300'], invoiceAmount: '500', freight: '40', exchangeRate: '1' })).toEqual(['108.00', '324.00']);
  });

  it('shares by count when the invoice total is zero', () => {
    // 100 / 3 = 33.333… each
    expect(values({ itemPrices: ['0', '0', '0'], invoiceAmount: '0', freight: '100', exchangeRate: '1' })).toEqual(['33.33', '33.33', '33.33']);
  });

  it('without freight or insurance: the price at the exchange rate, rounded half up to the cent', () => {
    expect(values({ itemPrices: ['100.00'], invoiceAmount: '100.00', exchangeRate: '1.5' })).toEqual(['150.00']);
    // 0.01 × 0.5 = 0.005 → 0.01 (half up; half-even would give 0.00); 2.5 × 1.001 = 2.5025 → 2.50
    expect(values({ itemPrices: ['0.01', '2.5'], invoiceAmount: '2.51', freight: null, insurance: null, exchangeRate: '0.5' })).toEqual(['0.01', '1.25']);
    expect(values({ itemPrices: ['2.5'], invoiceAmount: '2.5', exchangeRate: '1.001' })).toEqual(['2.50']);
  });
});
