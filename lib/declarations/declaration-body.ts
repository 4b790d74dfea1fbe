// Writing a validated declaration's parties, containers and goods items (drafts and amendments), in SQL
// so that the same statements serve the hot path (pg) and the others (Prisma transactions).
import type { Sql } from '../database/sql';
import type { FieldError } from '../errors';
import type { ValidDeclaration } from './declaration-input';

/** Company ids for the EORI numbers of the input; unknown numbers become field errors. */
export async function resolveParties(sql: Sql, input: ValidDeclaration, errors: FieldError[]) {
  const wanted = { importerEori: input.importerEori, exporterEori: input.exporterEori, representativeEori: input.representativeEori };
  const eoris = [...new Set(Object.values(wanted).filter((v): v is string => !!v))];
  const companies = eoris.length ? await sql<{ id: string; eori: string }>(`SELECT id, eori FROM company WHERE eori = ANY($1::text[])`, [eoris]) : [];
  const byEori = new Map(companies.map((c) => [c.eori, c.id]));
  const idOf = (field: keyof typeof wanted) => {
    const eori = wanted[field];
    if (!eori) return null;
    const id = byEori.get(eori);
    if (!id) errors.push({ path: [field], code: 'UNKNOWN', message: `No company with EORI ${eori} is registered.` });
    return id ?? null;
  };
  return { importerId: idOf('importerEori'), exporterId: idOf('exporterEori'), representativeId: idOf('representativeEori') };
}

export function headerData(input: ValidDeclaration) {
  return {
    lrn: input.lrn,
    type: input.type,
    additionalType: input.additionalType,
    procedureCode: input.procedureCode ?? null,
    additionalProcedure: input.additionalProcedure ?? null,
    representationStatus: input.representationStatus ?? null,
    incoterm: input.incoterm ?? null,
    incotermPlace: input.incotermPlace ?? null,
    transportMode: input.transportMode ?? null,
    transportDocument: input.transportDocument ?? null,
    officeOfEntry: input.officeOfEntry ?? null,
    officeOfDeclaration: input.officeOfDeclaration ?? null,
    officeOfExit: input.officeOfExit ?? null,
    invoiceCurrency: input.invoiceCurrency ?? null,
    invoiceAmount: input.invoiceAmount ?? null,
    exchangeRate: input.exchangeRate ?? null,
    freight: input.freight ?? null,
    insurance: input.insurance ?? null,
    totalPackages: input.totalPackages ?? null,
    grossMass: input.grossMass ?? null,
  };
}

/**
 * The lines of a declaration as one JSON document, for the statements below: SQL unpacks it with
 * json_to_recordset, so one parameter carries any number of rows.
 */
export function linesJson(input: ValidDeclaration): string {
  return JSON.stringify({
    containers: input.containers.map((c, i) => ({ sequence: i + 1, containerNumber: c.containerNumber, seals: c.seals })),
    items: input.items.map((item, i) => ({
      sequence: i + 1,
      commodityCode: item.commodityCode,
      description: item.description,
      originCountry: item.originCountry,
      preferenceCode: item.preferenceCode ?? null,
      packageKind: item.packageKind,
      packageCount: item.packageCount,
      marks: item.marks ?? null,
      grossMass: item.grossMass,
      netMass: item.netMass,
      supplementaryQuantity: item.supplementaryQuantity ?? null,
      supplementaryUnit: item.supplementaryUnit ?? null,
      itemPrice: item.itemPrice,
      valuationMethod: item.valuationMethod,
      procedureCode: item.procedureCode ?? null,
      documentRefs: item.documentRefs,
    })),
  });
}

/**
 * SQL (CTE bodies) inserting the lines held in the JSON parameter `$lines` for the declaration id
 * produced by the query `$of` (a CTE name or a VALUES list with a column `id`).
 */
export function insertLinesSql(linesParam: string, of: string): { containers: string; items: string } {
  return {
    containers: `INSERT INTO transport_equipment (id, declaration_id, sequence, container_number, seals)
      SELECT gen_random_uuid(), d.id, c.sequence, c."containerNumber", ARRAY(SELECT json_array_elements_text(c.seals))
        FROM ${of} d, json_to_recordset(${linesParam}::json->'containers') AS c(sequence int, "containerNumber" text, seals json)`,
    items: `INSERT INTO goods_item (id, declaration_id, sequence, commodity_code, description, origin_country, preference_code,
        package_kind, package_count, marks, gross_mass, net_mass, supplementary_quantity, supplementary_unit, item_price,
        valuation_method, procedure_code, document_refs)
      SELECT gen_random_uuid(), d.id, i.sequence, i."commodityCode", i.description, i."originCountry", i."preferenceCode",
             i."packageKind", i."packageCount", i.marks, i."grossMass", i."netMass", i."supplementaryQuantity",
             i."supplementaryUnit", i."itemPrice", i."valuationMethod", i."procedureCode", ARRAY(SELECT json_array_elements_text(i."documentRefs"))
        FROM ${of} d, json_to_recordset(${linesParam}::json->'items') AS i(sequence int, "commodityCode" text, description text,
             "originCountry" text, "preferenceCode" text, "packageKind" text, "packageCount" int, marks text, "grossMass" numeric,
             "netMass" numeric, "supplementaryQuantity" numeric, "supplementaryUnit" text, "itemPrice" numeric,
             "valuationMethod" int, "procedureCode" text, "documentRefs" json)`,
  };
}

/** Inserts the containers and goods items of the input (one statement). */
export async function insertLines(sql: Sql, declarationId: string, input: ValidDeclaration): Promise<void> {
  const lines = insertLinesSql('$2', '(SELECT $1::uuid AS id)');
  await sql(`WITH c AS (${lines.containers}), i AS (${lines.items}) SELECT 1`, [declarationId, linesJson(input)]);
}

/** Replaces the containers and goods items of a declaration with those of the input. */
export async function replaceLines(sql: Sql, declarationId: string, input: ValidDeclaration): Promise<void> {
  await sql(`DELETE FROM transport_equipment WHERE declaration_id = $1::uuid`, [declarationId]);
  await sql(`DELETE FROM goods_item WHERE declaration_id = $1::uuid`, [declarationId]);
  await insertLines(sql, declarationId, input);
}
