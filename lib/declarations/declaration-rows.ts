// Reading a declaration with its items and containers in one SQL statement, and its canonical
// snapshot. Submission and amendment both freeze versions from these rows, so the same content always
// gives the same snapshot and hash.
import type { Sql } from '../database/sql';
import {
  CONTAINER_COLUMNS,
  DECLARATION_COLUMNS,
  GOODS_ITEM_COLUMNS,
  PARTY_COLUMNS,
  readSql,
  type Column,
  type ContainerValues,
  type DeclarationHeaderValues,
  type GoodsItemValues,
  type PartyField,
} from './declaration-columns';

/** A goods item as declared, with what submission computes. */
export type GoodsItemLine = GoodsItemValues & {
  id: string;
  sequence: number;
  customsValue: string | null;
  statisticalValue: string | null;
};

export type ContainerLine = ContainerValues & { sequence: number };

/** A declaration with its lines, as submission and amendment read (and freeze) it. */
export type DeclarationWithLines = DeclarationHeaderValues &
  Record<(typeof PARTY_COLUMNS)[PartyField], string | null> & {
    id: string;
    mrn: string | null;
    status: 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'RISK_ASSESSED' | 'UNDER_CONTROL' | 'QUERY' | 'DUTY_ASSESSED' | 'PAID' | 'RELEASED' | 'REJECTED' | 'CANCEL_REQUESTED' | 'CANCELLED';
    declarantId: string;
    version: number;
    createdById: string;
    createdAt: Date;
    submittedAt: Date | null;
    items: GoodsItemLine[];
    containers: ContainerLine[];
  };

const selectList = (alias: string, columns: Record<string, Column>) =>
  Object.entries(columns).map(([key, c]) => ({ key, sql: readSql(alias, c) }));
const HEADER_SELECT = selectList('d', DECLARATION_COLUMNS)
  .map((f) => `${f.sql} AS "${f.key}"`)
  .join(', ');
const jsonObject = (fields: { key: string; sql: string }[]) => `json_build_object(${fields.map((f) => `'${f.key}', ${f.sql}`).join(', ')})`;
const ITEM_OBJECT = jsonObject([
  { key: 'id', sql: 'i.id' },
  { key: 'sequence', sql: 'i.sequence' },
  ...selectList('i', GOODS_ITEM_COLUMNS),
  { key: 'customsValue', sql: 'i.customs_value::text' },
  { key: 'statisticalValue', sql: 'i.statistical_value::text' },
]);
const CONTAINER_OBJECT = jsonObject([{ key: 'sequence', sql: 'c.sequence' }, ...selectList('c', CONTAINER_COLUMNS)]);
const SELECT = `SELECT d.id, d.mrn, d.status::text AS status, ${HEADER_SELECT}, d.declarant_id AS "declarantId", d.importer_id AS "importerId",
            d.exporter_id AS "exporterId", d.representative_id AS "representativeId", d.version,
            d.created_by_id AS "createdById", d.created_at AS "createdAt", d.submitted_at AS "submittedAt",
            COALESCE((SELECT json_agg(${ITEM_OBJECT} ORDER BY i.sequence) FROM goods_item i WHERE i.declaration_id = d.id), '[]') AS items,
            COALESCE((SELECT json_agg(${CONTAINER_OBJECT} ORDER BY c.sequence) FROM transport_equipment c WHERE c.declaration_id = d.id), '[]') AS containers
       FROM declaration d WHERE d.id = $1::uuid`;

/** One statement: the header (optionally row-locked) with its items and containers as JSON. */
export async function loadDeclarationRows(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<DeclarationWithLines | null> {
  const rows = await sql<DeclarationWithLines>(`${SELECT}${options.forUpdate ? ' FOR UPDATE OF d' : ''}`, [id]);
  const row = rows[0];
  if (!row) return null;
  // Through Prisma's raw queries the timestamps arrive as ISO strings; through pg as Dates.
  row.createdAt = new Date(row.createdAt);
  row.submittedAt = row.submittedAt ? new Date(row.submittedAt) : null;
  return row;
}

/** The content frozen in a version: what was declared, not the processing state. */
export function snapshotOf(d: DeclarationWithLines, version: number): Record<string, unknown> {
  const { status: _s, version: _v, items, containers, ...header } = d;
  return {
    ...header,
    version,
    items: items.map(({ id: _id, ...item }) => item),
    containers,
  };
}
