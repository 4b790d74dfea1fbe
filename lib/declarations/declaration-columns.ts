// Where each field of the declaration input (declaration-input.ts, the source of the field list) is
// stored: its column and SQL type. The statements that write and read declarations
// (declaration-body.ts, create-declaration-draft.ts, declaration-rows.ts) are built from these tables,
// so a field added to the zod schema fails the build here until it has a column, and then needs no
// other SQL change.
import type { Declaration, GoodsItem, TransportEquipment } from '../generated/prisma/client';
import type { ContainerInput, GoodsItemInput, HeaderField, ValidContainer, ValidDeclaration, ValidGoodsItem } from './declaration-input';

type SqlType = 'text' | 'int' | 'numeric' | 'text[]' | 'declaration_type' | 'representation_status';
export interface Column {
  column: string;
  type: SqlType;
}

/** Parties are sent by EORI and stored as the registered company's id. */
export const PARTY_COLUMNS = {
  importerEori: 'importerId',
  exporterEori: 'exporterId',
  representativeEori: 'representativeId',
} as const satisfies Partial<Record<HeaderField, keyof Declaration>>;
export type PartyField = keyof typeof PARTY_COLUMNS;
/** The header fields stored as they are sent. */
export type StoredHeaderField = Exclude<HeaderField, PartyField>;

export const DECLARATION_COLUMNS = {
  lrn: { column: 'lrn', type: 'text' },
  type: { column: 'type', type: 'declaration_type' },
  additionalType: { column: 'additional_type', type: 'text' },
  procedureCode: { column: 'procedure_code', type: 'text' },
  additionalProcedure: { column: 'additional_procedure', type: 'text' },
  representationStatus: { column: 'representation_status', type: 'representation_status' },
  incoterm: { column: 'incoterm', type: 'text' },
  incotermPlace: { column: 'incoterm_place', type: 'text' },
  transportMode: { column: 'transport_mode', type: 'int' },
  transportDocument: { column: 'transport_document', type: 'text' },
  officeOfEntry: { column: 'office_of_entry', type: 'text' },
  officeOfDeclaration: { column: 'office_of_declaration', type: 'text' },
  officeOfExit: { column: 'office_of_exit', type: 'text' },
  invoiceCurrency: { column: 'invoice_currency', type: 'text' },
  invoiceAmount: { column: 'invoice_amount', type: 'numeric' },
  exchangeRate: { column: 'exchange_rate', type: 'numeric' },
  freight: { column: 'freight', type: 'numeric' },
  insurance: { column: 'insurance', type: 'numeric' },
  totalPackages: { column: 'total_packages', type: 'int' },
  grossMass: { column: 'gross_mass', type: 'numeric' },
} as const satisfies Record<StoredHeaderField, Column>;

export const GOODS_ITEM_COLUMNS = {
  commodityCode: { column: 'commodity_code', type: 'text' },
  description: { column: 'description', type: 'text' },
  originCountry: { column: 'origin_country', type: 'text' },
  preferenceCode: { column: 'preference_code', type: 'text' },
  packageKind: { column: 'package_kind', type: 'text' },
  packageCount: { column: 'package_count', type: 'int' },
  marks: { column: 'marks', type: 'text' },
  grossMass: { column: 'gross_mass', type: 'numeric' },
  netMass: { column: 'net_mass', type: 'numeric' },
  supplementaryQuantity: { column: 'supplementary_quantity', type: 'numeric' },
  supplementaryUnit: { column: 'supplementary_unit', type: 'text' },
  itemPrice: { column: 'item_price', type: 'numeric' },
  valuationMethod: { column: 'valuation_method', type: 'int' },
  procedureCode: { column: 'procedure_code', type: 'text' },
  documentRefs: { column: 'document_refs', type: 'text[]' },
} as const satisfies Record<keyof GoodsItemInput, Column>;

export const CONTAINER_COLUMNS = {
  containerNumber: { column: 'container_number', type: 'text' },
  seals: { column: 'seals', type: 'text[]' },
} as const satisfies Record<keyof ContainerInput, Column>;

// Each stored field is a field of the same name in schema.prisma: one missing there fails the build here.
type _InPrismaModel = [Pick<Declaration, StoredHeaderField>, Pick<GoodsItem, keyof GoodsItemInput>, Pick<TransportEquipment, keyof ContainerInput>];

/** A stored value as the SQL helpers read it: what the schema outputs, absent as null. */
type Stored<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };
export type DeclarationHeaderValues = Stored<Pick<ValidDeclaration, StoredHeaderField>>;
export type GoodsItemValues = Stored<ValidGoodsItem>;
export type ContainerValues = Stored<ValidContainer>;

/** The values of the table's fields in `input`, absent ones as null. */
export function storedValues<T extends object, K extends keyof T & string>(columns: Record<K, Column>, input: T): Stored<Pick<T, K>> {
  return Object.fromEntries(Object.keys(columns).map((k) => [k, input[k as K] ?? null])) as Stored<Pick<T, K>>;
}

/** `alias.column` as the rows hold it: decimals and enums as text (exact), arrays never null. */
export function readSql(alias: string, { column, type }: Column): string {
  if (type === 'text[]') return `COALESCE(${alias}.${column}, '{}')`;
  return type === 'numeric' || type === 'declaration_type' || type === 'representation_status' ? `${alias}.${column}::text` : `${alias}.${column}`;
}

/** A parameter (`$n`) cast to the column's type. */
export function paramSql(param: string, { type }: Column): string {
  return type === 'text' || type === 'text[]' ? param : `${param}::${type}`;
}

/** The column's type in a json_to_recordset column list (arrays stay JSON; see fromRecordSql). */
export function recordsetType({ type }: Column): string {
  return type === 'text[]' ? 'json' : type === 'declaration_type' || type === 'representation_status' ? 'text' : type;
}

/** A json_to_recordset field (`r."key"`) as the column's value. */
export function fromRecordSql(field: string, { type }: Column): string {
  if (type === 'text[]') return `ARRAY(SELECT json_array_elements_text(${field}))`;
  return type === 'declaration_type' || type === 'representation_status' ? `${field}::${type}` : field;
}
