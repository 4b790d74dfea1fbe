// Customs' officer on duty for a declaration: the officer holding its claim in the officers' queue
// (lib/officer-queue; a claim older than CLAIM_TIMEOUT_MINUTES no longer counts), else — nobody works on
// it — every active customs officer, so that an event that needs customs (a container held at a gate)
// is never addressed to nobody.
import type { Sql } from '../database/sql';
import { getEnv } from '../env';

export async function findOfficersOnDuty(sql: Sql, declarationId: string, eventType: string): Promise<{ id: string; email: string; channel: string | null }[]> {
  return sql<{ id: string; email: string; channel: string | null }>(
    `WITH holder AS (
       SELECT c.officer_id FROM declaration_claim c JOIN app_user u ON u.id = c.officer_id
        WHERE c.declaration_id = $1::uuid AND c.claimed_at > now() - make_interval(mins => $2) AND u.disabled_at IS NULL)
     SELECT u.id, u.email, p.channel FROM app_user u
       LEFT JOIN notification_preference p ON p.user_id = u.id AND p.event_type = $3
      WHERE u.disabled_at IS NULL AND u.role = 'OFFICER'
        AND (u.id IN (SELECT officer_id FROM holder) OR NOT EXISTS (SELECT 1 FROM holder))`,
    [declarationId, getEnv().CLAIM_TIMEOUT_MINUTES, eventType],
  );
}
