// One message of an interchange filed through the same validation and lifecycle as GraphQL: created as a
// draft (createDeclarationDraft), then submitted when the message asks for it (submitDeclaration). Every
// refusal comes back as errors located in the source (message.locate), never thrown, and leaves nothing:
// a submission refused after the draft was saved discards that draft (delete + audit, one transaction).
//
// Idempotent by the message's reference per filer company and format: a repeat with the same content
// answers the stored outcome (replayed: true); the same reference with other content is refused.
import { createHash } from 'node:crypto';

import { AUDIT_COLUMNS, auditPlaceholders, auditValues } from '../audit';
import type { Actor } from '../auth/actor';
import { assertFiler } from '../auth/policy';
import { getPool } from '../db';
import { pgCode, sqlOfClient } from '../database/sql';
import { createDeclarationDraft } from '../declarations/create-declaration-draft';
import { submitDeclaration } from '../declarations/submit-declaration';
import { isAppError, type FieldErrorCode } from '../errors';
import { locatedFieldError, problemOf, type InterchangeMessage, type LocatedError } from './interchange-message';

/** What a message got: the declaration it filed, or the located reasons it was refused. */
export interface MessageOutcome {
  reference: string;
  lrn: string | null;
  accepted: boolean;
  declarationId: string | null;
  /** DRAFT, or where submission left it (DUTY_ASSESSED, UNDER_CONTROL). */
  status: string | null;
  mrn: string | null;
  lane: string | null;
  errors: LocatedError[];
  /** When it was answered (a replay keeps the first time). */
  at: string;
  /** True when this is the stored answer of an earlier identical message. */
  replayed: boolean;
}

const DISCARD = `
WITH d AS (DELETE FROM declaration WHERE id = $1::uuid AND status = 'DRAFT' RETURNING id)
INSERT INTO audit_event (${AUDIT_COLUMNS}) SELECT ${auditPlaceholders(2)} FROM d`;

export function contentSha256(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

export async function fileInterchangeMessage(options: { actor: Actor; message: InterchangeMessage; content: string; requestId?: string }): Promise<MessageOutcome> {
  const { actor, message, requestId } = options;
  assertFiler(actor);
  const lrn = typeof message.input?.lrn === 'string' ? message.input.lrn : null;
  const refuse = (errors: LocatedError[]): MessageOutcome => ({ reference: message.reference, lrn, accepted: false, declarationId: null, status: null, mrn: null, lane: null, errors, at: new Date().toISOString(), replayed: false });
  if (message.errors.length || !message.input) return refuse(message.errors);

  const sql = sqlOfClient(getPool());
  const sha = contentSha256(options.content);
  const [earlier] = await sql<{ content_sha256: string; outcome: MessageOutcome }>(
    `SELECT content_sha256, outcome FROM interchange_message WHERE company_id = $1::uuid AND format = $2 AND reference = $3`,
    [actor.companyId, message.format, message.reference],
  );
  if (earlier) {
    if (earlier.content_sha256 === sha) return { ...earlier.outcome, replayed: true };
    return refuse([{ ...message.locate(['lrn']), field: 'lrn', code: 'DUPLICATE', ...problemOf('referenceReused', { reference: message.reference }) }]);
  }

  let id: string;
  try {
    id = (await createDeclarationDraft({ actor, input: message.input, requestId })).id;
  } catch (error) {
    return refuse(locatedErrorsOf(error, message));
  }
  if (message.submit) {
    try {
      await submitDeclaration({ actor, id, requestId });
    } catch (error) {
      const errors = locatedErrorsOf(error, message);
      await sql(DISCARD, [id, ...auditValues({ actor, action: 'declaration.discard_refused_filing', targetType: 'declaration', targetId: id, requestId, details: { lrn: lrn ?? '', format: message.format, reason: errors[0]?.message ?? 'Refused' } })]);
      return refuse(errors);
    }
  }
  const [row] = await sql<{ status: string; mrn: string | null; lane: string | null }>(`SELECT status, mrn, lane FROM declaration WHERE id = $1::uuid`, [id]);
  const outcome: MessageOutcome = { reference: message.reference, lrn, accepted: true, declarationId: id, status: row!.status, mrn: row!.mrn, lane: row!.lane, errors: [], at: new Date().toISOString(), replayed: false };
  await sql(
    `INSERT INTO interchange_message (company_id, format, reference, content_sha256, declaration_id, outcome) VALUES ($1::uuid, $2, $3, $4, $5::uuid, $6::jsonb) ON CONFLICT DO NOTHING`,
    [actor.companyId, message.format, message.reference, sha, id, JSON.stringify(outcome)],
  ).catch((error: unknown) => {
    if (pgCode(error) !== '23505') throw error;
  });
  return outcome;
}

/** An AppError's field errors at their source positions, each with its sentence's catalogue key; anything unexpected is rethrown. */
function locatedErrorsOf(error: unknown, message: InterchangeMessage): LocatedError[] {
  if (!isAppError(error) || !['BAD_USER_INPUT', 'FORBIDDEN', 'CONFLICT', 'NOT_FOUND'].includes(error.code)) throw error;
  const fieldErrors = error.details.fieldErrors ?? [];
  if (!fieldErrors.length) {
    const { messageKey, params } = error.details;
    return [{ ...message.locate([]), field: null, code: (error.code === 'FORBIDDEN' ? 'NOT_ALLOWED' : 'INVALID') as FieldErrorCode, message: error.message, ...(typeof messageKey === 'string' ? { messageKey, params: params ?? {} } : {}) }];
  }
  return fieldErrors.map((f) => locatedFieldError(f, message));
}


