// Replay: one delivery again, or every event since a time (not before the retention: those events are
// gone), with the same webhook-id as before so receivers can tell a replay of what they already have.
// Events since then that never had a delivery for this endpoint (it was disabled, or subscribed later)
// get one now, for the types the endpoint takes and the declarations its company may see.
import type { Actor } from '../auth/actor';
import { loadUserActor } from '../auth/actor';
import { recordAudit } from '../audit';
import { sqlTransaction } from '../database/sql';
import { getEnv } from '../env';
import { AppError } from '../errors';
import { loadEventSubject, mayReceiveEvent } from './event-audience';
import { wakeEndpointSql } from './deliver-webhooks-task';
import { loadOwnEndpoint } from './load-own-endpoint';
import { EVENT_COLUMNS, type EventRow } from './webhook-body';

/** At most this many deliveries per replay call (ask again with a later `since`). */
export const MAX_REPLAY = 10_000;

export async function replayWebhookDeliveries(options: { actor: Actor; endpointId: string; deliveryId?: string | null; since?: Date | null; requestId?: string }): Promise<number> {
  const { actor, endpointId, deliveryId, since } = options;
  const field = (path: string, message: string) => new AppError('BAD_USER_INPUT', 'Some fields need correcting.', { fieldErrors: [{ path: [path], code: 'INVALID', message }] });
  if (!deliveryId === !since) throw field('since', 'Give either a deliveryId or a since time.');
  const days = getEnv().NOTIFICATION_RETENTION_DAYS;
  const oldest = new Date(Date.now() - days * 86_400_000);
  if (since && since < oldest) throw field('since', `Events are kept ${days} days: replay from ${oldest.toISOString()} or later.`);
  return sqlTransaction(async (sql) => {
    const endpoint = await loadOwnEndpoint(sql, actor, endpointId, { lock: true });
    if (endpoint.disabledAt) throw new AppError('CONFLICT', 'This endpoint is disabled: enable it (updateWebhookEndpoint with enabled: true) before replaying.');
    let ids: string[];
    if (deliveryId) {
      const [d] = /^[0-9a-f-]{36}$/i.test(deliveryId)
        ? await sql<{ id: string; createdAt: Date }>(`SELECT id, created_at AS "createdAt" FROM webhook_delivery WHERE id = $1::uuid AND endpoint_id = $2::uuid`, [deliveryId, endpointId])
        : [];
      if (!d) throw new AppError('NOT_FOUND', `No delivery ${deliveryId} of this endpoint (deliveries older than ${days} days are gone).`, { fieldErrors: [{ path: ['deliveryId'], code: 'UNKNOWN', message: 'No such delivery.' }] });
      ids = [d.id];
    } else {
      // Create the missing deliveries first, each checked against the policy like a fresh fan-out.
      const missing = await sql<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM business_event e
          WHERE e.occurred_at >= $1 AND ($3::text[] IS NULL OR cardinality($3::text[]) = 0 OR e.type = ANY($3::text[]))
            AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.endpoint_id = $2::uuid AND d.event_id = e.id)
          ORDER BY e.id LIMIT ${MAX_REPLAY}`,
        [since, endpointId, endpoint.eventTypes],
      );
      const [creator] = await sql<{ createdById: string }>(`SELECT created_by_id AS "createdById" FROM webhook_endpoint WHERE id = $1::uuid`, [endpointId]);
      const receiver = await loadUserActor({ userId: creator!.createdById }).catch(() => null);
      const visible: string[] = [];
      for (const e of missing) if (receiver && mayReceiveEvent(receiver, await loadEventSubject(sql, e))) visible.push(e.id);
      await sql(`INSERT INTO webhook_delivery (id, endpoint_id, event_id) SELECT gen_random_uuid(), $1::uuid, x FROM unnest($2::bigint[]) AS x ON CONFLICT DO NOTHING`, [endpointId, visible]);
      ids = (
        await sql<{ id: string }>(
          `SELECT d.id FROM webhook_delivery d JOIN business_event e ON e.id = d.event_id WHERE d.endpoint_id = $1::uuid AND e.occurred_at >= $2 ORDER BY e.id LIMIT ${MAX_REPLAY}`,
          [endpointId, since],
        )
      ).map((r) => r.id);
    }
    // Back to PENDING, and the endpoint's job woken: it sends them in event order per declaration (deliver-webhooks-task.ts).
    await sql(`UPDATE webhook_delivery SET state = 'PENDING', next_attempt_at = now(), delivered_at = NULL WHERE id = ANY($1::uuid[])`, [ids]);
    await sql(`SELECT ${wakeEndpointSql('$1::uuid')} IS NOT NULL`, [endpointId]);
    await recordAudit(sql, { actor, action: 'webhook_endpoint.replay', targetType: 'webhook_endpoint', targetId: endpointId, requestId: options.requestId, details: { deliveries: ids.length, since: since?.toISOString() ?? null } });
    return ids.length;
  });
}
