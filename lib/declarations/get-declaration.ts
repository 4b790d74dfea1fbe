import type { Actor } from '../auth/actor';
import { getDb } from '../db';
import { AppError } from '../errors';
import type { Declaration } from '../generated/prisma/client';
import { assertReadScope, canReadDeclaration } from '../auth/policy';

/** One declaration by id, LRN (of the actor's company) or MRN; null when absent or not visible. */
export async function getDeclaration(options: { actor: Actor; id?: string | null; lrn?: string | null; mrn?: string | null }): Promise<Declaration | null> {
  const { actor, id, lrn, mrn } = options;
  const given = [id, lrn, mrn].filter((v) => v != null).length;
  if (given !== 1) throw new AppError('BAD_USER_INPUT', 'Give exactly one of id, lrn or mrn.');
  assertReadScope(actor, 'declarations:read', 'declarations:write');
  const db = getDb();
  let found: Declaration | null = null;
  if (id) found = /^[0-9a-f-]{36}$/i.test(id) ? await db.declaration.findUnique({ where: { id } }) : null;
  else if (mrn) found = await db.declaration.findUnique({ where: { mrn: mrn.toUpperCase() } });
  else if (lrn && actor.companyId) found = await db.declaration.findUnique({ where: { declarantId_lrn: { declarantId: actor.companyId, lrn } } });
  return found && canReadDeclaration(actor, found) ? found : null;
}
