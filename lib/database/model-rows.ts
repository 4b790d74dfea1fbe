// Rows of a Prisma model read with plain SQL, in the shape Prisma returns them: the hot read paths
// (DataLoaders behind every list page) pay a Prisma model query's client-side cost, about a third of a
// millisecond of CPU each on our machines (bench:api-reads), for what one prepared statement does.
//
// The shape follows from the schema's one naming rule (prisma/schema.prisma): a field `fooBar` is the
// column `foo_bar` (`@map("foo_bar")`). Values as Prisma gives them: numeric → Prisma.Decimal, int8 →
// bigint, date → midnight UTC; timestamps, JSON, arrays and enums as `pg` parses them (the same).
// test/database/model-rows.test.ts compares the rows with Prisma's for every model read this way.
import pg from 'pg';

import { Prisma } from '../generated/prisma/client';
import { getPool } from '../db';
import { preparedStatementName } from './sql';

const NUMERIC = 1700;
const INT8 = 20;
const DATE = 1082;
const TEXT_ARRAY = 1009;

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * How `pg` parses each column: as usual, except dates (kept as text, so that they become UTC midnight
 * rather than the server's local midnight) and arrays of our enums (company roles…), whose type ids
 * PostgreSQL assigned at migration and `pg` does not know: parsed as text arrays, as Prisma returns them.
 */
let typesOnce: Promise<{ getTypeParser: typeof pg.types.getTypeParser }> | undefined;
function columnTypes() {
  typesOnce ??= getPool()
    .query<{ oid: number }>(`SELECT a.oid::int AS oid FROM pg_type a JOIN pg_type e ON e.oid = a.typelem WHERE e.typtype = 'e'`)
    .then(({ rows }) => {
      const enumArrays = new Set(rows.map((r) => r.oid));
      const getTypeParser = ((oid: number, format?: 'text' | 'binary') =>
        oid === DATE ? (value: string) => value : pg.types.getTypeParser(enumArrays.has(oid) ? TEXT_ARRAY : oid, format as 'text')) as typeof pg.types.getTypeParser;
      return { getTypeParser };
    })
    .catch((error: unknown) => {
      typesOnce = undefined; // a database that did not answer: ask again next time
      throw error;
    });
  return typesOnce;
}

/**
 * Runs one SELECT (a prepared statement of the connection that runs it: the text must be fixed, only the
 * parameters vary) and returns its rows shaped as Prisma's model objects. Select the model's columns
 * (`SELECT t.* FROM …`) so that every field is there.
 */
export async function selectModelRows<T>(text: string, values: unknown[]): Promise<T[]> {
  const result = await getPool().query({ name: preparedStatementName(text), text, values, types: await columnTypes() });
  const fields = result.fields.map((f) => ({ column: f.name, field: camel(f.name), convert: converter(f.dataTypeID) }));
  return result.rows.map((row: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const value = row[f.column];
      out[f.field] = value === null || value === undefined || !f.convert ? value : f.convert(value);
    }
    return out as T;
  });
}

function converter(type: number): ((value: unknown) => unknown) | null {
  if (type === NUMERIC) return (v) => new Prisma.Decimal(v as string);
  if (type === INT8) return (v) => BigInt(v as string);
  if (type === DATE) return (v) => new Date(`${v as string}T00:00:00.000Z`);
  return null;
}
