// Reading a declaration with its items and containers in one SQL statement, and its canonical
// snapshot. Submission and amendment both freeze versions from these rows, so the same content always
// gives the same snapshot and hash.
import type { Sql } from '../database/sql';

export interface ItemRow {
  id: string;
  sequence: number;
  commodityCode: string;
  description: string;
  originCountry: string;
  preferenceCode: string | null;
  packageKind: string;
  packageCount: number;
  marks: string | null;
  grossMass: string;
  netMass: string;
  supplementaryQuantity: string | null;
  supplementaryUnit: string | null;
  itemPrice: string;
  customsValue: string | null;
  statisticalValue: string | null;
  valuationMethod: number;
  procedureCode: string | null;
  documentRefs: string[];
}

export interface ContainerRow {
  sequence: number;
  containerNumber: string;
  seals: string[];
}

export interface DeclarationRow {
  id: string;
  lrn: string;
  mrn: string | null;
  status: 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'RISK_ASSESSED' | 'UNDER_CONTROL' | 'QUERY' | 'DUTY_ASSESSED' | 'PAID' | 'RELEASED' | 'REJECTED' | 'CANCEL_REQUESTED' | 'CANCELLED';
  type: 'IM' | 'EX' | 'CO';
  additionalType: string;
  procedureCode: string | null;
  additionalProcedure: string | null;
  declarantId: string;
  importerId: string | null;
  exporterId: string | null;
  representativeId: string | null;
  representationStatus: string | null;
  incoterm: string | null;
  incotermPlace: string | null;
  transportMode: number | null;
  transportDocument: string | null;
  officeOfEntry: string | null;
  officeOfDeclaration: string | null;
  officeOfExit: string | null;
  invoiceCurrency: string | null;
  invoiceAmount: string | null;
  exchangeRate: string | null;
  freight: string | null;
  insurance: string | null;
  totalPackages: number | null;
  grossMass: string | null;
  version: number;
  createdById: string;
  createdAt: Date;
  submittedAt: Date | null;
  items: ItemRow[];
  containers: ContainerRow[];
}

/** One statement: the header (optionally row-locked) with its items and containers as JSON. */
export async function loadDeclarationRows(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<DeclarationRow | null> {
  const rows = await sql<DeclarationRow>(
    `SELECT d.id, d.lrn, d.mrn, d.status::text AS status, d.type::text AS type, d.additional_type AS "additionalType",
            d.procedure_code AS "procedureCode", d.additional_procedure AS "additionalProcedure",
            d.declarant_id AS "declarantId", d.importer_id AS "importerId", d.exporter_id AS "exporterId",
            d.representative_id AS "representativeId", d.representation_status::text AS "representationStatus",
            d.incoterm, d.incoterm_place AS "incotermPlace", d.transport_mode AS "transportMode",
            d.transport_document AS "transportDocument", d.office_of_entry AS "officeOfEntry",
            d.office_of_declaration AS "officeOfDeclaration", d.office_of_exit AS "officeOfExit",
            d.invoice_currency AS "invoiceCurrency", d.invoice_amount::text AS "invoiceAmount",
            d.exchange_rate::text AS "exchangeRate", d.freight::text AS freight, d.insurance::text AS insurance,
            d.total_packages AS "totalPackages", d.gross_mass::text AS "grossMass", d.version,
            d.created_by_id AS "createdById", d.created_at AS "createdAt", d.submitted_at AS "submittedAt",
            COALESCE((SELECT json_agg(json_build_object(
                'id', i.id, 'sequence', i.sequence, 'commodityCode', i.commodity_code, 'description', i.description,
                'originCountry', i.origin_country, 'preferenceCode', i.preference_code, 'packageKind', i.package_kind,
                'packageCount', i.package_count, 'marks', i.marks, 'grossMass', i.gross_mass::text, 'netMass', i.net_mass::text,
                'supplementaryQuantity', i.supplementary_quantity::text, 'supplementaryUnit', i.supplementary_unit,
                'itemPrice', i.item_price::text, 'customsValue', i.customs_value::text, 'statisticalValue', i.statistical_value::text,
                'valuationMethod', i.valuation_method, 'procedureCode', i.procedure_code, 'documentRefs', COALESCE(i.document_refs, '{}'))
              ORDER BY i.sequence) FROM goods_item i WHERE i.declaration_id = d.id), '[]') AS items,
            COALESCE((SELECT json_agg(json_build_object('sequence', c.sequence, 'containerNumber', c.container_number, 'seals', COALESCE(c.seals, '{}'))
              ORDER BY c.sequence) FROM transport_equipment c WHERE c.declaration_id = d.id), '[]') AS containers
       FROM declaration d WHERE d.id = $1::uuid${options.forUpdate ? ' FOR UPDATE OF d' : ''}`,
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  // Through Prisma's raw queries the timestamps arrive as ISO strings; through pg as Dates.
  row.createdAt = new Date(row.createdAt);
  row.submittedAt = row.submittedAt ? new Date(row.submittedAt) : null;
  return row;
}

/** The content frozen in a version: what was declared, not the processing state. */
export function snapshotOf(d: DeclarationRow, version: number): Record<string, unknown> {
  const { status: _s, version: _v, items, containers, ...header } = d;
  return {
    ...header,
    version,
    items: items.map(({ id: _id, ...item }) => item),
    containers,
  };
}
