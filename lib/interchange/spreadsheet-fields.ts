// The Clearway fields a spreadsheet column can hold, with the header text a new mapping proposes for
// each. Header fields are repeated on every row of a declaration (read from its first row); item fields
// make one goods item per row; rows with the same LRN form one declaration.
import type { GoodsItemInput, HeaderField } from '../declarations/declaration-input';

export const SPREADSHEET_HEADER_FIELDS: Record<HeaderField, string> = {
  lrn: 'LRN',
  type: 'Type',
  additionalType: 'Additional type',
  procedureCode: 'Procedure',
  additionalProcedure: 'Additional procedure',
  importerEori: 'Importer EORI',
  exporterEori: 'Exporter EORI',
  representativeEori: 'Representative EORI',
  representationStatus: 'Representation',
  incoterm: 'Incoterm',
  incotermPlace: 'Incoterm place',
  transportMode: 'Transport mode',
  transportDocument: 'Transport document',
  officeOfEntry: 'Office of entry',
  officeOfDeclaration: 'Office of declaration',
  officeOfExit: 'Office of exit',
  invoiceCurrency: 'Currency',
  invoiceAmount: 'Invoice amount',
  exchangeRate: 'Exchange rate',
  freight: 'Freight',
  insurance: 'Insurance',
  totalPackages: 'Total packages',
  grossMass: 'Total gross mass',
};

export const SPREADSHEET_ITEM_FIELDS: Record<keyof GoodsItemInput, string> = {
  commodityCode: 'Commodity code',
  description: 'Description',
  originCountry: 'Origin',
  preferenceCode: 'Preference',
  packageKind: 'Package kind',
  packageCount: 'Packages',
  marks: 'Marks',
  grossMass: 'Gross mass',
  netMass: 'Net mass',
  supplementaryQuantity: 'Supplementary quantity',
  supplementaryUnit: 'Supplementary unit',
  itemPrice: 'Item price',
  valuationMethod: 'Valuation method',
  procedureCode: 'Item procedure',
  documentRefs: 'Documents',
};

export const SPREADSHEET_CONTAINER_FIELDS = { containerNumber: 'Container', seals: 'Seals' } as const;

/** Every mappable field key (`lrn`, `items.netMass`, `containers.seals`) with its proposed header. */
export const SPREADSHEET_FIELDS: Record<string, string> = {
  ...SPREADSHEET_HEADER_FIELDS,
  ...Object.fromEntries(Object.entries(SPREADSHEET_ITEM_FIELDS).map(([k, v]) => [`items.${k}`, v])),
  ...Object.fromEntries(Object.entries(SPREADSHEET_CONTAINER_FIELDS).map(([k, v]) => [`containers.${k}`, v])),
};

/** Fields whose text is a whole number in the input. */
export const INTEGER_FIELDS = new Set(['transportMode', 'totalPackages', 'items.packageCount', 'items.valuationMethod']);
/** Fields that hold lists, separated by semicolons in one cell. */
export const LIST_FIELDS = new Set(['items.documentRefs', 'containers.seals']);
