import { describe, expect, it } from 'vitest';

import { estimateDuties } from '../../lib/tariff/estimate-duties';

describe('estimateDuties', () => {
  it('applies a claimed preference and specific rates', async () => {
    const estimate = await estimateDuties({
      items: [
        { commodityCode: '09012100', originCountry: 'KE', preferenceCode: '300', netMass: '100', itemPrice: '1000' },
        { commodityCode: '09012100', originCountry: 'KE', preferenceCode: '100', netMass: '100', itemPrice: '1000' },
        { commodityCode: '17019910', originCountry: 'BR', netMass: '1000', itemPrice: '500' },
      ],
    });
    const duty = (i: number) => estimate.items[i]!.lines.find((l) => l.taxType === 'DUTY')!;
    expect([duty(0).rate, duty(0).amount.toFixed(2)]).toEqual(['0 % (preference KE)', '0.00']);
    expect([duty(1).rate, duty(1).amount.toFixed(2)]).toEqual(['7.5 %', '75.00']);
    expect([duty(2).rate, duty(2).amount.toFixed(2)]).toEqual(['0.4190 per KGM', '419.00']);
  });

  it('values the items (freight shared, exchange rate applied) before the duty arithmetic', async () => {
    const estimate = await estimateDuties({
      exchangeRate: '0.5',
      freight: '100',
      items: [
        { commodityCode: '09012100', originCountry: 'BR', netMass: '100', itemPrice: '1000' },
        { commodityCode: '18069019', originCountry: 'GH', netMass: '200', itemPrice: '1000' },
      ],
    });
    // Each item: (1000 + 50) × 0.5 = 525.00.
    // Coffee: duty 7.5 % = 39.375 → 39.38; VAT 9 % of 564.38 = 50.7942 → 50.79; total 90.17.
    // Chocolate: 8.3 % = 43.575, + 0.25 × 200 kg = 50 → 93.575 → 93.58; VAT 9 % of 618.58 = 55.6722 → 55.67; total 149.25.
    expect(estimate.items.map((i) => [i.customsValue.toFixed(2), i.lines.map((l) => l.amount.toFixed(2)), i.total.toFixed(2)])).toEqual([
      ['525.00', ['39.38', '50.79'], '90.17'],
      ['525.00', ['93.58', '55.67'], '149.25'],
    ]);
    expect(estimate.total.toFixed(2)).toBe('239.42');
  });

  it('asks for the supplementary quantity the line is charged on', async () => {
    await expect(estimateDuties({ items: [{ commodityCode: '22042100', originCountry: 'FR', netMass: '800', itemPrice: '3000' }] })).rejects.toMatchObject({
      details: { fieldErrors: [{ path: ['items', '0', 'supplementaryQuantity'] }] },
    });
  });

  it('names the item whose code is not in the tariff', async () => {
    await expect(estimateDuties({ items: [{ commodityCode: '0901', originCountry: 'KE', netMass: '1', itemPrice: '1' }] })).rejects.toMatchObject({
      details: { fieldErrors: [{ path: ['items', '0', 'commodityCode'] }] },
    });
  });
});
