// Migrations are written by hand (Prisma's schema engine cannot run offline here), so this test is
// what keeps them honest: the database that the shipped migrations produce must match schema.prisma
// exactly — tables, columns, types, nullability, defaults, keys, unique constraints, indexes,
// foreign keys and enums. It reads schema.prisma through Prisma's own parser (prisma-schema-wasm).
import { readFileSync } from 'node:fs';

import { get_dmmf } from '@prisma/prisma-schema-wasm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
  uniqueFields: string[][];
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[];
    indexes: { model: string; type: 'id' | 'unique' | 'normal' | 'fulltext'; fields: { name: string }[] }[];
  };
}

const dmmf = JSON.parse(
  get_dmmf(JSON.stringify({ prismaSchema: readFileSync('prisma/schema.prisma', 'utf8') })),
) as Dmmf;
const models = dmmf.datamodel.models;
const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
const columnOf = (m: DmmfModel, fieldName: string) => {
  const f = m.fields.find((x) => x.name === fieldName)!;
  return f.dbName ?? f.name;
};
const columns = (m: DmmfModel) => m.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum');
const enumDbName = (name: string) => dmmf.datamodel.enums.find((e) => e.name === name)?.dbName ?? name;

/** The type PostgreSQL's format_type() prints for a Prisma field. */
function expectedType(f: DmmfField): string {
  let type: string;
  if (f.kind === 'enum') type = `"${enumDbName(f.type)}"`.replace(/^"([a-z_][a-z0-9_]*)"$/, '$1');
  else if (f.nativeType) {
    const [native, args] = f.nativeType;
    const a = args.length ? `(${args.join(',')})` : '';
    const natives: Record<string, string> = {
      Text: 'text', VarChar: `character varying${a}`, Char: `character${a}`, SmallInt: 'smallint', Integer: 'integer',
      BigInt: 'bigint', DoublePrecision: 'double precision', Real: 'real', Decimal: `numeric${a}`, Money: 'money',
      Timestamptz: `timestamp${a} with time zone`, Timestamp: `timestamp${a} without time zone`, Date: 'date',
      Time: `time${a} without time zone`, Timetz: `time${a} with time zone`, Uuid: 'uuid', Json: 'json', JsonB: 'jsonb',
      Boolean: 'boolean', ByteA: 'bytea', Inet: 'inet', Citext: 'citext', Xml: 'xml',
    };
    type = natives[native] ?? `unmapped native type ${native}`;
  } else {
    const defaults: Record<string, string> = {
      String: 'text', Int: 'integer', BigInt: 'bigint', Float: 'double precision', Decimal: 'numeric(65,30)',
      Boolean: 'boolean', DateTime: 'timestamp(3) without time zone', Json: 'jsonb', Bytes: 'bytea',
    };
    type = defaults[f.type] ?? `unmapped type ${f.type}`;
  }
  return f.isList ? `${type}[]` : type;
}

/** Prisma computes uuid()/cuid()/nanoid()/ulid() defaults in the client: no database default. */
function expectsDbDefault(f: DmmfField): boolean {
  if (!f.hasDefaultValue) return false;
  const d = f.default as { name?: string } | undefined;
  return !(d && typeof d === 'object' && ['uuid', 'cuid', 'nanoid', 'ulid'].includes(d.name ?? ''));
}

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

async function rows<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
  return (await client.query<T>(sql, params)).rows;
}

async function indexColumnSets(table: string, kind: 'primary' | 'unique' | 'normal'): Promise<string[]> {
  const found = await rows<{ cols: string[] }>(
    `SELECT array_agg(a.attname ORDER BY k.ord)::text[] AS cols
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE t.relname = $1
        AND CASE $2 WHEN 'primary' THEN i.indisprimary
                    WHEN 'unique' THEN i.indisunique AND NOT i.indisprimary
                    ELSE NOT i.indisunique END
      GROUP BY i.indexrelid`,
    [table, kind],
  );
  return found.map((r) => r.cols.join(',')).sort();
}

describe('the migrated database matches prisma/schema.prisma', () => {
  it('has exactly one table per model', async () => {
    const tables = await rows<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`,
    );
    expect(tables.map((t) => t.relname).sort()).toEqual(models.map(tableOf).sort());
  });

  it('has the enums of the schema with their values in order', async () => {
    const found = await rows<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
        GROUP BY t.typname ORDER BY t.typname`,
    );
    const expected = dmmf.datamodel.enums
      .map((e) => ({ name: e.dbName ?? e.name, values: e.values.map((v) => v.dbName ?? v.name) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(found).toEqual(expected);
  });

  describe.each(models.map((m) => [m.name, m] as const))('model %s', (_name, model) => {
    const table = tableOf(model);

    it('has every field as a column of the right type, nullability and default, and nothing else', async () => {
      const found = await rows<{ name: string; type: string; notnull: boolean; hasdefault: boolean }>(
        `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
                a.atthasdef AS hasdefault
           FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
          WHERE c.relname = $1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attname`,
        [table],
      );
      const expected = columns(model)
        .map((f) => ({
          name: f.dbName ?? f.name,
          type: expectedType(f),
          // Prisma leaves scalar lists nullable in PostgreSQL.
          notnull: f.isRequired && !f.isList,
          hasdefault: expectsDbDefault(f),
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
      expect(found).toEqual(expected);
    });

    it('has the primary key of the schema', async () => {
      const pk = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name);
      expect(await indexColumnSets(table, 'primary')).toEqual([pk.map((f) => columnOf(model, f)).join(',')]);
    });

    it('has exactly the unique constraints of the schema', async () => {
      const expected = [
        ...model.fields.filter((f) => f.isUnique).map((f) => [f.name]),
        ...model.uniqueFields,
      ].map((set) => set.map((f) => columnOf(model, f)).join(','));
      expect(await indexColumnSets(table, 'unique')).toEqual(expected.sort());
    });

    it('has exactly the indexes of the schema', async () => {
      const expected = dmmf.datamodel.indexes
        .filter((i) => i.model === model.name && i.type === 'normal')
        .map((i) => i.fields.map((f) => columnOf(model, f.name)).join(','));
      expect(await indexColumnSets(table, 'normal')).toEqual(expected.sort());
    });

    it('has exactly the foreign keys of the schema', async () => {
      const found = await rows<{ cols: string[]; target: string; target_cols: string[] }>(
        `SELECT (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(con.conkey) WITH ORDINALITY k(n, ord)
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n) AS cols,
                ft.relname AS target,
                (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(con.confkey) WITH ORDINALITY k(n, ord)
                  JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n) AS target_cols
           FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class ft ON ft.oid = con.confrelid
          WHERE con.contype = 'f' AND t.relname = $1`,
        [table],
      );
      const expected = model.fields
        .filter((f) => f.kind === 'object' && f.relationFromFields?.length)
        .map((f) => {
          const target = models.find((m) => m.name === f.type)!;
          return `${f.relationFromFields!.map((c) => columnOf(model, c)).join(',')} -> ${tableOf(target)}(${f.relationToFields!.map((c) => columnOf(target, c)).join(',')})`;
        });
      expect(found.map((r) => `${r.cols.join(',')} -> ${r.target}(${r.target_cols.join(',')})`).sort()).toEqual(expected.sort());
    });
  });
});
