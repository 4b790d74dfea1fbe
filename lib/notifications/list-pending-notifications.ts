// Pull notifications (like HMRC's push-pull): an API token with notifications:read lists the events its
// company may see that it has not acknowledged yet, oldest first, from the token's creation and within
// the retention (30 days by default). The same policy as webhooks and GraphQL reads decides visibility.
import type { Actor } from '../auth/actor';
import { assertScope, declarationVisibilitySql } from '../auth/policy';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { getEnv } from '../env';
import { AppError } from '../errors';
import { loadEventSubject, mayReceiveEvent } from './event-audience';
import { EVENT_COLUMNS, webhookBody, type EventRow, type WebhookBody } from './webhook-body';

export const PULL_SCOPES = ['notifications:read'] as const;

export async function listPendingNotifications(options: { actor: Actor; first?: number | null }): Promise<{ nodes: (WebhookBody & { id: string })[]; hasMore: boolean }> {
  const { actor } = options;
  if (!actor.token) throw new AppError('FORBIDDEN', 'Pull notifications are for API tokens: people read Query.notifications (their inbox).');
  assertScope(actor, 'notifications:read');
  const first = Math.min(Math.max(options.first ?? 100, 1), 500);
  const sql = sqlOfClient(getPool());
  const visible = declarationVisibilitySql(actor, 4, PULL_SCOPES);
  const rows = await sql<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM business_event e
       LEFT JOIN declaration d ON d.id = e.declaration_id
      WHERE e.occurred_at >= GREATEST((SELECT created_at FROM api_token WHERE id = $1::uuid), now() - make_interval(days => $2))
        AND NOT EXISTS (SELECT 1 FROM notification_ack a WHERE a.token_id = $1::uuid AND a.event_id = e.id)
        AND ((e.declaration_id IS NULL AND e.company_id = $3::uuid) OR (d.id IS NOT NULL AND ${visible.where}))
      ORDER BY e.id LIMIT $4`,
    [actor.token.id, getEnv().NOTIFICATION_RETENTION_DAYS, actor.companyId, first + 1, ...visible.params],
  );
  const page = rows.slice(0, first);
  // Filing details (queries, documents) only for the filing side, as over GraphQL.
  const nodes: (WebhookBody & { id: string })[] = [];
  for (const e of page) if (mayReceiveEvent(actor, await loadEventSubject(sql, e), PULL_SCOPES)) nodes.push({ id: e.id, ...webhookBody(e) });
  return { nodes, hasMore: rows.length > first };
}
