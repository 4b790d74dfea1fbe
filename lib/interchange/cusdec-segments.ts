// How CUSDEC segments carry Clearway's fields: the one table the reader (read-cusdec-interchange.ts),
// the writer (write-cusdec.ts) and the documentation (docs/interchange.md, the portal's mapping page)
// follow. Positions are 1-based: element 1 is the first after the tag; component 1 its first part.
import type { GoodsItemInput, HeaderField } from '../declarations/declaration-input';

export interface SegmentPosition {
  /** The segment's tag and, when it has one, the qualifier that selects it, e.g. MOA+39. */
  segment: string;
  element: number;
  component: number;
  note?: string;
}

export const CUSDEC_HEADER: Record<HeaderField, SegmentPosition> = {
  lrn: { segment: 'BGM', element: 2, component: 1, note: 'Document number (1004): the LRN.' },
  type: { segment: 'BGM', element: 1, component: 4, note: 'Document name (1000), characters 1–2: IM, EX or CO (e.g. IMA). Component 1 (1001) is 929 (import) or 830 (export) and is not read.' },
  additionalType: { segment: 'BGM', element: 1, component: 4, note: 'Character 3 of the document name: A, D, Y or Z.' },
  procedureCode: { segment: 'GIS+PRC', element: 1, component: 1, note: 'GIS with component 2 = PRC before the first CST (4 digits, e.g. 4000).' },
  additionalProcedure: { segment: 'GIS+ADP', element: 1, component: 1, note: 'GIS with component 2 = ADP.' },
  importerEori: { segment: 'NAD+IM', element: 2, component: 1 },
  exporterEori: { segment: 'NAD+EX', element: 2, component: 1 },
  representativeEori: { segment: 'NAD+AE', element: 2, component: 1, note: 'Declarant’s agent / representative.' },
  representationStatus: { segment: 'GIS+REP', element: 1, component: 1, note: '2 = DIRECT, 3 = INDIRECT (as WCO Agent/FunctionCode).' },
  incoterm: { segment: 'TOD', element: 3, component: 1, note: 'Terms of delivery code (4053), e.g. FOB.' },
  incotermPlace: { segment: 'LOC+1', element: 2, component: 1, note: 'Place of terms of delivery: a UN/LOCODE.' },
  transportMode: { segment: 'TDT', element: 3, component: 1, note: 'Mode of transport (8067), UN Rec. 19.' },
  transportDocument: { segment: 'RFF+BM', element: 1, component: 2, note: 'Bill of lading (or other transport document) number.' },
  officeOfEntry: { segment: 'LOC+41', element: 2, component: 1 },
  officeOfDeclaration: { segment: 'LOC+22', element: 2, component: 1 },
  officeOfExit: { segment: 'LOC+42', element: 2, component: 1 },
  invoiceCurrency: { segment: 'CUX', element: 1, component: 2, note: 'CUX+2:USD:4.' },
  invoiceAmount: { segment: 'MOA+39', element: 1, component: 2, note: 'Invoice total amount.' },
  exchangeRate: { segment: 'CUX', element: 3, component: 1, note: 'Rate of exchange (5402).' },
  freight: { segment: 'MOA+64', element: 1, component: 2, note: 'Freight charge.' },
  insurance: { segment: 'MOA+67', element: 1, component: 2, note: 'Insurance (Clearway’s use of qualifier 67).' },
  totalPackages: { segment: 'CNT+11', element: 1, component: 2, note: 'Number of packages.' },
  grossMass: { segment: 'MEA+WT+G', element: 3, component: 2, note: 'MEA+WT+G+KGM:2600 before the first CST.' },
};

/** Goods item fields, in the segments after the item's CST (each item starts with CST). */
export const CUSDEC_ITEM: Record<keyof GoodsItemInput, SegmentPosition> = {
  commodityCode: { segment: 'CST', element: 2, component: 1, note: 'CST+<sequence>+<commodity code>:TSP.' },
  description: { segment: 'FTX+AAA', element: 4, component: 1, note: 'Goods description (4440); up to 512 characters.' },
  originCountry: { segment: 'LOC+27', element: 2, component: 1, note: 'Country of origin.' },
  preferenceCode: { segment: 'GIS+PRF', element: 1, component: 1 },
  packageKind: { segment: 'PAC', element: 3, component: 1, note: 'PAC+<count>++<kind>, UN Rec. 21.' },
  packageCount: { segment: 'PAC', element: 1, component: 1 },
  marks: { segment: 'PCI', element: 2, component: 1, note: 'Shipping marks (7102).' },
  grossMass: { segment: 'MEA+WT+G', element: 3, component: 2, note: 'Kilograms.' },
  netMass: { segment: 'MEA+WT+N', element: 3, component: 2, note: 'Kilograms.' },
  supplementaryQuantity: { segment: 'QTY+182', element: 1, component: 2 },
  supplementaryUnit: { segment: 'QTY+182', element: 1, component: 3 },
  itemPrice: { segment: 'MOA+38', element: 1, component: 2, note: 'Item amount in the invoice currency.' },
  valuationMethod: { segment: 'GIS+VM', element: 1, component: 1, note: '1 when absent.' },
  procedureCode: { segment: 'GIS+PRC', element: 1, component: 1, note: 'After the CST: the item’s own procedure.' },
  documentRefs: { segment: 'DOC', element: 2, component: 1, note: 'Every DOC of the item, in order (its code, element 1, is not read).' },
};

export const CUSDEC_CONTAINER = {
  containerNumber: { segment: 'EQD+CN', element: 2, component: 1 },
  seals: { segment: 'SEL', element: 1, component: 1, note: 'Every SEL after the EQD.' },
} as const;

/** Segments read for the envelope and message structure, or skipped; anything else is ignored. */
export const CUSDEC_STRUCTURE: { segment: string; use: string }[] = [
  { segment: 'UNA', use: 'Service characters (optional); honoured.' },
  { segment: 'UNB', use: 'Syntax identifier (UNOA, UNOB, UNOC or UNOY; others refused), sender, recipient, interchange control reference (0020, part of every message reference).' },
  { segment: 'UNH', use: 'Message reference (0062) and identifier: CUSDEC, D, 96B or a later directory (97A … 99B, 00A … ), UN.' },
  { segment: 'BGM', use: 'Element 3 (1225) message function: 9 files and submits; absent keeps a draft; anything else is refused.' },
  { segment: 'UNS', use: 'Section control: skipped.' },
  { segment: 'DTM, FTX (other than AAA), RFF (other than BM), NAD (other than IM, EX, AE), …', use: 'Ignored.' },
  { segment: 'UNT', use: 'Segment count (UNH to UNT inclusive) and message reference: both checked.' },
  { segment: 'UNZ', use: 'Message count and interchange control reference: both checked.' },
];
