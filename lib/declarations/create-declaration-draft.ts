// A new DRAFT declaration of the actor's company. Nothing is stored unless every field is valid.
// A hot path (third-party systems file in bulk): two SQL statements — the parties' lookup, then one
// statement that inserts header, containers, items, history and audit together (atomic on its own).
import type { Actor } from '../auth/actor';
import { getPool } from '../db';
import { pgCode, sqlOfClient } from '../database/sql';
import { AppError, type FieldError } from '../errors';
import { parseInput, throwFieldErrors } from '../validation';
import { assertCanCreateDeclaration, assertFiler } from '../auth/policy';
import { headerData, insertLinesSql, linesJson, resolveParties } from './declaration-body';
import { declarationInput, type DeclarationInput } from './declaration-input';

const duplicateLrn = (lrn: string) =>
  new AppError('BAD_USER_INPUT', 'Some fields need correcting.', {
    fieldErrors: [{ path: ['lrn'], code: 'DUPLICATE', message: `Your company already has a declaration with LRN ${lrn}.` }],
  });

const lines = insertLinesSql('$26', 'd');
const INSERT = `
WITH d AS (
  INSERT INTO declaration (id, lrn, type, additional_type, procedure_code, additional_procedure, declarant_id, importer_id,
    exporter_id, representative_id, representation_status, incoterm, incoterm_place, transport_mode, transport_document,
    office_of_entry, office_of_declaration, office_of_exit, invoice_currency, invoice_amount, exchange_rate, freight,
    insurance, total_packages, gross_mass, created_by_id, updated_at)
  VALUES (gen_random_uuid(), $1, $2::declaration_type, $3, $4, $5, $6::uuid, $7::uuid, $8::uuid, $9::uuid,
    $10::representation_status, $11, $12, $13, $14, $15, $16, $17, $18, $19::numeric, $20::numeric, $21::numeric,
    $22::numeric, $23, $24::numeric, $25::uuid, now())
  ON CONFLICT (declarant_id, lrn) DO NOTHING
  RETURNING id),
c AS (${lines.containers}),
i AS (${lines.items}),
s AS (INSERT INTO declaration_status_change (declaration_id, from_status, to_status, actor_id) SELECT d.id, NULL, 'DRAFT', $25::uuid FROM d),
a AS (INSERT INTO audit_event (actor_id, company_id, action, target_type, target_id, request_id, details, token_id, ip)
      SELECT $25::uuid, $6::uuid, 'declaration.create_draft', 'declaration', d.id::text, $27, json_build_object('lrn', $1::text), $28::uuid, $29 FROM d)
SELECT id FROM d`;

export async function createDeclarationDraft(options: { actor: Actor; input: DeclarationInput; requestId?: string }): Promise<{ id: string }> {
  const { actor } = options;
  assertFiler(actor);
  const input = parseInput(declarationInput, options.input);
  const sql = sqlOfClient(getPool());
  const errors: FieldError[] = [];
  const parties = await resolveParties(sql, input, errors);
  throwFieldErrors(errors);
  assertCanCreateDeclaration(actor, { type: input.type, ...parties, representationStatus: input.representationStatus ?? null });
  const h = headerData(input);
  const inserted = await sql<{ id: string }>(INSERT, [
    h.lrn, h.type, h.additionalType, h.procedureCode, h.additionalProcedure, actor.companyId, parties.importerId,
    parties.exporterId, parties.representativeId, h.representationStatus, h.incoterm, h.incotermPlace, h.transportMode,
    h.transportDocument, h.officeOfEntry, h.officeOfDeclaration, h.officeOfExit, h.invoiceCurrency, h.invoiceAmount,
    h.exchangeRate, h.freight, h.insurance, h.totalPackages, h.grossMass, actor.userId, linesJson(input), options.requestId ?? actor.request.id,
    actor.token?.id ?? null, actor.request.ip,
  ]).catch((error: unknown) => {
    throw pgCode(error) === '23505' ? duplicateLrn(input.lrn) : error;
  });
  const id = inserted[0]?.id;
  if (!id) throw duplicateLrn(input.lrn);
  return { id };
}
