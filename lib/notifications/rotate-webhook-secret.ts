// A new signing secret, returned once. The current ones keep signing for the overlap window (default
// WEBHOOK_SECRET_OVERLAP_HOURS), so the receiver can switch without losing a message: during the window
// every request carries one signature per secret.
import { recordAudit } from '../audit';
import type { Actor } from '../auth/actor';
import { sqlTransaction } from '../database/sql';
import { getEnv } from '../env';
import { AppError } from '../errors';
import { loadOwnEndpoint } from './load-own-endpoint';
import { newWebhookSecret } from './new-webhook-secret';

export async function rotateWebhookSecret(options: { actor: Actor; id: string; overlapHours?: number | null; requestId?: string }): Promise<{ secret: string; previousExpiresAt: Date }> {
  const { actor, id } = options;
  const overlapHours = options.overlapHours ?? getEnv().WEBHOOK_SECRET_OVERLAP_HOURS;
  if (!Number.isInteger(overlapHours) || overlapHours < 0 || overlapHours > 720) {
    throw new AppError('BAD_USER_INPUT', 'Some fields need correcting.', { fieldErrors: [{ path: ['overlapHours'], code: 'INVALID', message: 'The overlap is a whole number of hours from 0 to 720.' }] });
  }
  const secret = newWebhookSecret();
  const previousExpiresAt = new Date(Date.now() + overlapHours * 3_600_000);
  return sqlTransaction(async (sql) => {
    await loadOwnEndpoint(sql, actor, id, { lock: true });
    await sql(
      `UPDATE webhook_secret SET expires_at = $2 WHERE endpoint_id = $1::uuid AND (expires_at IS NULL OR expires_at > $2)`,
      [id, previousExpiresAt],
    );
    // Secrets that ended long ago are of no use to anyone.
    await sql(`DELETE FROM webhook_secret WHERE endpoint_id = $1::uuid AND expires_at < now() - interval '1 day'`, [id]);
    await sql(`INSERT INTO webhook_secret (id, endpoint_id, secret) VALUES (gen_random_uuid(), $1::uuid, $2)`, [id, secret]);
    await recordAudit(sql, { actor, action: 'webhook_endpoint.rotate_secret', targetType: 'webhook_endpoint', targetId: id, requestId: options.requestId, details: { overlapHours } });
    return { secret, previousExpiresAt };
  });
}
