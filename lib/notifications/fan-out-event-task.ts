// The fan-out job of a business event (recordBusinessEvent enqueues it in the event's transaction): a
// webhook delivery (sent by its endpoint's deliver-webhooks job) for every matching endpoint whose company may see
// the event, and an inbox entry (plus an e-mail, by preference) for every person who may. One
// transaction, idempotent: a run after a crash finds the rows already there (unique keys) or the event
// already fanned out.
//
// Order: the events of one declaration are fanned out in id order (they are committed in that order,
// under the declaration's row lock). An advisory lock per subject serialises the fan-out jobs of one
// declaration, and a job fans out every earlier event of its subject still waiting, so a later event's
// deliveries never exist before an earlier one's.
//
// Deliveries are sent by their endpoint's deliver-webhooks job (deliver-webhooks-task.ts), woken at the
// end of this transaction; it keeps a declaration's events in order.
import type { Task } from 'graphile-worker';

import { loadUserActors, type Actor } from '../auth/actor';
import { sqlTransaction, type Sql } from '../database/sql';
import { getEnv } from '../env';
import { getLogger } from '../logger';
import { candidateCompanies, loadEventSubject, mayReceiveEvent } from './event-audience';
import { EVENT_TYPES, isEventType, type EventTypeInfo } from './event-types';
import { wakeEndpointSql } from './deliver-webhooks-task';
import { queueMessage } from './queue-message';
import { findOfficersOnDuty } from './find-officers-on-duty';
import { EVENT_COLUMNS, type EventRow } from './webhook-body';

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'fan-out-event': { eventId: string };
    }
  }
}

export const fanOutEventTask: Task<'fan-out-event'> = async ({ eventId }) => {
  await sqlTransaction(async (sql) => {
    const [own] = await sql<{ declarationId: string | null; companyId: string | null; done: boolean }>(
      `SELECT declaration_id AS "declarationId", company_id AS "companyId", fanned_out_at IS NOT NULL AS done FROM business_event WHERE id = $1::bigint`,
      [eventId],
    );
    if (!own || own.done) return;
    await sql(`SELECT pg_advisory_xact_lock(hashtextextended($1, 16))`, [`fan-out:${own.declarationId ?? own.companyId ?? eventId}`]);
    const events = await sql<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM business_event e
        WHERE e.fanned_out_at IS NULL AND e.id <= $1::bigint
          AND ${own.declarationId ? 'e.declaration_id = $2::uuid' : own.companyId ? 'e.declaration_id IS NULL AND e.company_id = $2::uuid' : 'e.id = $1::bigint'}
        ORDER BY e.id FOR UPDATE`,
      own.declarationId || own.companyId ? [eventId, own.declarationId ?? own.companyId] : [eventId],
    );
    // The people whose rights decide who receives, loaded once per job, many per statement.
    const actors = new Map<string, Actor | null>();
    const actorsOf = async (userIds: string[]) => {
      const missing = [...new Set(userIds.filter((id) => !actors.has(id)))];
      const loaded = await loadUserActors(sql, missing);
      for (const id of missing) actors.set(id, loaded.get(id) ?? null);
      return (userId: string) => actors.get(userId) ?? null;
    };
    const woken = new Set<string>();
    for (const event of events) for (const endpointId of await fanOut(sql, event, actorsOf)) woken.add(endpointId);
    if (events.length) await sql(`UPDATE business_event SET fanned_out_at = now() WHERE id = ANY($1::bigint[])`, [events.map((e) => e.id)]);
    // Last, and in id order: every fan-out wakes the same endpoints' jobs (one row each), so the row locks
    // are held only while this transaction commits, and never taken in two orders (no deadlock).
    if (woken.size) await sql(`SELECT ${wakeEndpointSql('x')} IS NOT NULL FROM unnest($1::uuid[]) AS x ORDER BY x`, [[...woken].sort()]);
  });
};

/** Fans one event out; returns the endpoints that got a delivery (their jobs are woken by the caller). */
async function fanOut(sql: Sql, event: EventRow, actorsOf: (userIds: string[]) => Promise<(userId: string) => Actor | null>): Promise<string[]> {
  const subject = await loadEventSubject(sql, event);
  const companies = candidateCompanies(subject);
  if (!companies.length) return [];
  const info: EventTypeInfo = isEventType(event.type) ? EVENT_TYPES[event.type] : { dms: null, title: event.type, channel: 'INBOX' };

  // Webhooks: each endpoint sees what its registering administrator's company may see.
  const endpoints = await sql<{ id: string; createdById: string }>(
    `SELECT id, created_by_id AS "createdById" FROM webhook_endpoint
      WHERE company_id = ANY($1::uuid[]) AND disabled_at IS NULL AND (event_types IS NULL OR cardinality(event_types) = 0 OR $2 = ANY(event_types))`,
    [companies, event.type],
  );
  const receiving: string[] = [];
  const creatorOf = await actorsOf(endpoints.map((e) => e.createdById));
  for (const endpoint of endpoints) {
    const actor = creatorOf(endpoint.createdById);
    if (actor && mayReceiveEvent(actor, subject)) receiving.push(endpoint.id);
  }
  const delivering = receiving.length ? await createDeliveries(sql, event, receiving) : [];

  // People: the inbox, and e-mail by each person's preference (or the type's default).
  const people = await sql<{ id: string; email: string; channel: string | null }>(
    `SELECT u.id, u.email, p.channel FROM app_user u
       LEFT JOIN notification_preference p ON p.user_id = u.id AND p.event_type = $2
      WHERE u.company_id = ANY($1::uuid[]) AND u.disabled_at IS NULL ${'adminsOnly' in info && info.adminsOnly ? 'AND u.is_company_admin' : ''}`,
    [companies, event.type],
  );
  if ('officersOnDuty' in info && info.officersOnDuty && event.declarationId) people.push(...(await findOfficersOnDuty(sql, event.declarationId, event.type)));
  const recipients: { id: string; email: string; channel: string }[] = [];
  const personOf = subject.declaration ? await actorsOf(people.map((p) => p.id)) : () => null;
  for (const person of people) {
    const actor = subject.declaration ? personOf(person.id) : null;
    if (subject.declaration && !(actor && mayReceiveEvent(actor, subject))) continue;
    recipients.push({ id: person.id, email: person.email, channel: person.channel ?? info.channel });
  }
  if (!recipients.length) return delivering;
  const reference = event.mrn ?? event.lrn ?? event.containerNumber ?? '';
  const title = `${info.title}${reference ? `: ${reference}` : ''}`.slice(0, 300);
  const link = event.declarationId ? `/declarations/${event.declarationId}` : '/company';
  const inserted = await sql<{ userId: string; channel: string }>(
    `INSERT INTO notification (user_id, event_id, title, link, channel)
     SELECT x.u, $2::bigint, $3, $4, x.c FROM json_to_recordset($1::json) AS x(u uuid, c text)
     ON CONFLICT (user_id, event_id) DO NOTHING RETURNING user_id AS "userId", channel`,
    [JSON.stringify(recipients.map((r) => ({ u: r.id, c: r.channel }))), event.id, title, link],
  );
  const { PUBLIC_URL } = getEnv();
  for (const row of inserted.filter((r) => r.channel === 'EMAIL')) {
    const to = recipients.find((r) => r.id === row.userId)!.email;
    await queueMessage(sql, {
      kind: 'notification',
      to,
      subject: title,
      body: `${title}\n\nOpen it in Clearway: ${PUBLIC_URL}${link}\n\nChoose which notifications you receive by e-mail: ${PUBLIC_URL}/notifications/preferences`,
    });
  }
  getLogger().debug({ eventId: event.id, type: event.type, webhooks: receiving.length, people: inserted.length }, 'event fanned out');
  return delivering;
}

/** The deliveries of one event to its endpoints; returns the endpoints that got one now (not a retried fan-out's duplicate). */
async function createDeliveries(sql: Sql, event: EventRow, endpointIds: string[]): Promise<string[]> {
  const rows = await sql<{ endpointId: string }>(
    `INSERT INTO webhook_delivery (id, endpoint_id, event_id, next_attempt_at)
     SELECT gen_random_uuid(), x, $2::bigint, now() FROM unnest($1::uuid[]) AS x
     ON CONFLICT (endpoint_id, event_id) DO NOTHING RETURNING endpoint_id AS "endpointId"`,
    [endpointIds, event.id],
  );
  return rows.map((r) => r.endpointId);
}
