// The registered partner administrations, for platform administrators (newest first, revoked included).
import type { Actor } from '../auth/actor';
import { isPlatformAdmin } from '../auth/policy';
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import { AppError } from '../errors';

export interface ScanPartnerView {
  id: string;
  name: string;
  country: string;
  keyId: string;
  /** SPKI PEM. */
  publicKey: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export async function listScanPartners(options: { actor: Actor }): Promise<ScanPartnerView[]> {
  if (options.actor.token || !isPlatformAdmin(options.actor)) throw new AppError('FORBIDDEN', 'Only platform administrators see the partner administrations.');
  const rows = await sqlOfClient(getPool())<{ id: string; name: string; country: string; key_id: string; public_key: string; created_at: Date; revoked_at: Date | null }>(
    `SELECT id, name, country, key_id, public_key, created_at, revoked_at FROM scan_partner ORDER BY created_at DESC, id`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, country: r.country, keyId: r.key_id, publicKey: r.public_key, createdAt: r.created_at, revokedAt: r.revoked_at }));
}
