// Writing a validated declaration's parties, containers and goods items (drafts and amendments), in SQL
// so that the same statements serve the hot path (pg) and the others (Prisma transactions).
import { randomUUID } from 'node:crypto';

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
    if (!id) errors.push({ path: [field], code: 'unknown_party', message: `No company with EORI ${eori} is registered.` });
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

/** Inserts the containers and goods items of the input (two statements at most). */
export async function insertLines(sql: Sql, declarationId: string, input: ValidDeclaration): Promise<void> {
  const c = input.containers;
  if (c.length) {
    await sql(
      `INSERT INTO transport_equipment (id, declaration_id, sequence, container_number, seals)
       SELECT u.id, $1::uuid, u.seq, u.num, ARRAY(SELECT json_array_elements_text(u.seals))
         FROM unnest($2::uuid[], $3::int[], $4::text[], $5::json[]) AS u(id, seq, num, seals)`,
      [declarationId, c.map(() => randomUUID()), c.map((_, i) => i + 1), c.map((x) => x.containerNumber), c.map((x) => JSON.stringify(x.seals))],
    );
  }
  const it = input.items;
  if (it.length) {
    const col = <T>(pick: (item: ValidDeclaration['items'][number]) => T) => it.map(pick);
    await sql(
      `INSERT INTO goods_item (id, declaration_id, sequence, commodity_code, description, origin_country, preference_code,
         package_kind, package_count, marks, gross_mass, net_mass, supplementary_quantity, supplementary_unit, item_price,
         valuation_method, procedure_code, document_refs)
       SELECT u.id, $1::uuid, u.seq, u.code, u.description, u.origin, u.pref, u.kind, u.count, u.marks, u.gross, u.net,
              u.sq, u.su, u.price, u.vm, u.proc, ARRAY(SELECT json_array_elements_text(u.refs))
         FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::text[],
                     $11::numeric[], $12::numeric[], $13::numeric[], $14::text[], $15::numeric[], $16::int[], $17::text[], $18::json[])
           AS u(id, seq, code, description, origin, pref, kind, count, marks, gross, net, sq, su, price, vm, proc, refs)`,
      [
        declarationId,
        col(() => randomUUID()),
        col((_) => it.indexOf(_) + 1),
        col((i) => i.commodityCode),
        col((i) => i.description),
        col((i) => i.originCountry),
        col((i) => i.preferenceCode ?? null),
        col((i) => i.packageKind),
        col((i) => i.packageCount),
        col((i) => i.marks ?? null),
        col((i) => i.grossMass),
        col((i) => i.netMass),
        col((i) => i.supplementaryQuantity ?? null),
        col((i) => i.supplementaryUnit ?? null),
        col((i) => i.itemPrice),
        col((i) => i.valuationMethod),
        col((i) => i.procedureCode ?? null),
        col((i) => JSON.stringify(i.documentRefs)),
      ],
    );
  }
}

/** Replaces the containers and goods items of a declaration with those of the input. */
export async function replaceLines(sql: Sql, declarationId: string, input: ValidDeclaration): Promise<void> {
  await sql(`DELETE FROM transport_equipment WHERE declaration_id = $1::uuid`, [declarationId]);
  await sql(`DELETE FROM goods_item WHERE declaration_id = $1::uuid`, [declarationId]);
  await insertLines(sql, declarationId, input);
}
