// A new DRAFT declaration of the actor's company. Nothing is stored unless every field is valid.
// A hot path (third-party systems file in bulk): two SQL statements — the parties' lookup, then one
// statement that inserts header, containers, items, history and audit together (atomic on its own).
import { randomUUID } from 'node:crypto';

import { AUDIT_COLUMNS, auditPlaceholders, auditValues } from '../audit';
import type { Actor } from '../auth/actor';
import { getPool } from '../db';
import { pgCode, sqlOfClient } from '../database/sql';
import type { FieldError } from '../errors';
import { fieldsNeedCorrecting, parseInput, throwFieldErrors } from '../validation';
import { assertCanCreateDeclaration, assertFiler } from '../auth/policy';
import { headerData, insertLinesSql, linesJson, resolveParties } from './declaration-body';
import { DECLARATION_COLUMNS, paramSql } from './declaration-columns';
import { declarationInput, type DeclarationInput } from './declaration-input';
import { cataloguedMessage } from '../i18n/catalogued-message';

const duplicateLrn = (lrn: string) =>
  fieldsNeedCorrecting([{ path: ['lrn'], code: 'DUPLICATE', ...cataloguedMessage('declaration.lrnTaken', { lrn }) }]);

// The header's stored fields are $1…$n in DECLARATION_COLUMNS' order; the others follow them.
const HEADER = Object.entries(DECLARATION_COLUMNS);
const n = HEADER.length;
const [ID, DECLARANT, IMPORTER, EXPORTER, REPRESENTATIVE, CREATED_BY, LINES] = Array.from({ length: 7 }, (_, i) => `$${n + i + 1}`);
const AUDIT_AT = n + 8;
const lines = insertLinesSql(LINES!, 'd');
const INSERT = `
WITH d AS (
  INSERT INTO declaration (id, ${HEADER.map(([, c]) => c.column).join(', ')}, declarant_id, importer_id, exporter_id, representative_id, created_by_id, updated_at)
  VALUES (${ID}::uuid, ${HEADER.map(([, c], i) => paramSql(`$${i + 1}`, c)).join(', ')}, ${DECLARANT}::uuid, ${IMPORTER}::uuid, ${EXPORTER}::uuid,
    ${REPRESENTATIVE}::uuid, ${CREATED_BY}::uuid, now())
  ON CONFLICT (declarant_id, lrn) DO NOTHING
  RETURNING id),
c AS (${lines.containers}),
i AS (${lines.items}),
s AS (INSERT INTO declaration_status_change (declaration_id, from_status, to_status, actor_id) SELECT d.id, NULL, 'DRAFT', ${CREATED_BY}::uuid FROM d),
-- Only when the declaration was inserted (not on a duplicate LRN): FROM d.
a AS (INSERT INTO audit_event (${AUDIT_COLUMNS}) SELECT ${auditPlaceholders(AUDIT_AT)} FROM d)
SELECT id FROM d`;

export async function createDeclarationDraft(options: {
  actor: Actor;
  input: DeclarationInput;
  requestId?: string;
  /** Where the content came from (a copied declaration, a template), kept in the audit row. */
  origin?: { copiedFrom?: string; template?: string };
}): Promise<{ id: string }> {
  const { actor } = options;
  assertFiler(actor);
  const input = parseInput(declarationInput, options.input);
  const sql = sqlOfClient(getPool());
  const errors: FieldError[] = [];
  const parties = await resolveParties(sql, input, errors);
  throwFieldErrors(errors);
  assertCanCreateDeclaration(actor, { type: input.type, ...parties, representationStatus: input.representationStatus ?? null });
  const h = headerData(input);
  // The id is chosen here so the audit row's values can be built before the statement runs.
  const newId = randomUUID();
  const inserted = await sql<{ id: string }>(INSERT, [
    ...HEADER.map(([k]) => h[k as keyof typeof h]),
    newId,
    actor.companyId,
    parties.importerId,
    parties.exporterId,
    parties.representativeId,
    actor.userId,
    linesJson(input),
    ...auditValues({ actor, action: 'declaration.create_draft', targetType: 'declaration', targetId: newId, requestId: options.requestId, details: { lrn: input.lrn, ...options.origin } }),
  ]).catch((error: unknown) => {
    throw pgCode(error) === '23505' ? duplicateLrn(input.lrn) : error;
  });
  const id = inserted[0]?.id;
  if (!id) throw duplicateLrn(input.lrn);
  return { id };
}
