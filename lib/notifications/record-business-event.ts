// Writes business events in the caller's transaction: the event exists if and only if the change that
// caused it commits. In the same statement it wakes the fan-out (graphile-worker, so webhook deliveries,
// inbox entries and e-mails follow after commit, in any process) and sends a NOTIFY on the
// `business_event` channel, which PostgreSQL delivers on commit to every process's subscription
// listener (Subscription.declarationEvents). One round trip, whatever the number of events.
//
// The fan-out job fans out every pending event, not just these (fan-out-events-task.ts), so one waiting
// job per subject is enough: its key is the subject's (declaration, else company, else the event), and a
// second event of the subject replaces the waiting job instead of adding one. Keyed by subject, not one
// key for all: writers of one declaration already wait for each other (its row lock), so the job row
// they share adds no waiting; a single key would make every event-writing transaction wait for the
// previous one's commit.
import type { Sql } from '../database/sql';
import { EVENT_TYPES, type EventType } from './event-types';

export interface BusinessEventInput {
  type: EventType;
  /** The payload's shape version for this type (default 1). */
  version?: number;
  declarationId?: string | null;
  /** For events about a company rather than a declaration (invitation, API token expiring). */
  companyId?: string | null;
  mrn?: string | null;
  lrn?: string | null;
  containerNumber?: string | null;
  /** Overrides the type's DMS code (a lane decides between DMSDOC and DMSCTL). */
  dmsCode?: string | null;
  /** Thin: ids and status. Receivers read details over GraphQL with their own rights. */
  payload?: Record<string, unknown>;
}

/** Receivers are told to expect bodies well below this; a larger payload is a programming error. */
export const MAX_PAYLOAD_BYTES = 20_000;

export const EVENT_CHANNEL = 'business_event';

/** The fan-out job's task name (lib/notifications/fan-out-events-task.ts). */
export const FAN_OUT_TASK = 'fan-out-events';

/**
 * SQL naming an event's fan-out subject, for a business_event alias: its declaration, else its company,
 * else the event itself. A subject's events are fanned out in id order, by the run holding the
 * subject's advisory lock ('fan-out:' || subject, the key the per-event jobs before batching took too).
 */
export const FAN_OUT_SUBJECT = (alias: string) => `COALESCE(${alias}.declaration_id::text, ${alias}.company_id::text, ${alias}.id::text)`;

export async function recordBusinessEvent(sql: Sql, event: BusinessEventInput | BusinessEventInput[]): Promise<string[]> {
  const events = Array.isArray(event) ? event : [event];
  if (!events.length) return [];
  const rows = events.map((e, n) => {
    const payload = JSON.stringify(e.payload ?? {});
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) throw new Error(`The payload of a ${e.type} event is over ${MAX_PAYLOAD_BYTES} bytes: keep events thin (ids and status).`);
    return {
      n,
      type: e.type,
      version: e.version ?? 1,
      dms_code: e.dmsCode !== undefined ? e.dmsCode : EVENT_TYPES[e.type].dms,
      declaration_id: e.declarationId ?? null,
      company_id: e.companyId ?? null,
      mrn: e.mrn ?? null,
      lrn: e.lrn ?? null,
      container_number: e.containerNumber ?? null,
      payload,
    };
  });
  const inserted = await sql<{ id: string }>(
    `WITH e AS (
       INSERT INTO business_event (type, version, dms_code, declaration_id, company_id, mrn, lrn, container_number, payload)
       SELECT x.type, x.version, x.dms_code, x.declaration_id, x.company_id, x.mrn, x.lrn, x.container_number, x.payload::jsonb
         FROM json_to_recordset($1::json) AS x(n int, type text, version int, dms_code text, declaration_id uuid, company_id uuid,
              mrn text, lrn text, container_number text, payload text)
        ORDER BY x.n
       RETURNING id, declaration_id, company_id),
     queued AS (
       SELECT graphile_worker.add_job('${FAN_OUT_TASK}', '{}'::json, job_key => '${FAN_OUT_TASK}:' || s.subject, max_attempts => 25) IS NOT NULL AS queued
         FROM (SELECT DISTINCT ${FAN_OUT_SUBJECT('e')} AS subject FROM e) s)
     SELECT e.id::text AS id,
            (SELECT count(*) FROM queued) AS queued,
            pg_notify('${EVENT_CHANNEL}', json_build_object('id', e.id::text, 'declarationId', e.declaration_id, 'companyId', e.company_id)::text) IS NULL AS notified
       FROM e ORDER BY e.id`,
    [JSON.stringify(rows)],
  );
  return inserted.map((r) => r.id);
}
