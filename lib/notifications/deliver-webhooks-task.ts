// The deliver-webhooks job: sends an endpoint's due deliveries, in batches, until none is due.
//
// One job per endpoint, not per delivery: its key `deliver-webhooks:<endpoint id>` makes every wake-up
// (a fan-out, a replay, a test event, the rescue cron) at most one pending job, and a wake-up while a run
// is sending becomes the next run (graphile-worker gives a running job's key to the new job). Each batch
// costs a handful of statements however many deliveries it holds — a job per delivery cost about twenty
// round trips each, which capped delivery at ~140/s on the reference machine (docs/benchmarks.md).
//
// In order per declaration: a delivery is sent only when every earlier delivery of its declaration to
// this endpoint has ended (delivered or dead-lettered) or is in the same batch before it; within a batch
// a declaration's deliveries go one after the other and a failure stops the rest of its chain (they are
// put back untouched, behind the retry). Different declarations go in parallel. Two runs of one endpoint
// (a wake-up while a process that died still holds its job's lock) never take the same delivery nor a
// later one of a declaration still in flight: claims take the endpoint's advisory lock, and a delivery
// in flight is pending with an unfinished attempt, which holds back its successors.
//
// At most once per attempt id: the attempts' rows are committed before the requests go out; a batch whose
// process died mid-request leaves them unfinished, and once they cannot still be answered (timeout + 5 s)
// the next claim records them as interrupted and makes the next attempt. The delivery id (`webhook-id`)
// stays the same across attempts, so a receiver that saw the interrupted request deduplicates.
//
// An endpoint whose payload format is XML or EDIFACT gets a declaration's customs answers as a WCO DM
// Response or a CUSRES interchange (lib/interchange/build-event-response.ts), signed the same way.
import type { Task } from 'graphile-worker';

import { buildEventResponse } from '../interchange/build-event-response';
import { preparedSqlOfClient, sqlTransaction, type Sql } from '../database/sql';
import { getPool } from '../db';
import { getEnv } from '../env';
import { isAppError } from '../errors';
import { enqueueJob } from '../jobs/enqueue-job';
import { getLogger } from '../logger';
import { nextRetryDelay } from './next-retry-delay';
import { postWebhook, type WebhookResponse } from './post-webhook';
import { recordBusinessEvent } from './record-business-event';
import { resolveWebhookAddress, type WebhookAddress } from './resolve-webhook-address';
import { signWebhook } from './sign-webhook';
import { EVENT_COLUMNS, webhookBody, type EventRow } from './webhook-body';

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'deliver-webhooks': { endpointId: string };
      /** Jobs queued before deliveries were batched per endpoint (one per delivery): they wake its endpoint. */
      'deliver-webhook': { deliveryId: string };
    }
  }
}

/** Five days of failures (and no success) disable an endpoint. */
export const FAILING_DAYS_BEFORE_DISABLE = 5;
/** Deliveries claimed per batch. */
export const WEBHOOK_BATCH_SIZE = 200;
/** Requests in flight at once to one endpoint (one per declaration chain). */
export const WEBHOOK_PARALLEL_REQUESTS = 16;
/**
 * A run hands over to a fresh job after this long, so a busy endpoint cannot hold a worker while other
 * endpoints' jobs wait: the fresh job queues behind them. With more endpoints than workers, a 20 s budget
 * left some receivers 10 s behind the others in the benchmark (docs/benchmarks.md); a hand-over costs a
 * few statements.
 */
const RUN_BUDGET_MS = 1_000;

/**
 * SQL (a boolean) that wakes an endpoint's deliver-webhooks job, for an expression naming the endpoint id:
 * the one way every writer of deliveries (fan-out, replay, test event, rescue) asks for them to be sent.
 *
 * A job that is waiting and due is left alone: every fan-out wakes the same endpoints, and
 * add_job on the one job row would make all of them wait for each other's commits (measured: most of a
 * fan-out's time). The window this leaves — that job starts, finds nothing and ends between this check
 * and our commit — is closed by the run itself: a run that sent anything books a follow-up run a second
 * later (bookNextRun), and the rescue cron wakes any endpoint with a delivery overdue.
 */
export function wakeEndpointSql(endpointIdExpression: string): string {
  return `CASE WHEN EXISTS (SELECT 1 FROM graphile_worker.jobs j WHERE j.key = 'deliver-webhooks:' || ${endpointIdExpression} AND j.locked_at IS NULL AND j.run_at <= now())
               THEN true
               ELSE graphile_worker.add_job('deliver-webhooks', json_build_object('endpointId', ${endpointIdExpression}), job_key => 'deliver-webhooks:' || ${endpointIdExpression}, max_attempts => 25) IS NOT NULL END`;
}

interface Item {
  deliveryId: string;
  attemptId: string;
  number: number;
  eventId: string | null;
  declarationId: string | null;
  /** An earlier delivery of its declaration was still in flight in this run when it was claimed (see deliverWebhooks). */
  afterInFlight: boolean;
  body: string;
  contentType: string;
}

interface Batch {
  url: string;
  secrets: string[];
  items: Item[];
}

type Outcome = { item: Item; response: WebhookResponse } | { item: Item; response: null };

export const deliverWebhooksTask: Task<'deliver-webhooks'> = async ({ endpointId }) => {
  await deliverWebhooks(endpointId);
};

export const deliverWebhookLegacyTask: Task<'deliver-webhook'> = async ({ deliveryId }) => {
  const [d] = await sqlTransaction((sql) => sql<{ endpointId: string }>(`SELECT endpoint_id AS "endpointId" FROM webhook_delivery WHERE id = $1::uuid`, [deliveryId]));
  if (d) await deliverWebhooks(d.endpointId);
};

/**
 * Sends the endpoint's due deliveries until none is left (or the run's budget is spent), then books its next run.
 *
 * A run is a pipeline of three stages, at most one batch in each: while batch k is being sent, batch k+1
 * is claimed and batch k-1's answers are recorded (one after the other, a batch of ~50 cost about as much
 * to claim, to send and to record: docs/benchmarks.md). A claim made while batch k is in flight may take
 * the successors of k's deliveries (their declaration's chain continues through this run's own
 * deliveries in flight, `passable`); they are sent only if their declaration's chain in batch k ended
 * delivered, otherwise put back untouched like any chain stopped by a failure. Everything else is as
 * for one batch at a time: attempts committed before their requests, one advisory-locked claim at a
 * time per endpoint, nothing a crash can send twice under one attempt id.
 */
export async function deliverWebhooks(endpointId: string, options: { batchSize?: number } = {}): Promise<number> {
  const timeoutMs = getEnv().WEBHOOK_TIMEOUT_MS;
  const batchSize = options.batchSize ?? WEBHOOK_BATCH_SIZE;
  const started = Date.now();
  const claim = (passable: string[]) => sqlTransaction((sql) => claimBatch(sql, endpointId, timeoutMs, batchSize, passable), { prepared: true });
  let sent = 0;
  // A run that ends because a claim found nothing is idle; one that spent its budget is not.
  let budgetSpent = false;
  let current = await claim([]);
  // The batch sent in the previous step (its answers are recorded during this step), and the
  // declarations whose chain it did not end delivered.
  let previous: Outcome[] = [];
  let stopped = new Set<string>();
  while (current?.items.length) {
    const batch: Batch = current;
    // Claimed behind a delivery of the previous batch that was not delivered: not sent (nor its chain's rest).
    const held = new Set(batch.items.filter((item) => item.afterInFlight && item.declarationId !== null && stopped.has(item.declarationId)));
    const passable = [
      ...batch.items.filter((item) => !held.has(item)).map((item) => item.deliveryId),
      ...previous.filter((o) => o.response && succeeded(o.response)).map((o) => o.item.deliveryId),
    ];
    budgetSpent = Date.now() - started > RUN_BUDGET_MS;
    const results = await Promise.allSettled([
      sendBatch(batch, timeoutMs, held),
      budgetSpent ? Promise.resolve(null) : claim(passable),
      previous.length ? record(endpointId, previous, batch) : Promise.resolve(),
    ] as const);
    const [sending, claiming, recording] = results;
    if (sending.status === 'rejected' || claiming.status === 'rejected' || recording.status === 'rejected') {
      // Put back what can be: the answers not recorded yet, and a claimed batch that will not be sent.
      const unrecorded = [...(recording.status === 'rejected' ? previous : []), ...(sending.status === 'fulfilled' ? sending.value : [])];
      const unsent = claiming.status === 'fulfilled' && claiming.value ? claiming.value.items.map((item) => ({ item, response: null })) : [];
      await record(endpointId, [...unrecorded, ...unsent], null).catch((err: unknown) => getLogger().error({ err, endpointId }, 'webhook answers not recorded'));
      throw results.find((r) => r.status === 'rejected')!.reason;
    }
    previous = sending.value;
    sent += previous.filter((o) => o.response).length;
    stopped = new Set(previous.filter((o) => !o.response || !succeeded(o.response)).flatMap((o) => (o.item.declarationId === null ? [] : [o.item.declarationId])));
    current = claiming.value;
  }
  if (previous.length) await record(endpointId, previous, null);
  await sqlTransaction((sql) => bookNextRun(sql, endpointId, timeoutMs, !budgetSpent, sent > 0));
  return sent;
}

// Pending deliveries of the endpoint; `ready` when due and not in flight (an unfinished attempt that
// could still be answered), `passable` when in flight in this very run and going to be sent ($4). A
// declaration's chain is ready up to its first delivery that is neither; a ready one after a passable
// one is `after_in_flight`. This run's own deliveries are never taken again, however old their attempt.
const CLAIM = `
WITH pending AS (
  SELECT d.id, d.event_id, e.declaration_id, d.created_at, d.id = ANY($4::uuid[]) AS passable,
         COALESCE(d.next_attempt_at, '-infinity') <= now() AND NOT EXISTS (
           SELECT 1 FROM webhook_attempt a WHERE a.delivery_id = d.id AND a.finished_at IS NULL
              AND a.started_at >= now() - make_interval(secs => $2::float8 / 1000 + 5)) AS ready
    FROM webhook_delivery d LEFT JOIN business_event e ON e.id = d.event_id
   WHERE d.endpoint_id = $1::uuid AND d.state = 'PENDING'),
chains AS (
  SELECT p.*, bool_and(p.ready OR p.passable) OVER chain AS chain_ready, bool_or(p.passable) OVER chain AS after_in_flight
    FROM pending p WINDOW chain AS (PARTITION BY p.declaration_id ORDER BY p.event_id ROWS UNBOUNDED PRECEDING)),
picked AS (
  SELECT c.id, c.declaration_id IS NOT NULL AND c.after_in_flight AS after_in_flight FROM chains c
   WHERE c.ready AND NOT c.passable AND (c.declaration_id IS NULL OR c.chain_ready)
   ORDER BY c.event_id NULLS FIRST, c.created_at LIMIT $3),
locked AS (
  SELECT d.id, d.attempt_count, d.event_id, d.test_payload, p.after_in_flight
    FROM webhook_delivery d JOIN picked p ON p.id = d.id
   WHERE d.state = 'PENDING' FOR UPDATE OF d),
interrupted AS (
  UPDATE webhook_attempt a SET finished_at = now(), error = 'Interrupted: the sending process stopped before the answer was recorded.'
    FROM locked l WHERE a.delivery_id = l.id AND a.finished_at IS NULL),
counted AS (
  UPDATE webhook_delivery d SET attempt_count = d.attempt_count + 1 FROM locked l WHERE d.id = l.id
  RETURNING d.id, d.attempt_count),
attempts AS (
  INSERT INTO webhook_attempt (id, delivery_id, number)
  SELECT gen_random_uuid(), c.id, c.attempt_count FROM counted c
  RETURNING id, delivery_id, number)
SELECT a.delivery_id AS "deliveryId", a.id AS "attemptId", a.number, l.event_id::text AS "eventId", l.test_payload AS "testPayload",
       l.after_in_flight AS "afterInFlight", ${EVENT_COLUMNS}
  FROM attempts a JOIN locked l ON l.id = a.delivery_id LEFT JOIN business_event e ON e.id = l.event_id`;

// The endpoint, its signing secrets, and (when enabled) its claim lock, in one round trip: claims of one
// endpoint go one at a time, so what one claims is in flight (holding back its successors) for the next.
// The claim itself must be a later statement, whose snapshot sees what the lock's previous holder committed.
const ENDPOINT = `
SELECT w.url, w.disabled_at IS NOT NULL AS disabled, w.payload_format AS "payloadFormat", w.created_by_id AS "createdById",
       ARRAY(SELECT s.secret FROM webhook_secret s WHERE s.endpoint_id = w.id AND (s.expires_at IS NULL OR s.expires_at > now()) ORDER BY s.created_at DESC) AS secrets,
       CASE WHEN w.disabled_at IS NULL THEN pg_advisory_xact_lock(hashtextextended('deliver-webhooks:' || w.id::text, 16))::text END AS locked
  FROM webhook_endpoint w WHERE w.id = $1::uuid`;

async function claimBatch(sql: Sql, endpointId: string, timeoutMs: number, batchSize: number, passable: string[]): Promise<Batch | null> {
  const [endpoint] = await sql<{ url: string; disabled: boolean; payloadFormat: string; createdById: string; secrets: string[] }>(ENDPOINT, [endpointId]);
  if (!endpoint || endpoint.disabled) return null;
  const claimed = await sql<{ deliveryId: string; attemptId: string; number: number; eventId: string | null; testPayload: unknown; afterInFlight: boolean } & EventRow>(CLAIM, [
    endpointId,
    timeoutMs,
    batchSize,
    passable,
  ]);
  if (!claimed.length) return { url: endpoint.url, secrets: [], items: [] };

  const standard = endpoint.payloadFormat === 'XML' || endpoint.payloadFormat === 'EDIFACT' ? endpoint.payloadFormat : null;
  const items: Item[] = [];
  for (const c of claimed) {
    const event: EventRow | undefined = c.eventId && c.id ? c : undefined;
    let body = JSON.stringify(event ? webhookBody(event) : c.testPayload);
    let contentType = 'application/json';
    if (event && standard) {
      const response = await buildEventResponse({ event, format: standard, userId: endpoint.createdById }).catch(jsonInstead);
      if (response) ({ body, contentType } = response);
    }
    items.push({ deliveryId: c.deliveryId, attemptId: c.attemptId, number: c.number, eventId: c.eventId, declarationId: event?.declarationId ?? null, afterInFlight: c.afterInFlight, body, contentType });
  }
  // The order the chains are sent in: event order (test events, which have none, first).
  items.sort((a, b) => (a.eventId === null ? -1 : b.eventId === null ? 1 : Number(BigInt(a.eventId) - BigInt(b.eventId))));
  return { url: endpoint.url, secrets: endpoint.secrets, items };
}

/** Each declaration's chain one after the other (a failure ends it), chains in parallel; `held` items and their chain's rest are not sent. */
async function sendBatch(batch: Batch, timeoutMs: number, held: Set<Item>): Promise<Outcome[]> {
  let target: WebhookAddress | null = null;
  let refusal: string | null = null;
  try {
    target = await resolveWebhookAddress(batch.url);
  } catch (err) {
    // The SSRF guard refused the address (DNS changed since registration), or the name no longer resolves.
    const details = (err as { details?: { fieldErrors?: { message: string }[] } }).details;
    refusal = (details?.fieldErrors?.[0]?.message ?? (err as Error).message).slice(0, 500);
  }
  const chains = new Map<string, Item[]>();
  for (const item of batch.items) {
    const key = item.declarationId ?? `delivery:${item.deliveryId}`;
    const chain = chains.get(key);
    if (chain) chain.push(item);
    else chains.set(key, [item]);
  }
  const outcomes: Outcome[] = [];
  const send = async (chain: Item[]) => {
    let broken = false;
    for (const item of chain) {
      broken ||= held.has(item);
      if (broken) {
        outcomes.push({ item, response: null });
        continue;
      }
      const response: WebhookResponse = target
        ? await postWebhook(target, {
            headers: { ...signWebhook({ deliveryId: item.deliveryId, body: item.body, secrets: batch.secrets }), 'content-type': item.contentType },
            body: item.body,
            timeoutMs,
          })
        : { status: null, latencyMs: 0, excerpt: null, retryAfterSeconds: null, error: refusal };
      outcomes.push({ item, response });
      // A failure ends the chain for this batch: the declaration's later events go back untouched, behind
      // the retry (or, after a dead letter, to the next batch).
      if (!succeeded(response)) broken = true;
    }
  };
  const queue = [...chains.values()];
  await Promise.all(
    Array.from({ length: Math.min(WEBHOOK_PARALLEL_REQUESTS, queue.length) }, async () => {
      for (let chain = queue.shift(); chain; chain = queue.shift()) await send(chain);
    }),
  );
  return outcomes;
}

const succeeded = (r: WebhookResponse) => r.status !== null && r.status >= 200 && r.status < 300;

// One statement for the batch: the attempts' answers, the deliveries' states, the attempts that were
// never sent (a chain stopped by a failure) taken back with their count, and the endpoint's failing-since.
// It also stamps the attempts of the batch being sent meanwhile ($3) with their send time: that batch was
// claimed a step earlier, and an attempt in flight counts as lost `timeout + 5 s` after it started.
// The rows are also named by id arrays ($4 attempts, $5 deliveries), so the plan looks them up by primary
// key: joined on the JSON rows alone (estimated 100 whatever their number), PostgreSQL hash-joined
// sequential scans of both tables, ~30 ms a batch once the benchmark's tables held some 20,000 rows.
const RECORD = `
WITH r AS (
  SELECT * FROM json_to_recordset($1::json) AS r(attempt uuid, delivery uuid, status int, latency float8, error text, excerpt text, outcome text, next_at timestamptz)),
sending AS (
  UPDATE webhook_attempt a SET started_at = now() WHERE a.id = ANY($3::uuid[]) AND a.finished_at IS NULL),
finished AS (
  UPDATE webhook_attempt a SET finished_at = now(), status_code = r.status, latency_ms = r.latency, error = r.error, response_excerpt = r.excerpt
    FROM r WHERE a.id = ANY($4::uuid[]) AND a.id = r.attempt AND r.outcome <> 'UNSENT'),
unsent AS (
  DELETE FROM webhook_attempt a USING r WHERE a.id = ANY($4::uuid[]) AND a.id = r.attempt AND r.outcome = 'UNSENT'),
deliveries AS (
  UPDATE webhook_delivery d
     SET state = CASE r.outcome WHEN 'DELIVERED' THEN 'DELIVERED' WHEN 'FAILED' THEN 'FAILED' ELSE d.state END,
         delivered_at = CASE WHEN r.outcome = 'DELIVERED' THEN now() ELSE d.delivered_at END,
         next_attempt_at = CASE r.outcome WHEN 'RETRY' THEN r.next_at WHEN 'UNSENT' THEN d.next_attempt_at ELSE NULL END,
         attempt_count = CASE WHEN r.outcome = 'UNSENT' THEN d.attempt_count - 1 ELSE d.attempt_count END
    FROM r WHERE d.id = ANY($5::uuid[]) AND d.id = r.delivery),
endpoint AS (
  UPDATE webhook_endpoint w
     SET failing_since = CASE WHEN EXISTS (SELECT 1 FROM r WHERE r.outcome = 'DELIVERED') THEN NULL ELSE COALESCE(w.failing_since, now()) END
   WHERE w.id = $2::uuid AND EXISTS (SELECT 1 FROM r WHERE r.outcome <> 'UNSENT')
   RETURNING w.company_id AS "companyId", w.url, w.failing_since AS "failingSince")
SELECT * FROM endpoint`;

/**
 * Records a sent batch's answers (and stamps the attempts of `sending`, the batch now being sent). The
 * record is one statement, so it runs as its own transaction (no BEGIN and COMMIT round trips); an
 * endpoint to disable after it (410, or failing for days) is disabled in a transaction of its own — after
 * a crash in between, the endpoint's next answer decides again.
 */
async function record(endpointId: string, outcomes: Outcome[], sending: Batch | null): Promise<void> {
  if (!outcomes.length) return;
  const disable = await recordBatch(preparedSqlOfClient(getPool()), endpointId, outcomes, sending?.items.map((item) => item.attemptId) ?? []);
  if (disable) await sqlTransaction((sql) => disableEndpoint(sql, { endpointId, ...disable.endpoint }, disable.reason));
}

async function recordBatch(sql: Sql, endpointId: string, outcomes: Outcome[], sendingAttemptIds: string[]): Promise<{ endpoint: { companyId: string; url: string }; reason: string } | null> {
  let gone = false;
  const rows = outcomes.map(({ item, response: r }) => {
    if (!r) return { attempt: item.attemptId, delivery: item.deliveryId, outcome: 'UNSENT' };
    const ok = succeeded(r);
    const error = ok ? null : (r.error ?? (r.status !== null ? `Answered ${r.status}.` : 'No answer.'));
    let outcome = 'DELIVERED';
    let nextAt: string | null = null;
    if (!ok) {
      gone ||= r.status === 410;
      const delay = r.status === 410 ? null : nextRetryDelay(item.number, r.status === 429 || r.status === 503 ? r.retryAfterSeconds : null);
      // Dead-lettered after the last retry (or 410): kept in the log, replayable until retention ends.
      outcome = delay === null ? 'FAILED' : 'RETRY';
      nextAt = delay === null ? null : new Date(Date.now() + delay).toISOString();
    }
    return { attempt: item.attemptId, delivery: item.deliveryId, status: r.status, latency: r.latencyMs, error: error?.slice(0, 500) ?? null, excerpt: r.excerpt?.slice(0, 1000) ?? null, outcome, next_at: nextAt };
  });
  // The endpoint's failing-since (cleared by a success), when anything was sent.
  const [endpoint] = await sql<{ companyId: string; url: string; failingSince: Date | null }>(RECORD, [
    JSON.stringify(rows),
    endpointId,
    sendingAttemptIds,
    outcomes.map((o) => o.item.attemptId),
    outcomes.map((o) => o.item.deliveryId),
  ]);
  if (!endpoint) return null;
  const failingFor = endpoint.failingSince ? Date.now() - endpoint.failingSince.getTime() : 0;
  if (!gone && failingFor <= FAILING_DAYS_BEFORE_DISABLE * 86_400_000) return null;
  return { endpoint: { companyId: endpoint.companyId, url: endpoint.url }, reason: gone ? 'The endpoint answered 410 Gone.' : `Every delivery failed for ${FAILING_DAYS_BEFORE_DISABLE} days.` };
}

/**
 * The first pending delivery of each declaration's chain (each declaration-less delivery is its own) of
 * enabled endpoints matching `where`, with the time it can be sent: when due, or when its attempt in
 * flight can no longer be answered ($2: the webhook timeout in ms). A chain's later deliveries wait for
 * their head, so only heads say when an endpoint has work.
 */
export const CHAIN_HEADS = (where: string) => `
  SELECT DISTINCT ON (d.endpoint_id, COALESCE(e.declaration_id::text, d.id::text)) d.endpoint_id,
         GREATEST(COALESCE(d.next_attempt_at, now()),
                  COALESCE((SELECT max(a.started_at) + make_interval(secs => $2::float8 / 1000 + 5)
                              FROM webhook_attempt a WHERE a.delivery_id = d.id AND a.finished_at IS NULL), '-infinity')) AS ready_at
    FROM webhook_delivery d JOIN webhook_endpoint w ON w.id = d.endpoint_id AND w.disabled_at IS NULL
    LEFT JOIN business_event e ON e.id = d.event_id
   WHERE d.state = 'PENDING' AND ${where}
   ORDER BY d.endpoint_id, COALESCE(e.declaration_id::text, d.id::text), d.event_id NULLS FIRST`;

/**
 * The endpoint's next run: when the first delivery of a chain falls due, or its attempt in flight can no
 * longer be answered (a later delivery of a chain waits for its head, so only heads count). After a run
 * that found nothing to send, never sooner than a second from now; after a run that sent anything, at
 * the latest a second from now. `preserve_run_at`: a wake-up that came
 * meanwhile (due now) is not pushed back.
 */
async function bookNextRun(sql: Sql, endpointId: string, timeoutMs: number, idle: boolean, sentAny: boolean): Promise<void> {
  const [next] = await sql<{ at: Date | null }>(`SELECT min(h.ready_at) AS at FROM (${CHAIN_HEADS('d.endpoint_id = $1::uuid')}) h`, [endpointId, timeoutMs]);
  const soon = Date.now() + 1_000;
  // The follow-up of a busy run (see wakeEndpointSql): a second from now, unless work is due sooner.
  const candidates = [...(next?.at ? [idle ? Math.max(next.at.getTime(), soon) : next.at.getTime()] : []), ...(sentAny ? [soon] : [])];
  if (!candidates.length) return;
  const runAt = new Date(Math.min(...candidates));
  await enqueueJob(sql, 'deliver-webhooks', { endpointId }, { jobKey: `deliver-webhooks:${endpointId}`, jobKeyMode: 'preserve_run_at', runAt, maxAttempts: 25 });
}

/** The registering administrator was disabled, or can no longer see the declaration: the JSON event, which says only what the event says, goes instead. */
function jsonInstead(error: unknown): null {
  if (isAppError(error)) return null;
  throw error;
}

async function disableEndpoint(sql: Sql, d: { endpointId: string; companyId: string; url: string }, reason: string): Promise<void> {
  const [changed] = await sql(`UPDATE webhook_endpoint SET disabled_at = now(), disabled_reason = $2 WHERE id = $1::uuid AND disabled_at IS NULL RETURNING 1`, [d.endpointId, reason]);
  if (!changed) return;
  // The company's administrators are told through the notifications path (inbox + e-mail by default).
  await recordBusinessEvent(sql, { type: 'webhook_endpoint.disabled', companyId: d.companyId, payload: { endpointId: d.endpointId, url: d.url, reason } });
  getLogger().warn({ endpointId: d.endpointId, reason }, 'webhook endpoint disabled');
}
