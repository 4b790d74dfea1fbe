// A demo national tariff: 8-digit lines on popular headings with duty, VAT and excise measures.
// Rates are illustrative (close to EU conventional rates), not legal advice. Goods without a national
// line pay no duty and the standard VAT rate (see compute-duties.ts).
type Measure = {
  tax: 'DUTY' | 'VAT' | 'EXCISE';
  kind: 'AD_VALOREM' | 'SPECIFIC' | 'COMPOUND';
  pct?: string;
  perUnit?: string;
  unit?: string;
  origin?: string;
};

export const STANDARD_VAT_PERCENT = '21';

export const DEMO_TARIFF: { code: string; description: string; unit?: string; measures: Measure[] }[] = [
  { code: '09011100', description: 'Coffee, not roasted, not decaffeinated', measures: [{ tax: 'DUTY', kind: 'AD_VALOREM', pct: '0' }, { tax: 'VAT', kind: 'AD_VALOREM', pct: '9' }] },
  {
    code: '09012100',
    description: 'Coffee, roasted, not decaffeinated',
    measures: [
      { tax: 'DUTY', kind: 'AD_VALOREM', pct: '7.5' },
      { tax: 'DUTY', kind: 'AD_VALOREM', pct: '0', origin: 'KE' },
      { tax: 'DUTY', kind: 'AD_VALOREM', pct: '0', origin: 'UG' },
      { tax: 'VAT', kind: 'AD_VALOREM', pct: '9' },
    ],
  },
  { code: '09012200', description: 'Coffee, roasted, decaffeinated', measures: [{ tax: 'DUTY', kind: 'AD_VALOREM', pct: '9' }, { tax: 'VAT', kind: 'AD_VALOREM', pct: '9' }] },
  { code: '84713000', description: 'Portable automatic data-processing machines, not more than 10 kg', unit: 'NAR', measures: [{ tax: 'DUTY', kind: 'AD_VALOREM', pct: '0' }] },
  { code: '85171300', description: 'Smartphones', unit: 'NAR', measures: [{ tax: 'DUTY', kind: 'AD_VALOREM', pct: '0' }] },
  {
    code: '61091000',
    description: 'T-shirts, singlets and other vests, of cotton, knitted',
    unit: 'NAR',
    measures: [{ tax: 'DUTY', kind: 'AD_VALOREM', pct: '12' }, { tax: 'DUTY', kind: 'AD_VALOREM', pct: '0', origin: 'BD' }, { tax: 'DUTY', kind: 'AD_VALOREM', pct: '9.6', origin: 'VN' }],
  },
  { code: '64039100', description: 'Footwear with leather uppers, covering the ankle', unit: 'PR', measures: [{ tax: 'DUTY', kind: 'AD_VALOREM', pct: '8' }] },
  {
    code: '22042100',
    description: 'Wine of fresh grapes, in containers of 2 litres or less',
    unit: 'LTR',
    measures: [
      { tax: 'DUTY', kind: 'SPECIFIC', perUnit: '0.1310', unit: 'LTR' },
      { tax: 'DUTY', kind: 'AD_VALOREM', pct: '0', origin: 'CL' },
      { tax: 'EXCISE', kind: 'SPECIFIC', perUnit: '0.8800', unit: 'LTR' },
    ],
  },
  { code: '17019910', description: 'White cane or beet sugar', measures: [{ tax: 'DUTY', kind: 'SPECIFIC', perUnit: '0.4190', unit: 'KGM' }, { tax: 'VAT', kind: 'AD_VALOREM', pct: '9' }] },
  { code: '18069019', description: 'Chocolate and other food preparations containing cocoa, in blocks', measures: [{ tax: 'DUTY', kind: 'COMPOUND', pct: '8.3', perUnit: '0.2500', unit: 'KGM' }, { tax: 'VAT', kind: 'AD_VALOREM', pct: '9' }] },
  { code: '02013000', description: 'Fresh or chilled boneless bovine meat', measures: [{ tax: 'DUTY', kind: 'COMPOUND', pct: '12.8', perUnit: '3.0340', unit: 'KGM' }, { tax: 'VAT', kind: 'AD_VALOREM', pct: '9' }] },
  { code: '02023090', description: 'Frozen boneless bovine meat, other cuts', measures: [{ tax: 'DUTY', kind: 'COMPOUND', pct: '12.8', perUnit: '2.2110', unit: 'KGM' }, { tax: 'VAT', kind: 'AD_VALOREM', pct: '9' }] },
  { code: '07032000', description: 'Garlic, fresh or chilled', measures: [{ tax: 'DUTY', kind: 'COMPOUND', pct: '9.6', perUnit: '1.2000', unit: 'KGM' }, { tax: 'VAT', kind: 'AD_VALOREM', pct: '9' }] },
  { code: '08039010', description: 'Bananas, fresh', measures: [{ tax: 'DUTY', kind: 'SPECIFIC', perUnit: '0.1140', unit: 'KGM' }, { tax: 'DUTY', kind: 'SPECIFIC', perUnit: '0.0750', unit: 'KGM', origin: 'CO' }, { tax: 'VAT', kind: 'AD_VALOREM', pct: '9' }] },
  { code: '87032310', description: 'Motor cars, spark-ignition, 1,500 to 3,000 cm3', unit: 'NAR', measures: [{ tax: 'DUTY', kind: 'AD_VALOREM', pct: '10' }] },
  { code: '40111000', description: 'New pneumatic tyres of rubber, for motor cars', unit: 'NAR', measures: [{ tax: 'DUTY', kind: 'AD_VALOREM', pct: '4.5' }] },
  { code: '94036010', description: 'Wooden furniture for dining rooms and living rooms', measures: [{ tax: 'DUTY', kind: 'AD_VALOREM', pct: '0' }] },
  { code: '39269097', description: 'Other articles of plastics', measures: [{ tax: 'DUTY', kind: 'AD_VALOREM', pct: '6.5' }] },
  { code: '73181595', description: 'Screws and bolts of iron or steel', measures: [{ tax: 'DUTY', kind: 'AD_VALOREM', pct: '3.7' }] },
  { code: '30049000', description: 'Medicaments in measured doses, other', measures: [{ tax: 'DUTY', kind: 'AD_VALOREM', pct: '0' }, { tax: 'VAT', kind: 'AD_VALOREM', pct: '9' }] },
  { code: '36041000', description: 'Fireworks', measures: [{ tax: 'DUTY', kind: 'AD_VALOREM', pct: '6.5' }] },
  { code: '93040000', description: 'Other arms (spring, air or gas guns)', unit: 'NAR', measures: [{ tax: 'DUTY', kind: 'AD_VALOREM', pct: '3.2' }] },
];
