// A rejected or cancelled declaration gives back what it held on quantity-managed permits (in the
// decision's transaction), each return in the permit's balance history.
import type { Sql } from '../database/sql';
import { movePermitQuantity } from './move-permit-quantity';

export async function returnPermitReservations(sql: Sql, options: { declarationId: string }): Promise<number> {
  const held = await sql<{ id: string; permit_id: string; reserved_quantity: string }>(
    `SELECT id, permit_id, reserved_quantity::text FROM declaration_permit_requirement
      WHERE declaration_id = $1::uuid AND permit_id IS NOT NULL AND reserved_quantity IS NOT NULL AND drawn_quantity IS NULL FOR UPDATE`,
    [options.declarationId],
  );
  for (const h of held) {
    await movePermitQuantity(sql, { permitId: h.permit_id, declarationId: options.declarationId, kind: 'RETURN', quantity: h.reserved_quantity });
    await sql(`UPDATE declaration_permit_requirement SET reserved_quantity = NULL, updated_at = now() WHERE id = $1::uuid`, [h.id]);
  }
  return held.length;
}
