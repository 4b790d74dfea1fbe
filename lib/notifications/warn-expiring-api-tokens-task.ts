// Daily (cron): an `api_token.expiring` event for each active API token that expires within a week, once
// per token — its company's administrators see it in the inbox and by e-mail, its webhooks receive it.
import type { Task } from 'graphile-worker';

import { sqlTransaction } from '../database/sql';
import { recordBusinessEvent } from './record-business-event';

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'warn-expiring-api-tokens': Record<string, never>;
    }
  }
}

export const WARN_DAYS_BEFORE_EXPIRY = 7;

export async function warnExpiringApiTokens(): Promise<number> {
  return sqlTransaction(async (sql) => {
    const tokens = await sql<{ id: string; companyId: string; name: string; expiresAt: Date }>(
      `SELECT t.id, t.company_id AS "companyId", t.name, t.expires_at AS "expiresAt" FROM api_token t
        WHERE t.revoked_at IS NULL AND t.expires_at > now() AND t.expires_at < now() + make_interval(days => $1)
          AND NOT EXISTS (SELECT 1 FROM business_event e WHERE e.company_id = t.company_id AND e.type = 'api_token.expiring' AND e.payload->>'tokenId' = t.id::text)
        FOR UPDATE OF t SKIP LOCKED`,
      [WARN_DAYS_BEFORE_EXPIRY],
    );
    await recordBusinessEvent(
      sql,
      tokens.map((t) => ({ type: 'api_token.expiring' as const, companyId: t.companyId, payload: { tokenId: t.id, name: t.name, expiresAt: t.expiresAt.toISOString() } })),
    );
    return tokens.length;
  });
}

export const warnExpiringApiTokensTask: Task<'warn-expiring-api-tokens'> = async () => {
  await warnExpiringApiTokens();
};
