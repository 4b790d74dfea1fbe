// A company's named template: the content of a declaration to start new ones from. Saved as given
// (from an input or from an existing declaration) even when codes in it are invalid or no longer
// listed: a template outlives code-list changes, and its problems are shown whenever it is used
// (list-declaration-templates.ts). Saving the same name again replaces it, so a retry is harmless.
import type { Actor } from '../auth/actor';
import { assertCanReadDeclaration, assertFiler } from '../auth/policy';
import { recordAudit } from '../audit';
import { sqlOfClient } from '../database/sql';
import { getDb, getPool } from '../db';
import { AppError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { requireText } from './lock-declaration';
import type { DeclarationInput } from './declaration-input';
import { loadDeclarationRows } from './declaration-rows';
import { toDeclarationInput } from './to-declaration-input';

export async function saveDeclarationTemplate(options: {
  actor: Actor;
  name: string;
  input?: DeclarationInput;
  fromDeclarationId?: string;
  requestId?: string;
}): Promise<{ id: string }> {
  const { actor } = options;
  assertFiler(actor);
  const name = requireText(options.name, 'name', 'a name for the template', 100);
  if ((options.input === undefined) === (options.fromDeclarationId === undefined)) {
    throw new AppError('BAD_USER_INPUT', 'Give exactly one of input or fromDeclarationId.', {
      fieldErrors: [{ path: ['input'], code: 'REQUIRED', message: 'Give the template’s content, or the declaration to take it from.' }],
    });
  }
  let body: Partial<DeclarationInput>;
  if (options.fromDeclarationId !== undefined) {
    const id = options.fromDeclarationId;
    const sql = sqlOfClient(getPool());
    const source = /^[0-9a-f-]{36}$/i.test(id) ? await loadDeclarationRows(sql, id) : null;
    assertCanReadDeclaration(actor, source, id);
    const ids = [source!.importerId, source!.exporterId, source!.representativeId].filter((p): p is string => !!p);
    const eori = new Map((await sql<{ id: string; eori: string }>('SELECT id, eori FROM company WHERE id = ANY($1::uuid[])', [ids])).map((c) => [c.id, c.eori]));
    body = toDeclarationInput(source!, (c) => eori.get(c));
  } else {
    body = { ...options.input! };
  }
  // Each declaration needs its own LRN: a template never carries one.
  delete body.lrn;
  const companyId = actor.companyId;
  return getDb().$transaction(async (tx) => {
    const saved = await tx.declarationTemplate.upsert({
      where: { companyId_name: { companyId, name } },
      create: { companyId, name, body: body as Prisma.InputJsonValue, createdById: actor.userId },
      update: { body: body as Prisma.InputJsonValue, createdById: actor.userId },
      select: { id: true },
    });
    await recordAudit(tx, { actor, action: 'declaration_template.save', targetType: 'declaration_template', targetId: saved.id, requestId: options.requestId, details: { name } });
    return saved;
  });
}
