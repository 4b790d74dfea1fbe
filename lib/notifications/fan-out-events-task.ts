// The fan-out job: turns committed business events into webhook deliveries (sent by each endpoint's
// deliver-webhooks job, woken here), inbox entries and e-mails (by preference) for everyone who may see
// each event — many events per transaction. recordBusinessEvent wakes it (one waiting job per subject);
// a run claims every pending event it can, up to FAN_OUT_BATCH_SIZE per transaction, oldest first, and
// fans them out with a fixed number of statements per batch (subjects, endpoints, people and their
// rights read once for the batch; one INSERT each of deliveries, inbox rows and e-mails). One job and
// about nine statements per event capped the fan-out at ~30 events/s (docs/benchmarks.md).
//
// Exactly once: a run holds the subjects (declarations, companies) of the events it claims with a
// transaction advisory lock, tried and never waited for, and locks and marks the events (`fanned_out_at`)
// in the same transaction as the rows it writes; runs in several processes take disjoint subjects and
// never wait for each other. A run that dies mid-batch rolls back: its events are pending again, with
// their locks released, for the next run (a later event's job, or the cron line once a minute). The
// unique keys of deliveries and inbox rows are a second guard.
//
// Order: a declaration's events are fanned out in id order (its commit order, under the declaration's row
// lock), so a later event's deliveries never exist before an earlier one's and its endpoint sends them in
// order (deliver-webhooks-task.ts). While one run holds a subject, other runs leave its events alone; the
// holder claims again after every batch that found work, so what arrived meanwhile is its to take.
//
// Upgrades: jobs queued before batching (`fan-out-event`, one per event) run a batch like any other. An
// older process still running them takes the same advisory lock per subject ('fan-out:' || subject)
// before it locks its events, so nothing is fanned out twice or out of order during a rolling upgrade.
import type { Task } from 'graphile-worker';

import { loadUserActors } from '../auth/actor';
import { sqlTransaction, type Sql } from '../database/sql';
import { getEnv } from '../env';
import { pickLocale } from '../i18n/pick-locale';
import { enqueueJob } from '../jobs/enqueue-job';
import { getLogger } from '../logger';
import { composeEmail } from './compose-email';
import { candidateCompanies, loadEventSubjects, mayReceiveEvent } from './event-audience';
import { EVENT_TYPES, isEventType, type EventTypeInfo } from './event-types';
import { wakeEndpointSql } from './deliver-webhooks-task';
import { findOfficersOnDuty } from './find-officers-on-duty';
import type { OutgoingMessage } from './notifier';
import { queueMessage } from './queue-message';
import { FAN_OUT_SUBJECT, FAN_OUT_TASK } from './record-business-event';
import { EVENT_COLUMNS, type EventRow } from './webhook-body';

declare global {
  namespace GraphileWorker {
    interface Tasks {
      /** recordBusinessEvent's wake-up (no payload; the cron line adds graphile-worker's `_cron`). */
      'fan-out-events': Record<string, unknown>;
      /** Jobs queued before the fan-out was batched (one per event): they run a batch. */
      'fan-out-event': { eventId: string };
    }
  }
}

/** Events claimed per transaction. */
export const FAN_OUT_BATCH_SIZE = 500;
/** A run hands over to a fresh job after this long, so a backlog cannot hold one worker forever. */
const RUN_BUDGET_MS = 20_000;

export const fanOutEventsTask: Task<'fan-out-events'> = async () => {
  await fanOutEvents();
};

export const fanOutEventLegacyTask: Task<'fan-out-event'> = async () => {
  await fanOutEvents();
};

/** Fans out pending events, batch after batch, until a claim finds none it may take; returns how many this run fanned out. */
export async function fanOutEvents(options: { batchSize?: number } = {}): Promise<number> {
  const batchSize = options.batchSize ?? FAN_OUT_BATCH_SIZE;
  const started = Date.now();
  let total = 0;
  for (;;) {
    const fannedOut = await sqlTransaction((sql) => fanOutBatch(sql, batchSize));
    total += fannedOut;
    // After a batch, always one more claim: events held back behind this run's are now free, and their
    // own jobs may have come and gone while this run held their subject.
    if (!fannedOut) return total;
    if (Date.now() - started > RUN_BUDGET_MS) {
      await sqlTransaction((sql) => enqueueJob(sql, FAN_OUT_TASK, {}, { jobKey: `${FAN_OUT_TASK}:again` }));
      return total;
    }
  }
}

/**
 * One batch in the caller's transaction: claims up to `batchSize` pending events, oldest first, of the
 * subjects no other run holds, and fans them out; returns how many.
 */
async function fanOutBatch(sql: Sql, batchSize: number): Promise<number> {
  // A subject is held for the transaction with an advisory lock (tried, never waited for): the run that
  // holds it claims its pending events; another run leaves them, and the holder's next claim takes them.
  const events = await sql<EventRow>(
    `WITH candidates AS MATERIALIZED (
       SELECT e.id, ${FAN_OUT_SUBJECT('e')} AS subject FROM business_event e WHERE e.fanned_out_at IS NULL ORDER BY e.id LIMIT $1),
     held AS MATERIALIZED (
       SELECT s.subject FROM (SELECT DISTINCT subject FROM candidates) s WHERE pg_try_advisory_xact_lock(hashtextextended('fan-out:' || s.subject, 16)))
     SELECT ${EVENT_COLUMNS} FROM business_event e
      WHERE e.id IN (SELECT c.id FROM candidates c JOIN held h ON h.subject = c.subject) AND e.fanned_out_at IS NULL
      ORDER BY e.id FOR UPDATE OF e SKIP LOCKED`,
    [batchSize],
  );
  if (!events.length) return 0;

  const { deliveries, recipients, locales } = await audience(sql, events);
  const delivering = deliveries.length
    ? await sql<{ endpointId: string }>(
        `INSERT INTO webhook_delivery (id, endpoint_id, event_id, next_attempt_at)
         SELECT gen_random_uuid(), x.p, x.e, now() FROM json_to_recordset($1::json) AS x(p uuid, e bigint) ORDER BY x.e
         ON CONFLICT (endpoint_id, event_id) DO NOTHING RETURNING endpoint_id AS "endpointId"`,
        [JSON.stringify(deliveries)],
      )
    : [];
  const inserted = recipients.length
    ? await sql<{ userId: string; eventId: string; channel: string }>(
        `INSERT INTO notification (user_id, event_id, title, link, channel)
         SELECT x.u, x.e, x.t, x.l, x.c FROM json_to_recordset($1::json) AS x(u uuid, e bigint, t text, l text, c text) ORDER BY x.e
         ON CONFLICT (user_id, event_id) DO NOTHING RETURNING user_id AS "userId", event_id::text AS "eventId", channel`,
        [JSON.stringify(recipients.map((r) => ({ u: r.userId, e: r.event.id, t: r.title, l: r.link, c: r.channel })))],
      )
    : [];
  // E-mail only for inbox rows written now (not a retried batch's), each in its recipient's profile language.
  const emails = new Map(recipients.filter((r) => r.channel === 'EMAIL').map((r) => [`${r.userId}:${r.event.id}`, r]));
  const { PUBLIC_URL } = getEnv();
  const messages: OutgoingMessage[] = [];
  for (const row of [...inserted].sort((a, b) => Number(BigInt(a.eventId) - BigInt(b.eventId)))) {
    const r = row.channel === 'EMAIL' ? emails.get(`${row.userId}:${row.eventId}`) : undefined;
    if (!r) continue;
    const profile = locales.get(r.userId) ?? null;
    const locale = pickLocale({ profile });
    const words = composeEmail(locale);
    const said = `${words.eventTitle(r.event.type, r.info.title)}${r.reference ? `: ${r.reference}` : ''}`.slice(0, 300);
    messages.push({
      kind: 'notification',
      to: r.email,
      subject: said,
      body: words.notificationBody({ title: said, when: new Date(r.event.occurredAt), link: `${PUBLIC_URL}${r.link}`, preferences: `${PUBLIC_URL}/notifications/preferences` }),
      // No profile language: plain English text only, as before languages existed.
      locale: profile ? locale : null,
    });
  }
  if (messages.length) await queueMessage(sql, messages);
  await sql(`UPDATE business_event SET fanned_out_at = now() WHERE id = ANY($1::bigint[])`, [events.map((e) => e.id)]);
  // Last, and in id order: the endpoints' job rows are locked only while this transaction commits, and
  // never taken in two orders by two runs (no deadlock).
  const woken = [...new Set(delivering.map((d) => d.endpointId))].sort();
  if (woken.length) await sql(`SELECT ${wakeEndpointSql('x')} IS NOT NULL FROM unnest($1::uuid[]) AS x ORDER BY x`, [woken]);
  getLogger().debug({ events: events.length, deliveries: delivering.length, people: inserted.length, emails: messages.length }, 'events fanned out');
  return events.length;
}

interface Recipient {
  userId: string;
  email: string;
  channel: string;
  event: EventRow;
  info: EventTypeInfo;
  title: string;
  link: string;
  reference: string;
}

/**
 * Who receives each event, decided per receiver by the same policy as GraphQL reads (mayReceiveEvent):
 * webhooks see what the company of the administrator who registered them may see; people get an inbox
 * entry (and an e-mail by their preference, else the type's default) when they may see the event. The
 * batch's subjects, endpoints, people and rights are read once, whatever the number of events.
 */
async function audience(sql: Sql, events: EventRow[]) {
  const subjects = await loadEventSubjects(sql, events);
  const companiesOf = subjects.map((s) => new Set(candidateCompanies(s)));
  const companies = [...new Set(companiesOf.flatMap((c) => [...c]))];
  const types = [...new Set(events.map((e) => e.type))];
  const endpoints = companies.length
    ? await sql<{ id: string; companyId: string; createdById: string; eventTypes: string[] | null }>(
        `SELECT id, company_id AS "companyId", created_by_id AS "createdById", event_types AS "eventTypes"
           FROM webhook_endpoint WHERE company_id = ANY($1::uuid[]) AND disabled_at IS NULL ORDER BY id`,
        [companies],
      )
    : [];
  const people = companies.length
    ? await sql<{ id: string; email: string; companyId: string; isCompanyAdmin: boolean; locale: string | null; channels: Record<string, string> }>(
        `SELECT u.id, u.email, u.company_id AS "companyId", u.is_company_admin AS "isCompanyAdmin", u.locale,
                COALESCE((SELECT json_object_agg(p.event_type, p.channel) FROM notification_preference p
                           WHERE p.user_id = u.id AND p.event_type = ANY($2::text[])), '{}'::json) AS channels
           FROM app_user u WHERE u.company_id = ANY($1::uuid[]) AND u.disabled_at IS NULL`,
        [companies, types],
      )
    : [];
  const peopleOf = new Map<string, typeof people>();
  for (const p of people) peopleOf.set(p.companyId, [...(peopleOf.get(p.companyId) ?? []), p]);
  const infoOf = (type: string): EventTypeInfo => (isEventType(type) ? EVENT_TYPES[type] : { dms: null, title: type, channel: 'INBOX' });

  // Customs officers on duty, for the event types addressed to them (few: one read each).
  const officers = new Map<string, { id: string; email: string; channel: string | null }[]>();
  for (const event of events) {
    const info = infoOf(event.type);
    if ('officersOnDuty' in info && info.officersOnDuty && event.declarationId) officers.set(event.id, await findOfficersOnDuty(sql, event.declarationId, event.type));
  }
  const locales = new Map<string, string | null>(people.map((p) => [p.id, p.locale]));
  const officerIds = [...new Set([...officers.values()].flat().map((o) => o.id))].filter((id) => !locales.has(id));
  if (officerIds.length) {
    for (const u of await sql<{ id: string; locale: string | null }>(`SELECT id, locale FROM app_user WHERE id = ANY($1::uuid[])`, [officerIds])) locales.set(u.id, u.locale);
  }

  // The rights of every endpoint's creator and of every person a declaration's event may reach, in one read.
  const withDeclaration = subjects.some((s) => s.declaration);
  const actors = await loadUserActors(sql, [
    ...new Set([...endpoints.map((e) => e.createdById), ...(withDeclaration ? [...people.map((p) => p.id), ...officerIds, ...[...officers.values()].flat().map((o) => o.id)] : [])]),
  ]);

  const deliveries: { p: string; e: string }[] = [];
  const recipients: Recipient[] = [];
  events.forEach((event, i) => {
    const subject = subjects[i]!;
    const concerned = companiesOf[i]!;
    if (!concerned.size) return;
    const info = infoOf(event.type);
    for (const endpoint of endpoints) {
      if (!concerned.has(endpoint.companyId) || (endpoint.eventTypes?.length && !endpoint.eventTypes.includes(event.type))) continue;
      const actor = actors.get(endpoint.createdById);
      if (actor && mayReceiveEvent(actor, subject)) deliveries.push({ p: endpoint.id, e: event.id });
    }
    const candidates = [...concerned]
      .flatMap((c) => peopleOf.get(c) ?? [])
      .filter((p) => !('adminsOnly' in info && info.adminsOnly) || p.isCompanyAdmin)
      .map((p) => ({ id: p.id, email: p.email, channel: p.channels[event.type] ?? null }));
    candidates.push(...(officers.get(event.id) ?? []));
    const reference = event.mrn ?? event.lrn ?? event.containerNumber ?? '';
    const title = `${info.title}${reference ? `: ${reference}` : ''}`.slice(0, 300);
    const link = event.declarationId ? `/declarations/${event.declarationId}` : '/company';
    for (const person of candidates) {
      if (subject.declaration) {
        const actor = actors.get(person.id);
        if (!(actor && mayReceiveEvent(actor, subject))) continue;
      }
      recipients.push({ userId: person.id, email: person.email, channel: person.channel ?? info.channel, event, info, title, link, reference });
    }
  });
  return { deliveries, recipients, locales };
}
