import type { Actor } from '../auth/actor';
import type { Tx } from '../database/tx';
import type { Declaration } from '../generated/prisma/client';
import { assertCanReadDeclaration, assertScope } from '../auth/policy';
import { fieldsNeedCorrecting } from '../validation';
import { notVisible } from './not-visible';

/** The declaration, row-locked for the rest of the transaction, if the actor may see it. */
export async function lockDeclaration(tx: Tx, id: string, actor: Actor): Promise<Declaration> {
  // Every caller changes the declaration.
  assertScope(actor, 'declarations:write');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notVisible(id);
  await tx.$queryRaw`SELECT 1 FROM declaration WHERE id = ${id}::uuid FOR UPDATE`;
  const d = await tx.declaration.findUnique({ where: { id } });
  assertCanReadDeclaration(actor, d, id);
  return d as Declaration;
}

export function requireText(value: string | undefined | null, field: string, what: string, max: number): string {
  const text = value?.trim() ?? '';
  if (!text) throw fieldsNeedCorrecting([{ path: [field], code: 'REQUIRED', message: `Give ${what}.` }]);
  if (text.length > max) throw fieldsNeedCorrecting([{ path: [field], code: 'TOO_BIG', message: `${what[0]!.toUpperCase()}${what.slice(1)} is limited to ${max.toLocaleString('en')} characters.` }]);
  return text;
}

