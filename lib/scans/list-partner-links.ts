// The partner administrations this Clearway pulls scans from (outbound links), for platform
// administrators: newest first, revoked ones included. The private signing key is never selected here
// (partner_link_secret is read only by the pulling job).
import { createHash } from 'node:crypto';

import type { Actor } from '../auth/actor';
import { isPlatformAdmin } from '../auth/policy';
import { getPool } from '../db';
import { sqlOfClient, type Sql } from '../database/sql';
import { AppError } from '../errors';

export interface PartnerLinkView {
  id: string;
  name: string;
  graphqlUrl: string;
  country: string;
  keyId: string;
  /** Our Ed25519 public key (SPKI PEM): what the partner registers for us. */
  publicKey: string;
  /** The partner ledger's raw Ed25519 key, base64, as pinned. */
  ledgerPublicKey: string;
  ledgerOrigin: string;
  ledgerKeyPinnedAt: Date;
  /** The pinned key's fingerprint, `SHA256:` + unpadded base64 of the raw key's SHA-256 (as OpenSSH prints keys): short enough to read out to the partner. */
  ledgerKeyFingerprint: string;
  stationCode: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastPulledAt: Date | null;
  lastPullError: string | null;
  lastPullIngested: number;
  lastPullRefused: number;
  /** Scans ingested over this link, all pulls together. */
  scansPulled: number;
}

export const PARTNER_LINK_COLUMNS = `l.id, l.name, l.graphql_url AS "graphqlUrl", l.country, l.key_id AS "keyId", l.public_key AS "publicKey",
  l.ledger_public_key AS "ledgerPublicKey", l.ledger_origin AS "ledgerOrigin", l.ledger_key_pinned_at AS "ledgerKeyPinnedAt", st.code AS "stationCode",
  l.created_at AS "createdAt", l.revoked_at AS "revokedAt", l.last_pulled_at AS "lastPulledAt", l.last_pull_error AS "lastPullError",
  l.last_pull_ingested AS "lastPullIngested", l.last_pull_refused AS "lastPullRefused",
  (SELECT count(*) FROM scan s WHERE s.partner_link_id = l.id)::int AS "scansPulled"`;

/** `SHA256:` + unpadded base64 of the SHA-256 of the raw key (given as base64). */
export function ledgerKeyFingerprint(publicKeyBase64: string): string {
  return `SHA256:${createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('base64').replace(/=+$/, '')}`;
}

const withFingerprint = (row: Omit<PartnerLinkView, 'ledgerKeyFingerprint'>): PartnerLinkView => ({ ...row, ledgerKeyFingerprint: ledgerKeyFingerprint(row.ledgerPublicKey) });

/** One link by id (FOR UPDATE when asked), or null. */
export async function findPartnerLink(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<PartnerLinkView | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [row] = await sql<Omit<PartnerLinkView, 'ledgerKeyFingerprint'>>(
    `SELECT ${PARTNER_LINK_COLUMNS} FROM partner_link l JOIN scan_station st ON st.id = l.station_id WHERE l.id = $1::uuid${options.forUpdate ? ' FOR UPDATE OF l' : ''}`,
    [id],
  );
  return row ? withFingerprint(row) : null;
}

export function assertPartnerLinkAdmin(actor: Actor, what: string): void {
  if (actor.token || !isPlatformAdmin(actor)) throw new AppError('FORBIDDEN', `Only platform administrators ${what}.`);
}

export async function listPartnerLinks(options: { actor: Actor }): Promise<PartnerLinkView[]> {
  assertPartnerLinkAdmin(options.actor, 'see the partner links');
  const rows = await sqlOfClient(getPool())<Omit<PartnerLinkView, 'ledgerKeyFingerprint'>>(`SELECT ${PARTNER_LINK_COLUMNS} FROM partner_link l JOIN scan_station st ON st.id = l.station_id ORDER BY l.created_at DESC, l.id`);
  return rows.map(withFingerprint);
}
