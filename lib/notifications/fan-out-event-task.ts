// The fan-out job of a business event (recordBusinessEvent enqueues it in the event's transaction): a
// webhook delivery (each its own deliver-webhook job) for every matching endpoint whose company may see
// the event, and an inbox entry (plus an e-mail, by preference) for every person who may. One
// transaction, idempotent: a run after a crash finds the rows already there (unique keys) or the event
// already fanned out.
//
// Order: the events of one declaration are fanned out in id order (they are committed in that order,
// under the declaration's row lock). An advisory lock per subject serialises the fan-out jobs of one
// declaration, and a job fans out every earlier event of its subject still waiting, so a later event's
// deliveries never exist before an earlier one's.
//
// One job per delivery: a delivery whose endpoint still has an earlier delivery of the same declaration
// pending gets its job delayed (run_at in the future, as a safety net), and that predecessor pulls it
// forward when it ends (deliver-webhook-task.ts, startSuccessor). No job runs only to find it must wait.
import type { Task } from 'graphile-worker';

import { loadUserActor, type Actor } from '../auth/actor';
import { sqlTransaction, type Sql } from '../database/sql';
import { getEnv } from '../env';
import { pickLocale } from '../i18n/pick-locale';
import { getLogger } from '../logger';
import { composeEmail } from './compose-email';
import { candidateCompanies, loadEventSubject, mayReceiveEvent } from './event-audience';
import { EVENT_TYPES, isEventType, type EventTypeInfo } from './event-types';
import { WAIT_FOR_PREDECESSOR_MS } from './deliver-webhook-task';
import { queueMessage } from './queue-message';
import { findOfficersOnDuty } from './find-officers-on-duty';
import { EVENT_COLUMNS, type EventRow } from './webhook-body';

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'fan-out-event': { eventId: string };
      'deliver-webhook': { deliveryId: string };
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
    const actors = new Map<string, Promise<Actor | null>>();
    const actorOf = (userId: string) => {
      if (!actors.has(userId)) actors.set(userId, loadUserActor({ userId }).catch(() => null));
      return actors.get(userId)!;
    };
    for (const event of events) await fanOut(sql, event, actorOf);
    if (events.length) await sql(`UPDATE business_event SET fanned_out_at = now() WHERE id = ANY($1::bigint[])`, [events.map((e) => e.id)]);
  });
};

async function fanOut(sql: Sql, event: EventRow, actorOf: (userId: string) => Promise<Actor | null>): Promise<void> {
  const subject = await loadEventSubject(sql, event);
  const companies = candidateCompanies(subject);
  if (!companies.length) return;
  const info: EventTypeInfo = isEventType(event.type) ? EVENT_TYPES[event.type] : { dms: null, title: event.type, channel: 'INBOX' };

  // Webhooks: each endpoint sees what its registering administrator's company may see.
  const endpoints = await sql<{ id: string; createdById: string }>(
    `SELECT id, created_by_id AS "createdById" FROM webhook_endpoint
      WHERE company_id = ANY($1::uuid[]) AND disabled_at IS NULL AND (event_types IS NULL OR cardinality(event_types) = 0 OR $2 = ANY(event_types))`,
    [companies, event.type],
  );
  const receiving: string[] = [];
  for (const endpoint of endpoints) {
    const actor = await actorOf(endpoint.createdById);
    if (actor && mayReceiveEvent(actor, subject)) receiving.push(endpoint.id);
  }
  if (receiving.length) await createDeliveries(sql, event, receiving);

  // People: the inbox, and e-mail by each person's preference (or the type's default).
  const people = await sql<{ id: string; email: string; channel: string | null }>(
    `SELECT u.id, u.email, p.channel FROM app_user u
       LEFT JOIN notification_preference p ON p.user_id = u.id AND p.event_type = $2
      WHERE u.company_id = ANY($1::uuid[]) AND u.disabled_at IS NULL ${'adminsOnly' in info && info.adminsOnly ? 'AND u.is_company_admin' : ''}`,
    [companies, event.type],
  );
  if ('officersOnDuty' in info && info.officersOnDuty && event.declarationId) people.push(...(await findOfficersOnDuty(sql, event.declarationId, event.type)));
  const recipients: { id: string; email: string; channel: string }[] = [];
  for (const person of people) {
    const actor = subject.declaration ? await actorOf(person.id) : null;
    if (subject.declaration && !(actor && mayReceiveEvent(actor, subject))) continue;
    recipients.push({ id: person.id, email: person.email, channel: person.channel ?? info.channel });
  }
  if (!recipients.length) return;
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
  const mailed = inserted.filter((r) => r.channel === 'EMAIL');
  // Each e-mail in its recipient's profile language (English when they never chose one).
  const locales = mailed.length
    ? new Map((await sql<{ id: string; locale: string | null }>(`SELECT id, locale FROM app_user WHERE id = ANY($1::uuid[])`, [mailed.map((r) => r.userId)])).map((u) => [u.id, u.locale]))
    : new Map<string, string | null>();
  for (const row of mailed) {
    const to = recipients.find((r) => r.id === row.userId)!.email;
    const profile = locales.get(row.userId) ?? null;
    const locale = pickLocale({ profile });
    const words = composeEmail(locale);
    const said = `${words.eventTitle(event.type, info.title)}${reference ? `: ${reference}` : ''}`.slice(0, 300);
    await queueMessage(sql, {
      kind: 'notification',
      to,
      subject: said,
      body: words.notificationBody({ title: said, when: new Date(event.occurredAt), link: `${PUBLIC_URL}${link}`, preferences: `${PUBLIC_URL}/notifications/preferences` }),
      // No profile language: plain English text only, as before languages existed.
      locale: profile ? locale : null,
    });
  }
  getLogger().debug({ eventId: event.id, type: event.type, webhooks: receiving.length, people: inserted.length }, 'event fanned out');
}

/**
 * The deliveries of one event to its endpoints, each with its deliver-webhook job in the same statement:
 * due now when it heads its endpoint's chain for the declaration, else delayed behind its predecessor.
 *
 * No lost wake-up: the predecessor's row is locked (FOR UPDATE) while we decide. If the predecessor's
 * result is being recorded at that moment, we wait for it to commit and then see it ended (so ours is due
 * now); if we lock first, its result waits for our commit and its startSuccessor then sees our delivery.
 */
async function createDeliveries(sql: Sql, event: EventRow, endpointIds: string[]): Promise<void> {
  await sql(
    `WITH waits AS (
       SELECT x AS endpoint_id, EXISTS (
                SELECT 1 FROM (SELECT p.id FROM webhook_delivery p JOIN business_event pe ON pe.id = p.event_id
                                WHERE $3::uuid IS NOT NULL AND p.endpoint_id = x AND p.state = 'PENDING'
                                  AND pe.declaration_id = $3::uuid AND pe.id < $2::bigint
                                ORDER BY pe.id DESC LIMIT 1 FOR UPDATE OF p) last) AS waiting
         FROM unnest($1::uuid[]) AS x),
     d AS (
       INSERT INTO webhook_delivery (id, endpoint_id, event_id, next_attempt_at)
       SELECT gen_random_uuid(), w.endpoint_id, $2::bigint, now() FROM waits w
       ON CONFLICT (endpoint_id, event_id) DO NOTHING RETURNING id, endpoint_id)
     SELECT graphile_worker.add_job('deliver-webhook', json_build_object('deliveryId', d.id), job_key => 'deliver-webhook:' || d.id, max_attempts => 5,
              run_at => CASE WHEN w.waiting THEN now() + make_interval(secs => $4::float8 / 1000) ELSE now() END) IS NOT NULL
       FROM d JOIN waits w ON w.endpoint_id = d.endpoint_id`,
    [endpointIds, event.id, event.declarationId, WAIT_FOR_PREDECESSOR_MS],
  );
}
