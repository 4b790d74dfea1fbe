// A platform administrator revokes a partner administration: its signed requests are refused (401) from
// the next request on. Revoking twice is a no-op (retries are safe); the key id stays taken. The
// reason, when given (the portal's page asks for one), is kept in the audit row.
import type { Actor } from '../auth/actor';
import { assertPerson, isPlatformAdmin } from '../auth/policy';
import { recordAudit } from '../audit';
import { sqlTransaction } from '../database/sql';
import { AppError } from '../errors';
import type { ScanPartnerView } from './list-scan-partners';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function revokeScanPartner(options: { actor: Actor; id: string; reason?: string | null; requestId?: string }): Promise<ScanPartnerView> {
  const { actor, id } = options;
  const reason = options.reason?.trim() || null;
  if (reason && reason.length > 500) {
    const message = 'The reason is at most 500 characters.';
    throw new AppError('BAD_USER_INPUT', message, { fieldErrors: [{ path: ['reason'], code: 'TOO_BIG', message }] });
  }
  assertPerson(actor, 'revoke partner administrations');
  if (!isPlatformAdmin(actor)) throw new AppError('FORBIDDEN', 'Only platform administrators revoke partner administrations.');
  if (!UUID.test(id)) throw new AppError('NOT_FOUND', `No partner administration ${id}.`);
  return sqlTransaction(async (sql) => {
    const [partner] = await sql<{ id: string; name: string; country: string; key_id: string; public_key: string; created_at: Date; revoked_at: Date | null }>(
      `SELECT id, name, country, key_id, public_key, created_at, revoked_at FROM scan_partner WHERE id = $1::uuid FOR UPDATE`,
      [id],
    );
    if (!partner) throw new AppError('NOT_FOUND', `No partner administration ${id}.`);
    let revokedAt = partner.revoked_at;
    if (!revokedAt) {
      const [updated] = await sql<{ revoked_at: Date }>(`UPDATE scan_partner SET revoked_at = now() WHERE id = $1::uuid RETURNING revoked_at`, [id]);
      revokedAt = updated!.revoked_at;
      await recordAudit(sql, { actor, action: 'scan_partner.revoke', targetType: 'scan_partner', targetId: id, requestId: options.requestId, details: { name: partner.name, keyId: partner.key_id, ...(reason ? { reason } : {}) } });
    }
    return { id: partner.id, name: partner.name, country: partner.country, keyId: partner.key_id, publicKey: partner.public_key, createdAt: partner.created_at, revokedAt, lastPullAt: null };
  });
}
