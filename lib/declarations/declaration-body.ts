// Writing a validated declaration's parties, containers and goods items (drafts and amendments), in SQL
// so that the same statements serve the hot path (pg) and the others (Prisma transactions).
import type { Sql } from '../database/sql';
import type { FieldError } from '../errors';
import {
  CONTAINER_COLUMNS,
  DECLARATION_COLUMNS,
  fromRecordSql,
  GOODS_ITEM_COLUMNS,
  PARTY_COLUMNS,
  recordsetType,
  storedValues,
  type Column,
  type DeclarationHeaderValues,
  type PartyField,
} from './declaration-columns';
import type { ValidDeclaration } from './declaration-input';

/** Company ids for the EORI numbers of the input; unknown numbers become field errors. */
export async function resolveParties(sql: Sql, input: ValidDeclaration, errors: FieldError[]): Promise<Record<(typeof PARTY_COLUMNS)[PartyField], string | null>> {
  const fields = Object.keys(PARTY_COLUMNS) as PartyField[];
  const eoris = [...new Set(fields.map((f) => input[f]).filter((v): v is string => !!v))];
  const companies = eoris.length ? await sql<{ id: string; eori: string }>(`SELECT id, eori FROM company WHERE eori = ANY($1::text[])`, [eoris]) : [];
  const byEori = new Map(companies.map((c) => [c.eori, c.id]));
  const idOf = (field: PartyField) => {
    const eori = input[field];
    if (!eori) return null;
    const id = byEori.get(eori);
    if (!id) errors.push({ path: [field], code: 'UNKNOWN', message: `No company with EORI ${eori} is registered.` });
    return id ?? null;
  };
  return Object.fromEntries(fields.map((f) => [PARTY_COLUMNS[f], idOf(f)])) as Record<(typeof PARTY_COLUMNS)[PartyField], string | null>;
}

/** The header's stored fields (everything but parties and lines), absent ones as null. */
export function headerData(input: ValidDeclaration): DeclarationHeaderValues {
  return storedValues(DECLARATION_COLUMNS, input);
}

/**
 * The lines of a declaration as one JSON document, for the statements below: SQL unpacks it with
 * json_to_recordset, so one parameter carries any number of rows.
 */
export function linesJson(input: ValidDeclaration): string {
  return JSON.stringify({
    containers: input.containers.map((c, i) => ({ sequence: i + 1, ...storedValues(CONTAINER_COLUMNS, c) })),
    items: input.items.map((item, i) => ({ sequence: i + 1, ...storedValues(GOODS_ITEM_COLUMNS, item) })),
  });
}

/** INSERT … SELECT of one list's rows from the JSON parameter (see linesJson). */
function insertListSql(table: string, columns: Record<string, Column>, linesParam: string, list: string, of: string): string {
  const entries = Object.entries(columns);
  return `INSERT INTO ${table} (id, declaration_id, sequence, ${entries.map(([, c]) => c.column).join(', ')})
      SELECT gen_random_uuid(), d.id, r.sequence, ${entries.map(([k, c]) => fromRecordSql(`r."${k}"`, c)).join(', ')}
        FROM ${of} d, json_to_recordset(${linesParam}::json->'${list}') AS r(sequence int, ${entries.map(([k, c]) => `"${k}" ${recordsetType(c)}`).join(', ')})`;
}

/**
 * SQL (CTE bodies) inserting the lines held in the JSON parameter `$lines` for the declaration id
 * produced by the query `$of` (a CTE name or a VALUES list with a column `id`).
 */
export function insertLinesSql(linesParam: string, of: string): { containers: string; items: string } {
  return {
    containers: insertListSql('transport_equipment', CONTAINER_COLUMNS, linesParam, 'containers', of),
    items: insertListSql('goods_item', GOODS_ITEM_COLUMNS, linesParam, 'items', of),
  };
}

/** Inserts the containers and goods items of the input (one statement). */
async function insertLines(sql: Sql, declarationId: string, input: ValidDeclaration): Promise<void> {
  const lines = insertLinesSql('$2', '(SELECT $1::uuid AS id)');
  await sql(`WITH c AS (${lines.containers}), i AS (${lines.items}) SELECT 1`, [declarationId, linesJson(input)]);
}

/** Replaces the containers and goods items of a declaration with those of the input. */
export async function replaceLines(sql: Sql, declarationId: string, input: ValidDeclaration): Promise<void> {
  await sql(`DELETE FROM transport_equipment WHERE declaration_id = $1::uuid`, [declarationId]);
  await sql(`DELETE FROM goods_item WHERE declaration_id = $1::uuid`, [declarationId]);
  await insertLines(sql, declarationId, input);
}
