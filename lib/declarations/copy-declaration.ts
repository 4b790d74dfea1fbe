// A new DRAFT with another declaration's content under a new LRN. The copy is filed like any new draft
// (createDeclarationDraft), so every field is validated again against today's rules and the filer's
// current powers of representation; a declaration the caller may not see answers NOT_FOUND.
import type { Actor } from '../auth/actor';
import { assertCanReadDeclaration, assertFiler } from '../auth/policy';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { createDeclarationDraft } from './create-declaration-draft';
import { loadDeclarationRows } from './declaration-rows';
import { toDeclarationInput } from './to-declaration-input';
import { notVisible } from './not-visible';

export async function copyDeclaration(options: { actor: Actor; id: string; lrn: string; requestId?: string }): Promise<{ id: string }> {
  const { actor, id } = options;
  assertFiler(actor);
  const sql = sqlOfClient(getPool());
  const source = /^[0-9a-f-]{36}$/i.test(id) ? await loadDeclarationRows(sql, id) : null;
  assertCanReadDeclaration(actor, source, id);
  if (!source) throw notVisible(id);
  const partyIds = [source.importerId, source.exporterId, source.representativeId].filter((p): p is string => !!p);
  const companies = await sql<{ id: string; eori: string }>('SELECT id, eori FROM company WHERE id = ANY($1::uuid[])', [partyIds]);
  const eori = new Map(companies.map((c) => [c.id, c.eori]));
  const input = { ...toDeclarationInput(source, (c) => eori.get(c)), lrn: options.lrn };
  return createDeclarationDraft({ actor, input, requestId: options.requestId, origin: { copiedFrom: id } });
}
