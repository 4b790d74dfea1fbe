// The registered partner administrations, for platform administrators (newest first, revoked included),
// each with the time of its last pull: the latest scan.partner_pull audit row (every pull writes one).
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
  /** The partner's latest partnerScans call (its audit row), null before the first. */
  lastPullAt: Date | null;
}

export async function listScanPartners(options: { actor: Actor }): Promise<ScanPartnerView[]> {
  if (options.actor.token || !isPlatformAdmin(options.actor)) throw new AppError('FORBIDDEN', 'Only platform administrators see the partner administrations.');
  const rows = await sqlOfClient(getPool())<{ id: string; name: string; country: string; key_id: string; public_key: string; created_at: Date; revoked_at: Date | null; last_pull_at: Date | null }>(
    `SELECT p.id, p.name, p.country, p.key_id, p.public_key, p.created_at, p.revoked_at,
            (SELECT max(a.at) FROM audit_event a WHERE a.action = 'scan.partner_pull' AND a.target_type = 'scan_partner' AND a.target_id = p.id::text) AS last_pull_at
       FROM scan_partner p ORDER BY p.created_at DESC, p.id`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, country: r.country, keyId: r.key_id, publicKey: r.public_key, createdAt: r.created_at, revokedAt: r.revoked_at, lastPullAt: r.last_pull_at }));
}
