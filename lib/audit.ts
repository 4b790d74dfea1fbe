// The audit trail: written in the same transaction as the change it records (append-only table).
import type { Actor } from './auth/actor';
import type { Prisma } from './generated/prisma/client';

export type Tx = Prisma.TransactionClient;
type Sql = (text: string, params?: unknown[]) => Promise<unknown[]>;

/** In a Prisma transaction (`tx`) or a SQL one (`Sql` from lib/database/sql.ts). */
export async function recordAudit(
  db: Tx | Sql,
  event: { actor: Actor | null; action: string; targetType: string; targetId: string; requestId?: string; details?: Prisma.InputJsonValue },
): Promise<void> {
  const sql: Sql = typeof db === 'function' ? db : (text, params = []) => db.$queryRawUnsafe(text, ...params);
  await sql(
    `INSERT INTO audit_event (actor_id, company_id, action, target_type, target_id, request_id, details, token_id, ip)
     VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6, $7::jsonb, $8::uuid, $9)`,
    [
      event.actor?.userId ?? null,
      event.actor?.companyId ?? null,
      event.action,
      event.targetType,
      event.targetId,
      event.requestId ?? event.actor?.request.id ?? null,
      JSON.stringify(event.details ?? {}),
      event.actor?.token?.id ?? null,
      event.actor?.request.ip ?? null,
    ],
  );
}
