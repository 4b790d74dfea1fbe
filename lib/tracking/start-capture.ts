// The EPCIS 2.0 capture interface's job semantics (POST /capture → 202 with the capture id; GET
// /capture/{id} → the outcome): the job is recorded, the document processed, and the outcome kept
// with the job. Processing is synchronous here (a 10,000-event document takes about a second), so
// the answer already knows the outcome; a queue can come later without changing the contract.
//
// Refused before any record: callers without the right (FORBIDDEN) and oversized documents
// (PAYLOAD_TOO_LARGE), which the transport answers at once. A document refused for its content is a
// FAILED job whose errors name every problem; its events are not stored. An event id reused with
// other content (CONFLICT) is a FAILED job too, and is then thrown on, with the job's id, so that the
// transport answers 409 rather than 400.
import { randomUUID } from 'node:crypto';

import type { Actor } from '../auth/actor';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { AppError, isAppError } from '../errors';
import { getLogger } from '../logger';
import { assertSealEventWriter } from '../auth/policy';
import { captureEpcisDocument } from './capture-epcis-document';
import { CAPTURE_COLUMNS, type CaptureView } from './capture-view';

export async function startCapture(options: { actor: Actor; document: unknown; requestId?: string; deviceId?: string | null }): Promise<CaptureView> {
  const { actor } = options;
  assertSealEventWriter(actor);
  const id = randomUUID();
  const sql = sqlOfClient(getPool());
  const requestId = options.requestId ?? actor.request.id;
  try {
    await captureEpcisDocument({ ...options, captureId: id });
  } catch (error) {
    if (isAppError(error) && (error.code === 'FORBIDDEN' || error.code === 'PAYLOAD_TOO_LARGE')) throw error;
    const known = isAppError(error);
    if (!known) getLogger().error({ err: error, requestId, captureId: id }, 'EPCIS capture failed');
    // The job's own record, outside the rolled-back transaction of the document.
    await sql(
      `INSERT INTO epcis_capture (id, status, event_count, errors, error_count, message, actor_id, company_id, token_id, device_id, request_id, finished_at)
       VALUES ($1::uuid, 'FAILED', $2, $3::jsonb, $10, $4, $5::uuid, $6::uuid, $7::uuid, $8::uuid, $9, now())
       ON CONFLICT (id) DO UPDATE SET status = 'FAILED', errors = EXCLUDED.errors, error_count = EXCLUDED.error_count, message = EXCLUDED.message, finished_at = now()`,
      [
        id,
        eventCountOf(options.document),
        JSON.stringify(known ? (error.details.fieldErrors ?? []) : []),
        (known ? error.message : `Unexpected error; quote request id ${requestId ?? id} to support.`).slice(0, 1000),
        actor.userId,
        actor.companyId,
        actor.token?.id ?? null,
        options.deviceId ?? null,
        requestId,
        known ? errorCountOf(error.details) : 0,
      ],
    );
    if (isAppError(error) && error.code === 'CONFLICT') throw new AppError('CONFLICT', error.message, { ...error.details, captureId: id });
  }
  const [view] = await sql<CaptureView>(`SELECT ${CAPTURE_COLUMNS} FROM epcis_capture WHERE id = $1::uuid`, [id]);
  return view!;
}

function errorCountOf(details: AppError['details']): number {
  return typeof details.errorCount === 'number' ? details.errorCount : (details.fieldErrors?.length ?? 0);
}

function eventCountOf(document: unknown): number {
  const body = typeof document === 'object' && document !== null ? (document as { epcisBody?: { eventList?: unknown } }).epcisBody : undefined;
  return Array.isArray(body?.eventList) ? body.eventList.length : 0;
}
