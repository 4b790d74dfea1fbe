// The value-per-kg samples an accepted declaration contributes to the undervaluation risk rule.
import type { Sql } from '../database/sql';

/** One sample per item with a customs value and a net mass: `{ h: HS subheading, v: value per kg }`. */
export function valueSamples(items: { commodityCode: string; customsValue: string | null; netMass: string }[]): { h: string; v: number }[] {
  return items
    .filter((i) => i.customsValue !== null && Number(i.netMass) > 0)
    .map((i) => ({ h: i.commodityCode.slice(0, 6), v: Number(i.customsValue) / Number(i.netMass) }));
}

/** A rejected or cancelled declaration no longer speaks for the market's prices. */
export async function removeValueSamples(sql: Sql, declarationId: string): Promise<void> {
  await sql(`DELETE FROM value_sample WHERE declaration_id = $1::uuid`, [declarationId]);
}

/** After an amendment: the declaration's samples follow its new values. */
export async function replaceValueSamples(sql: Sql, declarationId: string, items: Parameters<typeof valueSamples>[0]): Promise<void> {
  await sql(`DELETE FROM value_sample WHERE declaration_id = $1::uuid`, [declarationId]);
  await sql(
    `INSERT INTO value_sample (hs6, declaration_id, value_per_kg) SELECT x.h, $1::uuid, x.v FROM json_to_recordset($2::json) AS x(h text, v float8)`,
    [declarationId, JSON.stringify(valueSamples(items))],
  );
}
