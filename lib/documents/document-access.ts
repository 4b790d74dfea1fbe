// Who may upload, attach, list and download documents. The declaration rules are lib/auth/policy.ts's
// (who sees a declaration, who files it); what differs is the scope an API token needs: documents:read or
// documents:write instead of the declarations scopes, so that a token made for a document feed need not
// read declarations. As everywhere, what a caller may not see is "not found".
import type { Actor } from '../auth/actor';
import { assertScope, canFileDocuments, canReadDocuments, isBroker, isFilerRole, type DeclarationParties } from '../auth/policy';
import type { Sql } from '../database/sql';
import { AppError } from '../errors';
import type { DeclarationStatus } from '../generated/prisma/client';

export function seesDeclaration(actor: Actor, d: DeclarationParties): boolean {
  return canReadDocuments(actor, d);
}

export function filesDeclaration(actor: Actor, d: DeclarationParties): boolean {
  return canFileDocuments(actor, d);
}

/** Uploading: traders and brokers (for tokens, with documents:write). */
export function assertCanUploadDocuments(actor: Actor | null): asserts actor is Actor & { companyId: string } {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in, or send an API token with the scope "documents:write".');
  assertScope(actor, 'documents:write');
  if (!isFilerRole(actor)) throw new AppError('FORBIDDEN', 'Only traders and brokers upload documents.');
}

export interface DeclarationOfDocuments extends DeclarationParties {
  id: string;
  status: DeclarationStatus;
}

/** The declaration's parties and status (row-locked until the transaction ends when `lock`), or null. */
export async function readDeclaration(sql: Sql, id: string, options: { lock?: boolean } = {}): Promise<DeclarationOfDocuments | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [row] = await sql<{
    id: string;
    status: DeclarationStatus;
    type: DeclarationParties['type'];
    declarant_id: string;
    importer_id: string | null;
    exporter_id: string | null;
    representative_id: string | null;
  }>(
    `SELECT id, status::text AS status, type::text AS type, declarant_id, importer_id, exporter_id, representative_id
       FROM declaration WHERE id = $1::uuid${options.lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    type: row.type,
    declarantId: row.declarant_id,
    importerId: row.importer_id,
    exporterId: row.exporter_id,
    representativeId: row.representative_id,
  };
}

export const notFoundDeclaration = (id: string) => new AppError('NOT_FOUND', `No declaration ${id} that you can see.`);
export const notFoundDocument = (id: string) => new AppError('NOT_FOUND', `No document ${id} that you can see.`);

/** Attaching and removing: the declaration's filer (policy.ts) with documents:write; others see "not found". */
export function assertCanChangeDocuments(actor: Actor, d: DeclarationOfDocuments): void {
  assertScope(actor, 'documents:write');
  if (!seesDeclaration(actor, d)) throw notFoundDeclaration(d.id);
  if (!filesDeclaration(actor, d)) {
    throw new AppError(
      'FORBIDDEN',
      isBroker(actor) && actor.companyId === d.declarantId
        ? 'Your company no longer holds a valid power of representation from this client.'
        : 'Only the declarant company can change the documents of this declaration.',
    );
  }
}

/** Listing and downloading: whoever sees the declaration (for tokens, with documents:read). */
export function assertCanReadDocuments(actor: Actor, d: DeclarationParties & { id: string } | null, ref: string): asserts d is DeclarationParties & { id: string } {
  assertScope(actor, 'documents:read');
  if (!d || !seesDeclaration(actor, d)) throw notFoundDeclaration(ref);
}
