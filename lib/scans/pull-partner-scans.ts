// One pull over a partner link (the pull-partner-scans job): for every container of ours whose shipment
// is routed through the partner's country (list-partner-scans.ts ROUTED_THROUGH, the same rule the
// partner applies to us), ask the partner's Query.partnerScans — signed with our key (RFC 9421,
// sign-partner-request.ts) — for the scans we do not hold yet, verify each against the partner ledger's
// pinned key (verify-partner-scan.ts), and ingest the verified ones through ingestScan (blob store, our
// own ledger, tiling job, audit) as scans of source PARTNER linked to our shipment. Idempotent: a scan is
// ingested once per (link, partner scan id), whatever runs again. A scan that fails verification is not
// ingested; it is kept in partner_scan_refusal with the reason, and audited. One pull per link at a time
// across processes: a session advisory lock on the link, besides the job's own queue.
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import { getPool } from '../db';
import { sqlOfClient, sqlTransaction } from '../database/sql';
import { getEnv } from '../env';
import { isAppError } from '../errors';
import type { UserRole } from '../generated/prisma/enums';
import { getLogger } from '../logger';
import { ingestScan } from './ingest-scan';
import { ROUTED_THROUGH } from './list-partner-scans';
import { signPartnerRequest } from './sign-partner-request';
import { verifyPartnerScan, type PulledPartnerScan } from './verify-partner-scan';

/** Advisory lock class of partner pulls (second key hashtext(link id)); leader loops hold 72_163_043. */
export const PARTNER_PULL_LOCK_CLASS = 72_163_044;

export interface PartnerPullSummary {
  /** Why nothing was pulled: another pull holds the link, or the link is unknown or revoked. */
  skipped: 'busy' | 'unknown' | 'revoked' | null;
  containers: number;
  ingested: number;
  refused: number;
  /** Proofs the partner's next checkpoint will cover: asked again next time. */
  pending: number;
  error: string | null;
}

interface LinkRow {
  id: string;
  name: string;
  graphqlUrl: string;
  country: string;
  keyId: string;
  privateKey: string;
  ledgerPublicKey: string;
  ledgerOrigin: string;
  revokedAt: Date | null;
  station: { id: string; code: string; name: string; kind: string; country: string; locode: string | null };
  actor: { userId: string; email: string; name: string; role: UserRole };
}

const LIST_QUERY = `query($c: String, $after: String) { partnerScans(containerNumber: $c, first: 50, after: $after) {
  edges { node { id scannedAt } } pageInfo { hasNextPage endCursor } } }`;
const CONTENT_QUERY = `query($c: String, $since: DateTime, $after: String) { partnerScans(containerNumber: $c, since: $since, first: 5, after: $after) {
  edges { node { id containerNumber metadataCanonical metadataSha256 metadataProof
    images { sequence sha256 contentBase64 proof } verdict { verdict record recordSha256 proof } } }
  pageInfo { hasNextPage endCursor } } }`;

class PartnerAnswerError extends Error {}

/** A signed POST to the partner; its GraphQL errors except NOT_FOUND (a container it does not route to us) are thrown. */
async function askPartner<T>(link: LinkRow, query: string, variables: Record<string, unknown>): Promise<T | null> {
  const body = JSON.stringify({ query, variables });
  const headers = await signPartnerRequest({ url: link.graphqlUrl, body, keyId: link.keyId, privateKey: link.privateKey });
  const response = await fetch(link.graphqlUrl, { method: 'POST', headers, body, redirect: 'error', signal: AbortSignal.timeout(getEnv().SCAN_PARTNER_PULL_TIMEOUT_SECONDS * 1000) });
  const text = await response.text();
  let json: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    json = JSON.parse(text);
  } catch {
    throw new PartnerAnswerError(`The partner answered ${response.status} with no JSON.`);
  }
  if (json.errors?.length) {
    if (json.errors.every((e) => e.extensions?.code === 'NOT_FOUND')) return null;
    throw new PartnerAnswerError(`The partner refused the request (${response.status}): ${json.errors.map((e) => e.message).join(' ')}`.slice(0, 1000));
  }
  if (!response.ok || !json.data) throw new PartnerAnswerError(`The partner answered ${response.status}.`);
  return json.data;
}

async function loadLink(linkId: string): Promise<LinkRow | null> {
  const [row] = await sqlOfClient(getPool())<LinkRow>(
    `SELECT l.id, l.name, l.graphql_url AS "graphqlUrl", l.country, l.key_id AS "keyId", k.private_key AS "privateKey", l.ledger_public_key AS "ledgerPublicKey",
            l.ledger_origin AS "ledgerOrigin", l.revoked_at AS "revokedAt",
            json_build_object('id', st.id, 'code', st.code, 'name', st.name, 'kind', st.kind, 'country', st.country, 'locode', st.locode) AS station,
            json_build_object('userId', u.id, 'email', u.email, 'name', u.name, 'role', u.role) AS actor
       FROM partner_link l JOIN partner_link_secret k ON k.link_id = l.id JOIN scan_station st ON st.id = l.station_id JOIN app_user u ON u.id = l.created_by_id
      WHERE l.id = $1::uuid`,
    [linkId],
  );
  return row ?? null;
}

async function recordRefusal(link: LinkRow, scan: { id: string; containerNumber: string | null }, reason: string): Promise<void> {
  await sqlTransaction(async (sql) => {
    const [row] = await sql<{ inserted: boolean; changed: boolean }>(
      `INSERT INTO partner_scan_refusal AS r (id, link_id, remote_scan_id, container_number, reason) VALUES (gen_random_uuid(), $1::uuid, $2, $3, $4)
       ON CONFLICT (link_id, remote_scan_id) DO UPDATE SET attempts = r.attempts + 1, last_seen_at = now(), reason = EXCLUDED.reason
       RETURNING (xmax = 0) AS inserted, true AS changed`,
      [link.id, scan.id, scan.containerNumber, reason.slice(0, 2000)],
    );
    // Audited the first time, not at every pull that meets it again.
    if (row?.inserted) {
      await recordAudit(sql, {
        actor: null,
        action: 'partner_link.scan_refused',
        targetType: 'partner_link',
        targetId: link.id,
        details: { remoteScanId: scan.id, containerNumber: scan.containerNumber, reason: reason.slice(0, 2000) },
      });
    }
  });
}

async function pullContainer(link: LinkRow, actor: Actor, containerNumber: string, summary: PartnerPullSummary): Promise<void> {
  const sql = sqlOfClient(getPool());
  // First the ids (no image bytes): only scans we do not hold are fetched with their content.
  const listed: { id: string; scannedAt: string }[] = [];
  let after: string | null = null;
  do {
    type Page = { partnerScans: { edges: { node: { id: string; scannedAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const page: Page | null = await askPartner<Page>(link, LIST_QUERY, { c: containerNumber, after });
    if (!page) return;
    listed.push(...page.partnerScans.edges.map((e) => e.node));
    after = page.partnerScans.pageInfo.hasNextPage ? page.partnerScans.pageInfo.endCursor : null;
  } while (after);
  const held = new Set(
    (await sql<{ remote_scan_id: string }>(`SELECT remote_scan_id FROM scan WHERE partner_link_id = $1::uuid AND remote_scan_id = ANY($2::text[])`, [link.id, listed.map((s) => s.id)])).map((r) => r.remote_scan_id),
  );
  const wanted = new Set(listed.filter((s) => !held.has(s.id)).map((s) => s.id));
  if (!wanted.size) return;
  const since = listed.filter((s) => wanted.has(s.id)).reduce((min, s) => (s.scannedAt < min ? s.scannedAt : min), listed.find((s) => wanted.has(s.id))!.scannedAt);

  after = null;
  do {
    type Page = { partnerScans: { edges: { node: PulledPartnerScan }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const page: Page | null = await askPartner<Page>(link, CONTENT_QUERY, { c: containerNumber, since, after });
    if (!page) return;
    for (const { node: scan } of page.partnerScans.edges) {
      if (!wanted.has(scan.id)) continue;
      await importScan(link, actor, containerNumber, scan, summary);
    }
    after = page.partnerScans.pageInfo.hasNextPage ? page.partnerScans.pageInfo.endCursor : null;
  } while (after);
}

async function importScan(link: LinkRow, actor: Actor, containerNumber: string, scan: PulledPartnerScan, summary: PartnerPullSummary): Promise<void> {
  const checked = await verifyPartnerScan(scan, { publicKey: link.ledgerPublicKey, origin: link.ledgerOrigin });
  if (checked.status === 'pending') {
    summary.pending++;
    return;
  }
  let reason: string | null = checked.status === 'refused' ? checked.reason : null;
  if (checked.status === 'verified') {
    // Only what the partner's ledger proves is used: the verified metadata, not the answer's other fields.
    if (checked.metadata.containerNumber !== containerNumber) reason = `The metadata names container ${String(checked.metadata.containerNumber)}, not ${containerNumber} asked for.`;
    else {
      const parts = (checked.metadata.images as { part: string }[]).map((listed, i) => ({ part: listed.part, bytes: checked.images[i]!.bytes }));
      try {
        await ingestScan({ station: link.station, actor, metadata: checked.metadata, images: parts, partner: { linkId: link.id, remoteScanId: scan.id, remoteMetadataSha256: scan.metadataSha256 } });
        summary.ingested++;
        return;
      } catch (error) {
        if (isAppError(error) && error.code === 'CONFLICT') return; // ingested meanwhile
        if (!isAppError(error) || error.code !== 'BAD_USER_INPUT') throw error;
        reason = `Verified, but not ingestible here: ${error.message}`;
      }
    }
  }
  summary.refused++;
  await recordRefusal(link, { id: scan.id, containerNumber: scan.containerNumber }, reason!);
}

export async function pullPartnerScans(linkId: string): Promise<PartnerPullSummary> {
  const summary: PartnerPullSummary = { skipped: null, containers: 0, ingested: 0, refused: 0, pending: 0, error: null };
  const client = await getPool().connect();
  try {
    const [{ locked }] = (await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked`, [PARTNER_PULL_LOCK_CLASS, linkId])).rows as [{ locked: boolean }];
    if (!locked) return { ...summary, skipped: 'busy' };
    try {
      const link = /^[0-9a-f-]{36}$/i.test(linkId) ? await loadLink(linkId) : null;
      if (!link) return { ...summary, skipped: 'unknown' };
      if (link.revokedAt) return { ...summary, skipped: 'revoked' };
      const actor: Actor = { ...link.actor, companyId: null, isCompanyAdmin: false, token: { id: link.id, name: `partner link ${link.name}`, scopes: [] }, clients: [], request: { id: null, ip: null } };
      const containers = await sqlOfClient(getPool())<{ container_number: string }>(
        `SELECT DISTINCT sh.container_number FROM shipment sh
          WHERE (sh.closed_at IS NULL OR sh.closed_at > now() - make_interval(days => $2)) AND ${ROUTED_THROUGH}
          ORDER BY sh.container_number`,
        [link.country, getEnv().SCAN_PARTNER_PULL_DAYS],
      );
      summary.containers = containers.length;
      try {
        for (const { container_number } of containers) {
          // Revoked meanwhile: stop before the next request.
          const [current] = await sqlOfClient(getPool())<{ revoked: boolean }>(`SELECT revoked_at IS NOT NULL AS revoked FROM partner_link WHERE id = $1::uuid`, [link.id]);
          if (current?.revoked) break;
          await pullContainer(link, actor, container_number, summary);
        }
      } catch (error) {
        if (!(error instanceof PartnerAnswerError) && !(error instanceof TypeError) && !(error instanceof DOMException)) throw error;
        summary.error = error.message;
        getLogger().warn({ linkId, err: error.message }, 'partner pull failed');
      }
      await sqlTransaction(async (sql) => {
        await sql(`UPDATE partner_link SET last_pulled_at = now(), last_pull_error = $2, last_pull_ingested = $3, last_pull_refused = $4 WHERE id = $1::uuid`, [
          link.id,
          summary.error,
          summary.ingested,
          summary.refused,
        ]);
        await recordAudit(sql, {
          actor: null,
          action: 'partner_link.pull',
          targetType: 'partner_link',
          targetId: link.id,
          details: { containers: summary.containers, ingested: summary.ingested, refused: summary.refused, error: summary.error },
        });
      });
      return summary;
    } finally {
      await client.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [PARTNER_PULL_LOCK_CLASS, linkId]);
    }
  } finally {
    client.release();
  }
}
