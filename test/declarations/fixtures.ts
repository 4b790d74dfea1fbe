import type { DeclarationInput } from '../../lib/declarations/declaration-input';

/** A complete import declaration: 2 items of coffee and a laptop line, one container. */
export function validImport(overrides: Partial<DeclarationInput> = {}): DeclarationInput {
  return {
    lrn: `LRN-${Math.random().toString(36).slice(2, 12)}`,
    type: 'IM',
    additionalType: 'A',
    procedureCode: '4000',
    additionalProcedure: '000',
    importerEori: 'NL123456789',
    exporterEori: 'CN440300123456789',
    incoterm: 'FOB',
    incotermPlace: 'CNSZX',
    transportMode: 1,
    transportDocument: 'MEDUSZ123456',
    officeOfEntry: 'NL000396',
    officeOfDeclaration: 'NL000396',
    invoiceCurrency: 'USD',
    invoiceAmount: '12000.00',
    exchangeRate: '0.920000',
    freight: '800.00',
    insurance: '40.00',
    totalPackages: 130,
    grossMass: '2600.000',
    containers: [{ containerNumber: 'CSQU3054383', seals: ['CN1234567'] }],
    items: [
      { commodityCode: '84713000', description: 'Laptop computers, 14 inch', originCountry: 'CN', packageKind: 'CT', packageCount: 100, grossMass: '1500', netMass: '1300', itemPrice: '9000.00', supplementaryQuantity: '100', supplementaryUnit: 'NAR' },
      { commodityCode: '09012100', description: 'Roasted coffee beans', originCountry: 'CN', packageKind: 'BG', packageCount: 30, grossMass: '1000', netMass: '950', itemPrice: '3000.00' },
    ],
    ...overrides,
  };
}
