import type { Actor } from '../auth/actor';
import { assertReadScope, canReadDeclaration } from '../auth/policy';
import { getDb } from '../db';
import type { Declaration } from '../generated/prisma/client';

const UUID = /^[0-9a-f-]{36}$/i;

/** Declarations by id in one query, in the order asked; null where absent or not visible (as getDeclaration). */
export async function getDeclarationsByIds(options: { actor: Actor; ids: readonly string[] }): Promise<(Declaration | null)[]> {
  const { actor, ids } = options;
  assertReadScope(actor, 'declarations:read', 'declarations:write');
  const wanted = [...new Set(ids.filter((id) => UUID.test(id)))];
  const rows = wanted.length ? await getDb().declaration.findMany({ where: { id: { in: wanted } } }) : [];
  const byId = new Map(rows.filter((d) => canReadDeclaration(actor, d)).map((d) => [d.id, d]));
  return ids.map((id) => byId.get(id) ?? null);
}
