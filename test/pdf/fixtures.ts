// Sample inputs for the PDF renderers, shaped as the lead's mapping from database rows will produce them.
import type { DeclarationPdfData, DeclarationPdfItem } from '../../lib/pdf/render-declaration-pdf';
import type { ReleaseNotePdfData } from '../../lib/pdf/render-release-note-pdf';

export const VERSION_HASH = '3f5a0c9e2b7d41e8a6c0f1d2e3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f30';
export const DECISION_HASH = 'c0ffee0000000000000000000000000000000000000000000000000000c0ffee';

const descriptions = [
  'Portable automatic data-processing machines (laptops), weighing not more than 10 kg, with keyboard and display',
  'Roasted coffee, not decaffeinated, in beans',
  'Lithium-ion accumulators',
  'Cotton T-shirts, knitted, for men — sizes S to XXL — printed with the Zürich Łódź Øresund logo',
];

export function item(n: number): DeclarationPdfItem {
  return {
    itemNumber: n,
    commodityCode: ['84713000', '09012100', '85076000', '61091000'][n % 4]!,
    description: descriptions[n % 4]!,
    originCountry: ['CN', 'KE', 'KR', 'TR'][n % 4]!,
    packages: `${10 + (n % 7)} CT`,
    netMassKg: (100 + n * 3.25).toFixed(2),
    grossMassKg: (110 + n * 3.5).toFixed(2),
    customsValue: (12_500 + n * 101.1).toFixed(2),
    duties: (1_234.5 + n * 7.3).toFixed(2),
  };
}

export function declaration(itemCount: number): DeclarationPdfData {
  return {
    lrn: 'RTM-2026-0042',
    mrn: '26NL000000000012A3',
    declarationType: 'IM A (import, standard)',
    status: 'RELEASED',
    version: 2,
    procedure: '4000: release for free circulation',
    deliveryTerms: 'CIF Rotterdam',
    submittedAt: new Date('2026-11-25T09:12:00Z'),
    acceptedAt: new Date('2026-11-25T09:12:30Z'),
    parties: {
      exporter: { name: 'Shenzhen Bright Electronics Co., Ltd.', eori: 'CN440300123456789', address: ['88 Keji Road, Nanshan District', '518057 Shenzhen', 'China'] },
      importer: { name: 'Rotterdam Importers B.V.', eori: 'NL123456789', address: ['Waalhaven Zuidzijde 19', '3089 JH Rotterdam', 'Netherlands'] },
      declarant: { name: 'Delta Customs Brokers B.V.', eori: 'NL987654321', address: ['Blaak 16', '3011 TA Rotterdam', 'Netherlands'] },
      representative: { name: 'Delta Customs Brokers B.V.', eori: 'NL987654321', capacity: 'direct (2)' },
    },
    transport: {
      mode: '1: sea',
      document: 'B/L MAEU123456789',
      meansOfTransport: 'MAERSK ELBA (IMO 9456771)',
      containers: [
        { number: 'MSKU1234565', seals: ['SL-00981', 'SL-00982'] },
        { number: 'TGHU7654321', seals: ['SL-00983'] },
      ],
      offices: [
        { role: 'Office of lodgement', code: 'NL000396', name: 'Rotterdam Maasvlakte' },
        { role: 'Office of entry', code: 'NL000396', name: 'Rotterdam Maasvlakte' },
        { role: 'Supervising office', code: 'NL000510', name: 'Rotterdam Rijnmond' },
      ],
    },
    valuation: { invoiceCurrency: 'USD', invoiceAmount: '1250000.00', exchangeRate: '0.9215', freight: '2000.00', insurance: '350.00' },
    items: Array.from({ length: itemCount }, (_, i) => item(i + 1)),
    duties: {
      lines: [
        { taxType: 'DUTY', description: 'Customs duty (TARIC)', base: '1250000.00', amount: '45210.55' },
        { taxType: 'EXCISE', description: 'Excise on roasted coffee', base: '125000.00', amount: '3120.00' },
        { taxType: 'VAT', description: 'Import VAT 21 %', base: '1298330.55', amount: '272649.42' },
      ],
      total: '320979.97',
      currency: 'EUR',
    },
    verify: { baseUrl: 'https://clearway.example', hash: VERSION_HASH },
    generatedAt: new Date('2026-11-26T14:05:00Z'),
    timeZone: 'Europe/Amsterdam',
  };
}

export function releaseNote(itemCount = 3): ReleaseNotePdfData {
  const d = declaration(itemCount);
  return {
    mrn: d.mrn!,
    lrn: d.lrn,
    procedure: d.procedure,
    releasedAt: new Date('2026-11-26T14:05:00Z'),
    office: { code: 'NL000396', name: 'Rotterdam Maasvlakte' },
    declarant: d.parties.declarant,
    importer: d.parties.importer,
    exporter: d.parties.exporter,
    items: d.items.map((i) => ({ itemNumber: i.itemNumber, commodityCode: i.commodityCode, description: i.description, packages: i.packages, grossMassKg: i.grossMassKg })),
    duties: { lines: d.duties.lines.map(({ taxType, description, amount }) => ({ taxType, description, amount })), total: d.duties.total, currency: 'EUR', paymentReference: 'BANK-2026-11-26-0042', paidAt: new Date('2026-11-26T13:40:00Z') },
    officerName: 'Johanna de Vries',
    decisionReference: 'REL-26NL000000000012A3',
    verify: { baseUrl: 'https://clearway.example', hash: DECISION_HASH },
    timeZone: 'Europe/Amsterdam',
  };
}
