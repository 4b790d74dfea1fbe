// At submission (and amendment): freezes the declaration's requirements with the rule versions in force
// now, keeps what the filer cited for those that still apply, drops citations of rules that no longer
// do, and reserves the quantity of every cited quantity-managed permit. A reservation the balance
// cannot cover is simply not made: the requirement shows EXHAUSTED and the release gate holds it.
// Runs in the submission's transaction (three to four statements).
import type { Sql } from '../database/sql';
import { directionOf, findPermitRequirements } from './find-permit-requirements';
import { loadDeclarationHead, quantityIn } from './load-permit-requirements';
import { movePermitQuantity } from './move-permit-quantity';

export async function recordPermitRequirements(sql: Sql, options: { declarationId: string }): Promise<number> {
  const head = await loadDeclarationHead(sql, options.declarationId);
  if (!head) return 0;
  const matches = await findPermitRequirements({ sql, trusted: true, direction: directionOf(head.type), items: head.items.map((i) => ({ commodityCode: i.commodityCode, originCountry: i.originCountry, procedureCode: i.procedureCode ?? head.procedureCode })) });
  const rows = matches.map((m) => ({ item_sequence: head.items[m.item]!.sequence, rule_id: m.ruleId, rule_version: m.ruleVersion }));
  const kept = await sql<{ id: string; item_sequence: number; permit_id: string | null; quantity_unit: string | null; quantity_managed: boolean; reserved_quantity: string | null }>(
    `WITH wanted AS (SELECT * FROM json_to_recordset($2::json) AS w(item_sequence int, rule_id uuid, rule_version int)),
     gone AS (
       DELETE FROM declaration_permit_requirement q WHERE q.declaration_id = $1::uuid AND q.reserved_quantity IS NULL AND q.drawn_quantity IS NULL
          AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.item_sequence = q.item_sequence AND w.rule_id = q.rule_id)),
     upserted AS (
       INSERT INTO declaration_permit_requirement (id, declaration_id, item_sequence, rule_id, rule_version, updated_at)
       SELECT gen_random_uuid(), $1::uuid, w.item_sequence, w.rule_id, w.rule_version, now() FROM wanted w
       ON CONFLICT (declaration_id, item_sequence, rule_id) DO UPDATE SET rule_version = EXCLUDED.rule_version, updated_at = now()
       RETURNING id, item_sequence, rule_id, permit_id, reserved_quantity)
     SELECT u.id, u.item_sequence, u.permit_id, r.quantity_unit, r.quantity_managed, u.reserved_quantity::text
       FROM upserted u JOIN permit_rule r ON r.id = u.rule_id`,
    [options.declarationId, JSON.stringify(rows)],
  );
  for (const row of kept) {
    if (!row.permit_id || !row.quantity_managed || row.reserved_quantity !== null) continue;
    const item = head.items.find((i) => i.sequence === row.item_sequence);
    const quantity = item ? quantityIn(item, row.quantity_unit) : null;
    if (!quantity || Number(quantity) <= 0) continue;
    const left = await movePermitQuantity(sql, { permitId: row.permit_id, declarationId: options.declarationId, kind: 'RESERVE', quantity });
    if (left !== null) await sql(`UPDATE declaration_permit_requirement SET reserved_quantity = $2::numeric, updated_at = now() WHERE id = $1::uuid`, [row.id, quantity]);
  }
  return kept.length;
}
