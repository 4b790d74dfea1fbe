// Scans pulled from partner links that failed verification (or could not be filed here) and were not
// ingested, with the reason, for platform administrators and image analysts: most recently met first.
import type { Actor } from '../auth/actor';
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import { AppError } from '../errors';

export interface PartnerScanRefusalView {
  id: string;
  linkId: string;
  linkName: string;
  remoteScanId: string;
  containerNumber: string | null;
  reason: string;
  attempts: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export async function listPartnerScanRefusals(options: { actor: Actor; linkId?: string | null; first?: number | null }): Promise<PartnerScanRefusalView[]> {
  const { actor } = options;
  if (actor.token || (actor.role !== 'ADMIN' && actor.role !== 'IMAGE_ANALYST')) throw new AppError('FORBIDDEN', 'Only platform administrators and image analysts see refused partner scans.');
  const first = options.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > 200) throw new AppError('BAD_USER_INPUT', 'Ask for 1 to 200 refusals.', { field: 'first' });
  if (options.linkId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(options.linkId)) throw new AppError('NOT_FOUND', `No partner link ${options.linkId}.`);
  return sqlOfClient(getPool())<PartnerScanRefusalView>(
    `SELECT r.id, r.link_id AS "linkId", l.name AS "linkName", r.remote_scan_id AS "remoteScanId", r.container_number AS "containerNumber", r.reason, r.attempts,
            r.first_seen_at AS "firstSeenAt", r.last_seen_at AS "lastSeenAt"
       FROM partner_scan_refusal r JOIN partner_link l ON l.id = r.link_id
      WHERE ($1::uuid IS NULL OR r.link_id = $1::uuid) ORDER BY r.last_seen_at DESC, r.id LIMIT $2`,
    [options.linkId ?? null, first],
  );
}
