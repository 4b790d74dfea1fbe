// Computes and stores the duty lines of every item of a declaration, and its total (SQL, few statements).
import { randomUUID } from 'node:crypto';

import type { Sql } from '../database/sql';
import { Prisma } from '../generated/prisma/client';
import { computeItemDuties, loadTariffLines, resolveTariffLine, type DutyItem } from '../tariff/compute-duties';

export type DutyItemRow = DutyItem & { id: string };

/** Duty lines as rows to insert, and their total, for items whose customs values are known. */
export async function computeDutyRows(sql: Sql, items: DutyItemRow[], preloaded?: Awaited<ReturnType<typeof loadTariffLines>>) {
  const lines = preloaded ?? (await loadTariffLines(sql, items.map((i) => i.commodityCode)));
  let total = new Prisma.Decimal(0);
  const rows: { goodsItemId: string; taxType: string; base: string; rate: string; amount: string }[] = [];
  for (const item of items) {
    const { line } = resolveTariffLine(item.commodityCode, lines);
    for (const d of computeItemDuties(item, line)) {
      rows.push({ goodsItemId: item.id, taxType: d.taxType, base: d.base.toString(), rate: d.rate, amount: d.amount.toFixed(2) });
      total = total.add(d.amount);
    }
  }
  return { rows, total };
}

async function insertDutyRows(sql: Sql, rows: Awaited<ReturnType<typeof computeDutyRows>>['rows']): Promise<void> {
  if (!rows.length) return;
  await sql(
    `INSERT INTO duty_line (id, goods_item_id, tax_type, base, rate, amount)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::tax_type[], $4::numeric[], $5::text[], $6::numeric[])`,
    [rows.map(() => randomUUID()), rows.map((r) => r.goodsItemId), rows.map((r) => r.taxType), rows.map((r) => r.base), rows.map((r) => r.rate), rows.map((r) => r.amount)],
  );
}

/** Replaces the duty lines of a declaration from its items' current customs values; returns the total. */
export async function writeDutyLines(sql: Sql, declarationId: string): Promise<Prisma.Decimal> {
  const items = await sql<DutyItemRow>(
    `SELECT id, commodity_code AS "commodityCode", origin_country AS "originCountry", preference_code AS "preferenceCode",
            net_mass::text AS "netMass", supplementary_quantity::text AS "supplementaryQuantity", COALESCE(customs_value, 0)::text AS "customsValue"
       FROM goods_item WHERE declaration_id = $1::uuid ORDER BY sequence`,
    [declarationId],
  );
  const { rows, total } = await computeDutyRows(sql, items);
  await sql(`DELETE FROM duty_line WHERE goods_item_id IN (SELECT id FROM goods_item WHERE declaration_id = $1::uuid)`, [declarationId]);
  await insertDutyRows(sql, rows);
  await sql(`UPDATE declaration SET duty_total = $2::numeric WHERE id = $1::uuid`, [declarationId, total.toFixed(2)]);
  return total;
}
