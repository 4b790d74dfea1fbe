// The audit trail: written in the same transaction as the change it records (append-only table).
import type { Prisma } from './generated/prisma/client';
import type { Actor } from './actors/actor';

export type Tx = Prisma.TransactionClient;

export async function recordAudit(
  tx: Tx,
  event: { actor: Actor | null; action: string; targetType: string; targetId: string; requestId?: string; details?: Prisma.InputJsonValue },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actor?.userId ?? null,
      companyId: event.actor?.companyId ?? null,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      requestId: event.requestId ?? null,
      details: event.details ?? {},
    },
  });
}
