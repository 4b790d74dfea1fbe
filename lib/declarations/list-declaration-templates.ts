// The templates of the caller's company, each with the problems it would have if filed now: fields the
// schema refuses, and codes the shipped code lists do not hold. Computed on every read, so a template
// saved before a code list changed is flagged when it is used, never silently rewritten.
import type { Actor } from '../auth/actor';
import { assertFiler } from '../auth/policy';
import { findUnlistedCodes } from '../code-lists/find-unlisted-codes';
import { getDb } from '../db';
import type { FieldError } from '../errors';
import { fieldErrorsOf } from '../validation';
import { declarationInput, type DeclarationInput } from './declaration-input';

export interface DeclarationTemplateView {
  id: string;
  name: string;
  body: Partial<DeclarationInput>;
  problems: FieldError[];
  updatedAt: Date;
}

export async function listDeclarationTemplates(options: { actor: Actor }): Promise<DeclarationTemplateView[]> {
  const { actor } = options;
  assertFiler(actor);
  const rows = await getDb().declarationTemplate.findMany({ where: { companyId: actor.companyId }, orderBy: { name: 'asc' } });
  return rows.map((t) => {
    const body = (t.body ?? {}) as Partial<DeclarationInput>;
    // A placeholder LRN: the template has none, and its absence is not the template's problem.
    const parsed = declarationInput.safeParse({ ...body, lrn: 'TEMPLATE' });
    const problems = [...(parsed.success ? [] : fieldErrorsOf(parsed.error, body)), ...findUnlistedCodes(body)];
    return { id: t.id, name: t.name, body, problems, updatedAt: t.updatedAt };
  });
}
