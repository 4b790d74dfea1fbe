// The deliver-webhook job: one attempt of one delivery (fan-out-event-task.ts creates them).
//
// At most once per attempt id: the attempt's row is committed before the request goes out; a job that
// runs again after its process died mid-request finds that attempt unfinished, records it as
// interrupted (never re-sending it) and makes the next attempt. The delivery id (`webhook-id`) stays the
// same across attempts, so a receiver that saw the interrupted request deduplicates.
//
// In order per declaration: while an earlier event of the same declaration is still pending for this
// endpoint, the later delivery waits: its job is delayed (by the fan-out, or here when a replay woke it
// early) and the earlier one, when it ends (delivered or dead-lettered), pulls that job forward (same job
// key, run_at now: graphile-worker replaces the pending job and wakes a worker). The delay is only a
// safety net; the pull is what makes the next delivery go out at once. Both sides lock the rows they
// decide on, so a predecessor ending while its successor is created or checked never leaves it waiting.
//
// An endpoint whose payload format is XML or EDIFACT gets a declaration's customs answers as a WCO DM
// Response or a CUSRES interchange (lib/interchange/build-event-response.ts), signed the same way.
import type { Task } from 'graphile-worker';

import { buildEventResponse } from '../interchange/build-event-response';
import { sqlTransaction, type Sql } from '../database/sql';
import { getEnv } from '../env';
import { isAppError } from '../errors';
import { enqueueJob } from '../jobs/enqueue-job';
import { getLogger } from '../logger';
import { nextRetryDelay } from './next-retry-delay';
import { postWebhook, type WebhookResponse } from './post-webhook';
import { recordBusinessEvent } from './record-business-event';
import { resolveWebhookAddress } from './resolve-webhook-address';
import { signWebhook } from './sign-webhook';
import { EVENT_COLUMNS, webhookBody, type EventRow } from './webhook-body';

/** How long a delivery's job waits behind its predecessor before it looks again by itself. */
export const WAIT_FOR_PREDECESSOR_MS = 3_600_000;

/** Five days of failures (and no success) disable an endpoint. */
export const FAILING_DAYS_BEFORE_DISABLE = 5;

interface Claimed {
  attemptId: string;
  number: number;
  url: string;
  secrets: string[];
  body: string;
  contentType: string;
}

export const deliverWebhookTask: Task<'deliver-webhook'> = async ({ deliveryId }) => {
  const env = getEnv();
  const claimed = await sqlTransaction((sql) => claimAttempt(sql, deliveryId, env.WEBHOOK_TIMEOUT_MS));
  if (!claimed) return;
  let response: WebhookResponse;
  try {
    const target = await resolveWebhookAddress(claimed.url);
    const headers = signWebhook({ deliveryId, body: claimed.body, secrets: claimed.secrets });
    response = await postWebhook(target, { headers: { ...headers, 'content-type': claimed.contentType }, body: claimed.body, timeoutMs: env.WEBHOOK_TIMEOUT_MS });
  } catch (err) {
    // The SSRF guard refused the address (DNS changed since registration), or the name no longer resolves.
    const details = (err as { details?: { fieldErrors?: { message: string }[] } }).details;
    response = { status: null, latencyMs: 0, excerpt: null, retryAfterSeconds: null, error: (details?.fieldErrors?.[0]?.message ?? (err as Error).message).slice(0, 500) };
  }
  await sqlTransaction((sql) => recordAttempt(sql, deliveryId, claimed, response));
};

async function claimAttempt(sql: Sql, deliveryId: string, timeoutMs: number): Promise<Claimed | null> {
  const [d] = await sql<{ state: string; attemptCount: number; endpointId: string; url: string; disabled: boolean; eventId: string | null; testPayload: unknown; declarationId: string | null; payloadFormat: string; createdById: string }>(
    `SELECT d.state, d.attempt_count AS "attemptCount", d.endpoint_id AS "endpointId", w.url, w.disabled_at IS NOT NULL AS disabled,
            w.payload_format AS "payloadFormat", w.created_by_id AS "createdById",
            d.event_id::text AS "eventId", d.test_payload AS "testPayload", e.declaration_id AS "declarationId"
       FROM webhook_delivery d JOIN webhook_endpoint w ON w.id = d.endpoint_id LEFT JOIN business_event e ON e.id = d.event_id
      WHERE d.id = $1::uuid FOR UPDATE OF d`,
    [deliveryId],
  );
  if (!d || d.state !== 'PENDING' || d.disabled) return null;

  const [open] = await sql<{ id: string; stale: boolean; startedAt: Date }>(
    `SELECT id, started_at < now() - make_interval(secs => $2::float8 / 1000 + 5) AS stale, started_at AS "startedAt"
       FROM webhook_attempt WHERE delivery_id = $1::uuid AND finished_at IS NULL`,
    [deliveryId, timeoutMs],
  );
  if (open && !open.stale) {
    // Another process may still be waiting for its answer: look again once it must have ended.
    await enqueueJob(sql, 'deliver-webhook', { deliveryId }, { jobKey: `deliver-webhook:${deliveryId}`, runAt: new Date(open.startedAt.getTime() + timeoutMs + 6_000), maxAttempts: 5 });
    return null;
  }
  if (open) await sql(`UPDATE webhook_attempt SET finished_at = now(), error = 'Interrupted: the sending process stopped before the answer was recorded.' WHERE id = $1::uuid`, [open.id]);

  if (d.declarationId && d.eventId) {
    const [earlier] = await sql(
      `SELECT 1 FROM webhook_delivery p JOIN business_event pe ON pe.id = p.event_id
        WHERE p.endpoint_id = $1::uuid AND p.state = 'PENDING' AND pe.declaration_id = $2::uuid AND pe.id < $3::bigint LIMIT 1`,
      [d.endpointId, d.declarationId, d.eventId],
    );
    // Its predecessor pulls this one forward when it ends (it waits for our lock on this row to do so).
    if (earlier) {
      await enqueueJob(sql, 'deliver-webhook', { deliveryId }, { jobKey: `deliver-webhook:${deliveryId}`, runAt: new Date(Date.now() + WAIT_FOR_PREDECESSOR_MS), maxAttempts: 5 });
      return null;
    }
  }

  let body: string;
  let contentType = 'application/json';
  if (d.eventId) {
    const [event] = await sql<EventRow>(`SELECT ${EVENT_COLUMNS} FROM business_event e WHERE e.id = $1::bigint`, [d.eventId]);
    const standard = d.payloadFormat === 'XML' || d.payloadFormat === 'EDIFACT' ? await buildEventResponse({ event: event!, format: d.payloadFormat, userId: d.createdById }).catch(jsonInstead) : null;
    body = standard?.body ?? JSON.stringify(webhookBody(event!));
    if (standard) contentType = standard.contentType;
  } else {
    body = JSON.stringify(d.testPayload);
  }
  const secrets = await sql<{ secret: string }>(
    `SELECT secret FROM webhook_secret WHERE endpoint_id = $1::uuid AND (expires_at IS NULL OR expires_at > now()) ORDER BY created_at DESC`,
    [d.endpointId],
  );
  const number = d.attemptCount + 1;
  const [attempt] = await sql<{ id: string }>(
    `INSERT INTO webhook_attempt (id, delivery_id, number) VALUES (gen_random_uuid(), $1::uuid, $2) RETURNING id`,
    [deliveryId, number],
  );
  await sql(`UPDATE webhook_delivery SET attempt_count = $2 WHERE id = $1::uuid`, [deliveryId, number]);
  return { attemptId: attempt!.id, number, url: d.url, secrets: secrets.map((s) => s.secret), body, contentType };
}

async function recordAttempt(sql: Sql, deliveryId: string, claimed: Claimed, r: WebhookResponse): Promise<void> {
  const ok = r.status !== null && r.status >= 200 && r.status < 300;
  const error = ok ? null : (r.error ?? (r.status !== null ? `Answered ${r.status}.` : 'No answer.'));
  await sql(
    `UPDATE webhook_attempt SET finished_at = now(), status_code = $2, latency_ms = $3, error = $4, response_excerpt = $5 WHERE id = $1::uuid`,
    [claimed.attemptId, r.status, r.latencyMs, error?.slice(0, 500) ?? null, r.excerpt?.slice(0, 1000) ?? null],
  );
  const [d] = await sql<{ endpointId: string; companyId: string; url: string; failingSince: Date | null; eventId: string | null; declarationId: string | null }>(
    `SELECT d.endpoint_id AS "endpointId", w.company_id AS "companyId", w.url, w.failing_since AS "failingSince", d.event_id::text AS "eventId", e.declaration_id AS "declarationId"
       FROM webhook_delivery d JOIN webhook_endpoint w ON w.id = d.endpoint_id LEFT JOIN business_event e ON e.id = d.event_id
      WHERE d.id = $1::uuid FOR UPDATE OF d, w`,
    [deliveryId],
  );
  if (!d) return;
  if (ok) {
    await sql(`UPDATE webhook_delivery SET state = 'DELIVERED', delivered_at = now(), next_attempt_at = NULL WHERE id = $1::uuid`, [deliveryId]);
    await sql(`UPDATE webhook_endpoint SET failing_since = NULL WHERE id = $1::uuid AND failing_since IS NOT NULL`, [d.endpointId]);
    await startSuccessor(sql, d);
    return;
  }
  await sql(`UPDATE webhook_endpoint SET failing_since = now() WHERE id = $1::uuid AND failing_since IS NULL`, [d.endpointId]);
  const failingFor = d.failingSince ? Date.now() - d.failingSince.getTime() : 0;
  if (r.status === 410 || failingFor > FAILING_DAYS_BEFORE_DISABLE * 86_400_000) {
    const reason = r.status === 410 ? 'The endpoint answered 410 Gone.' : `Every delivery failed for ${FAILING_DAYS_BEFORE_DISABLE} days.`;
    await sql(`UPDATE webhook_delivery SET state = 'FAILED', next_attempt_at = NULL WHERE id = $1::uuid`, [deliveryId]);
    await disableEndpoint(sql, d, reason);
    return;
  }
  const delay = nextRetryDelay(claimed.number, r.status === 429 || r.status === 503 ? r.retryAfterSeconds : null);
  if (delay === null) {
    // Dead-lettered: kept in the log, replayable until retention ends.
    await sql(`UPDATE webhook_delivery SET state = 'FAILED', next_attempt_at = NULL WHERE id = $1::uuid`, [deliveryId]);
    await startSuccessor(sql, d);
    return;
  }
  const runAt = new Date(Date.now() + delay);
  await sql(`UPDATE webhook_delivery SET next_attempt_at = $2 WHERE id = $1::uuid`, [deliveryId, runAt]);
  await enqueueJob(sql, 'deliver-webhook', { deliveryId }, { jobKey: `deliver-webhook:${deliveryId}`, runAt, maxAttempts: 5 });
}

/** The registering administrator was disabled, or can no longer see the declaration: the JSON event, which says only what the event says, goes instead. */
function jsonInstead(error: unknown): null {
  if (isAppError(error)) return null;
  throw error;
}

/**
 * The next pending delivery of the same declaration to the same endpoint, which waited for this one: its
 * job is pulled forward. Its row is locked first, so a claim of it that is deciding to wait commits that
 * (delayed) job before we replace it with one due now.
 */
async function startSuccessor(sql: Sql, d: { endpointId: string; declarationId: string | null; eventId: string | null }): Promise<void> {
  if (!d.declarationId || !d.eventId) return;
  await sql(
    `WITH n AS (
       SELECT p.id FROM webhook_delivery p JOIN business_event pe ON pe.id = p.event_id
        WHERE p.endpoint_id = $1::uuid AND p.state = 'PENDING' AND pe.declaration_id = $2::uuid AND pe.id > $3::bigint
        ORDER BY pe.id LIMIT 1 FOR UPDATE OF p),
     due AS (UPDATE webhook_delivery SET next_attempt_at = now() FROM n WHERE webhook_delivery.id = n.id RETURNING webhook_delivery.id)
     SELECT graphile_worker.add_job('deliver-webhook', json_build_object('deliveryId', due.id), job_key => 'deliver-webhook:' || due.id, max_attempts => 5) IS NOT NULL FROM due`,
    [d.endpointId, d.declarationId, d.eventId],
  );
}

async function disableEndpoint(sql: Sql, d: { endpointId: string; companyId: string; url: string }, reason: string): Promise<void> {
  const [changed] = await sql(`UPDATE webhook_endpoint SET disabled_at = now(), disabled_reason = $2 WHERE id = $1::uuid AND disabled_at IS NULL RETURNING 1`, [d.endpointId, reason]);
  if (!changed) return;
  // The company's administrators are told through the notifications path (inbox + e-mail by default).
  await recordBusinessEvent(sql, { type: 'webhook_endpoint.disabled', companyId: d.companyId, payload: { endpointId: d.endpointId, url: d.url, reason } });
  getLogger().warn({ endpointId: d.endpointId, reason }, 'webhook endpoint disabled');
}
