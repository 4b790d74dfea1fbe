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

/** A position: the tag (with its qualifier), element and component, and what the reader does there. */
const at = (segment: string, element: number, component: number, note?: string): SegmentPosition => (note ? { segment, element, component, note } : { segment, element, component });

export const CUSDEC_HEADER: Record<HeaderField, SegmentPosition> = {
  lrn: at('BGM', 2, 1, 'Document number (1004): the LRN.'),
  type: at('BGM', 1, 4, 'Document name (1000), characters 1–2: IM, EX or CO (e.g. IMA). Component 1 (1001) is 929 (import) or 830 (export) and is not read.'),
  additionalType: at('BGM', 1, 4, 'Character 3 of the document name: A, D, Y or Z.'),
  procedureCode: at('GIS+PRC', 1, 1, 'GIS with component 2 = PRC before the first CST (4 digits, e.g. 4000).'),
  additionalProcedure: at('GIS+ADP', 1, 1, 'GIS with component 2 = ADP.'),
  importerEori: at('NAD+IM', 2, 1),
  exporterEori: at('NAD+EX', 2, 1),
  representativeEori: at('NAD+AE', 2, 1, 'Declarant’s agent / representative.'),
  representationStatus: at('GIS+REP', 1, 1, '2 = DIRECT, 3 = INDIRECT (as WCO Agent/FunctionCode).'),
  incoterm: at('TOD', 3, 1, 'Terms of delivery code (4053), e.g. FOB.'),
  incotermPlace: at('LOC+1', 2, 1, 'Place of terms of delivery: a UN/LOCODE.'),
  transportMode: at('TDT', 3, 1, 'Mode of transport (8067), UN Rec. 19.'),
  transportDocument: at('RFF+BM', 1, 2, 'Bill of lading (or other transport document) number.'),
  officeOfEntry: at('LOC+41', 2, 1),
  officeOfDeclaration: at('LOC+22', 2, 1),
  officeOfExit: at('LOC+42', 2, 1),
  invoiceCurrency: at('CUX', 1, 2, 'CUX+2:USD:4.'),
  invoiceAmount: at('MOA+39', 1, 2, 'Invoice total amount.'),
  exchangeRate: at('CUX', 3, 1, 'Rate of exchange (5402).'),
  freight: at('MOA+64', 1, 2, 'Freight charge.'),
  insurance: at('MOA+67', 1, 2, 'Insurance (Clearway’s use of qualifier 67).'),
  totalPackages: at('CNT+11', 1, 2, 'Number of packages.'),
  grossMass: at('MEA+WT+G', 3, 2, 'MEA+WT+G+KGM:2600 before the first CST.'),
};

/** Goods item fields, in the segments after the item's CST (each item starts with CST). */
export const CUSDEC_ITEM: Record<keyof GoodsItemInput, SegmentPosition> = {
  commodityCode: at('CST', 2, 1, 'CST+<sequence>+<commodity code>:TSP.'),
  description: at('FTX+AAA', 4, 1, 'Goods description (4440); up to 512 characters.'),
  originCountry: at('LOC+27', 2, 1, 'Country of origin.'),
  preferenceCode: at('GIS+PRF', 1, 1),
  packageKind: at('PAC', 3, 1, 'PAC+<count>++<kind>, UN Rec. 21.'),
  packageCount: at('PAC', 1, 1),
  marks: at('PCI', 2, 1, 'Shipping marks (7102).'),
  grossMass: at('MEA+WT+G', 3, 2, 'Kilograms.'),
  netMass: at('MEA+WT+N', 3, 2, 'Kilograms.'),
  supplementaryQuantity: at('QTY+182', 1, 2),
  supplementaryUnit: at('QTY+182', 1, 3),
  itemPrice: at('MOA+38', 1, 2, 'Item amount in the invoice currency.'),
  valuationMethod: at('GIS+VM', 1, 1, '1 when absent.'),
  procedureCode: at('GIS+PRC', 1, 1, 'After the CST: the item’s own procedure.'),
  documentRefs: at('DOC', 2, 1, 'Every DOC of the item, in order (its code, element 1, is not read).'),
};

export const CUSDEC_CONTAINER = {
  containerNumber: at('EQD+CN', 2, 1),
  seals: at('SEL', 1, 1, 'Every SEL after the EQD.'),
} satisfies Record<string, SegmentPosition>;

/** Segments read for the envelope and message structure, or skipped; anything else is ignored. */
/** `key` names the entry's translation on the portal's mapping page (messages: interchange.structure.*). */
export const CUSDEC_STRUCTURE: { key: string; segment: string; use: string }[] = [
  { key: 'UNA', segment: 'UNA', use: 'Service characters (optional); honoured.' },
  { key: 'UNB', segment: 'UNB', use: 'Syntax identifier (UNOA, UNOB, UNOC or UNOY; others refused), sender, recipient, interchange control reference (0020, part of every message reference).' },
  { key: 'UNH', segment: 'UNH', use: 'Message reference (0062) and identifier: CUSDEC, D, 96B or a later directory (97A … 99B, 00A … ), UN.' },
  { key: 'BGM', segment: 'BGM', use: 'Element 3 (1225) message function: 9 files and submits; absent keeps a draft; anything else is refused.' },
  { key: 'UNS', segment: 'UNS', use: 'Section control: skipped.' },
  { key: 'otherSegments', segment: 'DTM, FTX (other than AAA), RFF (other than BM), NAD (other than IM, EX, AE), …', use: 'Ignored.' },
  { key: 'UNT', segment: 'UNT', use: 'Segment count (UNH to UNT inclusive) and message reference: both checked.' },
  { key: 'UNZ', segment: 'UNZ', use: 'Message count and interchange control reference: both checked.' },
];
