// One control history import, to follow its progress or read its report.
import type { Actor } from '../auth/actor';
import { assertCanManageRiskModels } from '../auth/policy';
import { getDb } from '../db';
import type { ControlHistoryImport } from '../generated/prisma/client';

export async function getControlHistoryImport(actor: Actor, id: string): Promise<ControlHistoryImport | null> {
  assertCanManageRiskModels(actor, 'read control history imports');
  return /^[0-9a-f-]{36}$/i.test(id) ? getDb().controlHistoryImport.findUnique({ where: { id } }) : null;
}
