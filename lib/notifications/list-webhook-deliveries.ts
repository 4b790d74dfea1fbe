// The delivery log of one endpoint, newest first: each delivery with its attempts (status code, latency,
// the first kilobyte of the answer, the error).
import type { Actor } from '../auth/actor';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { CURSOR_KEY, decodeCursor, encodeCursor } from '../pagination';
import { loadOwnEndpoint } from './load-own-endpoint';

export interface AttemptRow {
  id: string;
  number: number;
  startedAt: Date;
  finishedAt: Date | null;
  statusCode: number | null;
  latencyMs: number | null;
  error: string | null;
  responseExcerpt: string | null;
}

export interface DeliveryRow {
  id: string;
  endpointId: string;
  eventId: string | null;
  eventType: string;
  state: string;
  attemptCount: number;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
  attempts: AttemptRow[];
}

export async function listWebhookDeliveries(options: { actor: Actor; endpointId: string; state?: string | null; first?: number | null; after?: string | null }): Promise<{ nodes: DeliveryRow[]; hasNextPage: boolean; endCursor: string | null }> {
  const sql = sqlOfClient(getPool());
  await loadOwnEndpoint(sql, options.actor, options.endpointId);
  const first = Math.min(Math.max(options.first ?? 50, 1), 200);
  const [at, id] = options.after ? decodeCursor(options.after, 'webhookDelivery', CURSOR_KEY.timeAndUuid).split('|') : [null, null];
  const rows = await sql<DeliveryRow>(
    `SELECT d.id, d.endpoint_id AS "endpointId", d.event_id::text AS "eventId", COALESCE(e.type, 'webhook.test') AS "eventType", d.state,
            d.attempt_count AS "attemptCount", d.next_attempt_at AS "nextAttemptAt", d.delivered_at AS "deliveredAt", d.created_at AS "createdAt",
            COALESCE((SELECT json_agg(json_build_object('id', a.id, 'number', a.number, 'startedAt', a.started_at, 'finishedAt', a.finished_at,
                       'statusCode', a.status_code, 'latencyMs', a.latency_ms, 'error', a.error, 'responseExcerpt', a.response_excerpt) ORDER BY a.number)
                        FROM webhook_attempt a WHERE a.delivery_id = d.id), '[]') AS attempts
       FROM webhook_delivery d LEFT JOIN business_event e ON e.id = d.event_id
      WHERE d.endpoint_id = $1::uuid AND ($2::text IS NULL OR d.state = $2)
        AND ($3::timestamptz IS NULL OR (d.created_at, d.id) < ($3::timestamptz, $4::uuid))
      ORDER BY d.created_at DESC, d.id DESC LIMIT $5`,
    [options.endpointId, options.state ?? null, at, id, first + 1],
  );
  const nodes = rows.slice(0, first).map((r) => ({
    ...r,
    attempts: r.attempts.map((a) => ({ ...a, startedAt: new Date(a.startedAt), finishedAt: a.finishedAt ? new Date(a.finishedAt) : null })),
  }));
  const last = nodes.at(-1);
  return { nodes, hasNextPage: rows.length > first, endCursor: last ? encodeCursor('webhookDelivery', `${last.createdAt.toISOString()}|${last.id}`) : null };
}
