// The application, row-locked for the rest of the transaction, if the actor may see it (else NOT_FOUND:
// another agency's or company's application is not confirmed to exist).
import type { Actor } from '../auth/actor';
import { canReadPermitApplication } from '../auth/policy';
import type { Tx } from '../database/tx';
import type { PermitApplication } from '../generated/prisma/client';
import { permitError } from './permit-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function lockPermitApplication(tx: Tx, id: string, actor: Actor): Promise<PermitApplication> {
  if (!UUID.test(id)) throw permitError('NOT_FOUND', 'applicationNotVisible', { id });
  await tx.$queryRaw`SELECT 1 FROM permit_application WHERE id = ${id}::uuid FOR UPDATE`;
  const a = await tx.permitApplication.findUnique({ where: { id } });
  if (!a || !canReadPermitApplication(actor, a)) throw permitError('NOT_FOUND', 'applicationNotVisible', { id });
  return a;
}
