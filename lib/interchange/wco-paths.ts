// Where each Clearway declaration field lives in a WCO DM 3.6 Declaration (CDS usage). The one table the
// reader's error locations, the portal's mapping page and docs/interchange.md are made from; the reader
// (read-wco-declaration.ts) and writer (write-wco-declaration.ts) follow it.
import type { GoodsItemInput, HeaderField } from '../declarations/declaration-input';

export const WCO_NAMESPACE = 'urn:wco:datamodel:WCO:DEC-DMS:2';
export const WCO_RESPONSE_NAMESPACE = 'urn:wco:datamodel:WCO:RES-DMS:2';
export const WCO_METADATA_NAMESPACE = 'urn:wco:datamodel:WCO:DocumentMetaData-DMS:2';

export const GOODS_ITEM_PATH = '/Declaration/GoodsShipment/GovernmentAgencyGoodsItem';
export const CONTAINER_PATH = '/Declaration/GoodsShipment/Consignment/TransportEquipment';

/** Header fields: the XML path, and a note when the mapping is more than "the element's text". */
export const WCO_HEADER_PATHS: Record<HeaderField, { path: string; note?: string }> = {
  lrn: { path: '/Declaration/FunctionalReferenceID', note: 'The LRN; also the message reference (idempotency).' },
  type: { path: '/Declaration/TypeCode', note: 'Characters 1–2: IM, EX or CO.' },
  additionalType: { path: '/Declaration/TypeCode', note: 'Character 3: A, D, Y or Z.' },
  procedureCode: { path: `${GOODS_ITEM_PATH}[1]/GovernmentProcedure[1]`, note: 'CurrentCode (2 digits) + PreviousCode (2 digits) of the first item; written on every item that has no procedure of its own.' },
  additionalProcedure: { path: `${GOODS_ITEM_PATH}[1]/GovernmentProcedure[2]/CurrentCode`, note: 'The first item\'s second GovernmentProcedure (3 characters); written on every item.' },
  importerEori: { path: '/Declaration/GoodsShipment/Importer/ID' },
  exporterEori: { path: '/Declaration/Exporter/ID' },
  representativeEori: { path: '/Declaration/Agent/ID' },
  representationStatus: { path: '/Declaration/Agent/FunctionCode', note: '2 = DIRECT, 3 = INDIRECT (CDS codes).' },
  incoterm: { path: '/Declaration/GoodsShipment/TradeTerms/ConditionCode' },
  incotermPlace: { path: '/Declaration/GoodsShipment/TradeTerms/LocationID', note: 'A UN/LOCODE.' },
  transportMode: { path: '/Declaration/BorderTransportMeans/ModeCode' },
  transportDocument: { path: '/Declaration/GoodsShipment/PreviousDocument/ID', note: 'The first PreviousDocument; written with CategoryCode Z, TypeCode 705 (bill of lading).' },
  officeOfEntry: { path: '/Declaration/PresentationOffice/ID' },
  officeOfDeclaration: { path: '/Declaration/DeclarationOfficeID' },
  officeOfExit: { path: '/Declaration/ExitOffice/ID' },
  invoiceCurrency: { path: '/Declaration/InvoiceAmount/@currencyID' },
  invoiceAmount: { path: '/Declaration/InvoiceAmount' },
  exchangeRate: { path: '/Declaration/CurrencyExchange/RateNumeric' },
  freight: { path: '/Declaration/GoodsShipment/CustomsValuation/FreightChargeAmount' },
  insurance: { path: '/Declaration/GoodsShipment/CustomsValuation/ChargeDeduction/OtherChargeDeductionAmount', note: 'The ChargeDeduction whose ChargesTypeCode is AS (insurance).' },
  totalPackages: { path: '/Declaration/TotalPackageQuantity' },
  grossMass: { path: '/Declaration/TotalGrossMassMeasure', note: 'Kilograms (unitCode KGM).' },
};

/** Goods item fields, relative to GovernmentAgencyGoodsItem[n] (items in document order). */
export const WCO_ITEM_PATHS: Record<keyof GoodsItemInput, { path: string; note?: string }> = {
  commodityCode: { path: 'Commodity/Classification/ID', note: 'The Classification whose IdentificationTypeCode is TSP (or the first one); 6, 8 or 10 digits.' },
  description: { path: 'Commodity/Description' },
  originCountry: { path: 'Origin/CountryCode' },
  preferenceCode: { path: 'Commodity/DutyTaxFee/DutyRegimeCode' },
  packageKind: { path: 'Packaging/TypeCode', note: 'The first Packaging.' },
  packageCount: { path: 'Packaging/QuantityQuantity' },
  marks: { path: 'Packaging/MarksNumbersID' },
  grossMass: { path: 'Commodity/GoodsMeasure/GrossMassMeasure', note: 'Kilograms.' },
  netMass: { path: 'Commodity/GoodsMeasure/NetNetWeightMeasure', note: 'Kilograms.' },
  supplementaryQuantity: { path: 'Commodity/GoodsMeasure/TariffQuantity' },
  supplementaryUnit: { path: 'Commodity/GoodsMeasure/TariffQuantity/@unitCode' },
  itemPrice: { path: 'Commodity/InvoiceLine/ItemChargeAmount' },
  valuationMethod: { path: 'CustomsValuation/MethodCode', note: '1 when absent.' },
  procedureCode: { path: 'GovernmentProcedure[1]', note: 'CurrentCode + PreviousCode; kept on the item only when it differs from the declaration\'s.' },
  documentRefs: { path: 'AdditionalDocument/ID', note: 'Every AdditionalDocument, in order (TypeCode ignored on reading, written as N935).' },
};

/** The containers' fields, relative to TransportEquipment[n]. */
export const WCO_CONTAINER_PATHS = {
  containerNumber: { path: 'ID', note: 'ISO 6346.' },
  seals: { path: 'Seal/ID', note: 'Every Seal, in order.' },
} as const;

/** Elements read but not mapped, and why: the docs list them; anything not listed is ignored too. */
/** `key` names the entry's translation on the portal's mapping page (messages: interchange.ignored.*). */
export const WCO_IGNORED: { key: string; path: string; why: string }[] = [
  { key: 'declarant', path: '/Declaration/Declarant', why: 'The declarant is the company of the API token or signed-in filer.' },
  { key: 'goodsItemQuantity', path: '/Declaration/GoodsItemQuantity', why: 'Derived from the items.' },
  { key: 'currencyTypeCode', path: '/Declaration/CurrencyExchange/CurrencyTypeCode', why: 'The rate is always from the invoice currency to the national currency.' },
  { key: 'sequenceNumeric', path: `${GOODS_ITEM_PATH}/SequenceNumeric`, why: 'Items are numbered in document order.' },
  { key: 'computedValues', path: `${GOODS_ITEM_PATH}/CustomsValueAmount, StatisticalValueAmount`, why: 'Computed by Clearway on submission.' },
  { key: 'setByCustoms', path: '/Declaration/AcceptanceDateTime, /Declaration/ID', why: 'Set by customs (acceptance, MRN).' },
  { key: 'otherElements', path: 'every other element of the schema', why: 'Validated against the XSD, not stored.' },
];

/** The XML path of a Clearway field path (as zod reports it), e.g. ['items', '1', 'netMass']. */
export function wcoPathOf(path: readonly string[]): string {
  const [head, index, field, sub, subField] = path;
  if (head === 'items' && index !== undefined) {
    const item = `${GOODS_ITEM_PATH}[${Number(index) + 1}]`;
    const rel = WCO_ITEM_PATHS[field as keyof GoodsItemInput]?.path;
    if (!rel) return item;
    return field === 'documentRefs' && sub !== undefined ? `${item}/AdditionalDocument[${Number(sub) + 1}]/ID` : `${item}/${rel}`;
  }
  if (head === 'containers' && index !== undefined) {
    const container = `${CONTAINER_PATH}[${Number(index) + 1}]`;
    if (field === 'seals') return sub !== undefined ? `${container}/Seal[${Number(sub) + 1}]/ID` : `${container}/Seal`;
    return field === 'containerNumber' ? `${container}/ID` : container;
  }
  void subField;
  return WCO_HEADER_PATHS[head as HeaderField]?.path ?? '/Declaration';
}
