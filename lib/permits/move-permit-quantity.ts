// Every change of a quantity-managed permit's balance, with its history row, in one statement. The
// UPDATE is conditional (an overdraw matches no row) and runs under the row lock PostgreSQL takes, so
// concurrent draws queue on the permit and each sees the balance the previous one left; the table's
// CHECK (available >= 0) is the backstop. Returns the balance left, or null when refused.
import type { Sql } from '../database/sql';

export type PermitQuantityMove = 'RESERVE' | 'WRITE_OFF' | 'DRAW' | 'RETURN';

const CHANGE: Record<PermitQuantityMove, { set: string; when: string; kind: 'RESERVE' | 'WRITE_OFF' | 'RETURN' }> = {
  // Held for a submitted declaration: only from an active, valid permit.
  RESERVE: { set: 'available = available - $3, reserved = reserved + $3', when: `available >= $3 AND status = 'ACTIVE' AND valid_from <= now() AND valid_until > now()`, kind: 'RESERVE' },
  // A reservation drawn at release.
  WRITE_OFF: { set: 'reserved = reserved - $3, drawn = drawn + $3', when: 'reserved >= $3', kind: 'WRITE_OFF' },
  // Drawn at release without a reservation (the permit was cited after submission).
  DRAW: { set: 'available = available - $3, drawn = drawn + $3', when: `available >= $3 AND status = 'ACTIVE' AND valid_from <= now() AND valid_until > now()`, kind: 'WRITE_OFF' },
  // A reservation given back: the declaration was rejected or cancelled.
  RETURN: { set: 'reserved = reserved - $3, available = available + $3', when: 'reserved >= $3', kind: 'RETURN' },
};

// After a draw, nothing left and nothing held: the permit is used up (SET reads the old values).
const EXHAUST = `, status = CASE WHEN status = 'ACTIVE' AND available + reserved - $3 <= 0 THEN 'EXHAUSTED'::permit_status ELSE status END`;

export async function movePermitQuantity(sql: Sql, move: { permitId: string; declarationId: string | null; kind: PermitQuantityMove; quantity: string }): Promise<string | null> {
  const c = CHANGE[move.kind];
  const [row] = await sql<{ available_after: string }>(
    `WITH moved AS (
       UPDATE permit SET ${c.set}${c.kind === 'WRITE_OFF' ? EXHAUST : ''}
        WHERE id = $1::uuid AND total_quantity IS NOT NULL AND ${c.when}
        RETURNING id, available)
     INSERT INTO permit_balance_entry (permit_id, declaration_id, kind, quantity, available_after)
     SELECT id, $2::uuid, '${c.kind}'::permit_balance_kind, $3::numeric, available FROM moved
     RETURNING available_after::text`,
    [move.permitId, move.declarationId, move.quantity],
  );
  return row?.available_after ?? null;
}
