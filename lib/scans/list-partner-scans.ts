// What a partner administration may pull (Query.partnerScans): the scans of shipments whose planned route
// names its country — origin, destination or any route stop, a UN/LOCODE's first two letters being its
// country — with their metadata, images, regions and verdict, oldest scan first, keyset-paginated. Asking
// for a container none of whose shipments is routed through the partner's country is NOT_FOUND, the
// same answer whether or not the container exists here, so containers cannot be probed. Every pull is
// audited (the partner, its key, the filter and the scans sent), whether it found scans or not.
import { createHash } from 'node:crypto';

import { recordAudit } from '../audit';
import { getPool } from '../db';
import { sqlOfClient, sqlTransaction } from '../database/sql';
import { AppError } from '../errors';
import { CURSOR_KEY, decodeCursor, encodeCursor } from '../pagination';
import { containerProblem } from '../tracking/identifiers';
import type { ScanPartnerPrincipal } from './authenticate-scan-partner';
import type { ScanView } from './get-scan';

/** An image of a partner scan (its bytes and proof are read when asked for: graphql/resolvers/scan-partners.ts). */
export interface PartnerScanImage {
  sequence: number;
  format: string;
  view: string;
  width: number;
  height: number;
  bits: number;
  sha256: string;
  ledgerLeafHash: string;
}

/** The verdict of a partner scan (its proof is built when asked for). */
export interface PartnerScanVerdict {
  verdict: string;
  note: string | null;
  decidedAt: Date;
  recordSha256: string;
  ledgerLeafHash: string;
  /** The anchored verdict record, rebuilt; null when it no longer hashes to recordSha256. */
  record: string | null;
  inspectedAt: Date | null;
}

/** The scan's own fields as analysts see them (get-scan.ts), plus what a partner needs to check them. */
export interface PartnerScan extends Pick<ScanView, 'id' | 'status' | 'containerNumber' | 'vehicleId' | 'scannedAt' | 'receivedAt' | 'operator' | 'scannerType' | 'energyKeV'> {
  /** The metadata as the station posted it (after validation), as JSON text. */
  metadata: string;
  /** The metadata exactly as anchored (RFC 8785 canonical JSON): SHA-256 of it is metadataSha256. Null for scans ingested before the canonical form. */
  metadataCanonical: string | null;
  metadataSha256: string;
  station: { code: string; name: string; kind: string; country: string; locode: string | null };
  route: { originLocode: string; destinationLocode: string; stops: string[] };
  images: PartnerScanImage[];
  annotations: { imageSequence: number; imageSha256: string; source: string; label: string; confidence: number | null; x: number; y: number; width: number; height: number; note: string | null }[];
  verdict: PartnerScanVerdict | null;
}

export interface PartnerScanPage {
  edges: { cursor: string; node: PartnerScan }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const CURSOR = 'partner-scans';

interface Row extends Omit<PartnerScan, 'verdict' | 'annotations'> {
  annotations: (PartnerScan['annotations'][number] & { image: string })[];
  verdict: (Omit<PartnerScanVerdict, 'record' | 'decidedAt' | 'inspectedAt'> & { decidedAt: string; inspectedAt: string | null; decidedBy: string }) | null;
  scanned_key: string;
}

/**
 * The route of shipment `sh` names the country $1 when the origin, the destination or any stop lies in
 * it. Also the reverse direction: the shipments this Clearway pulls a partner's scans for
 * (pull-partner-scans.ts).
 */
export const ROUTED_THROUGH = `(left(sh.origin_locode, 2) = $1 OR left(sh.destination_locode, 2) = $1
   OR EXISTS (SELECT 1 FROM route_stop r WHERE r.shipment_id = sh.id AND left(r.locode, 2) = $1))`;

const SELECT = `
SELECT s.id, s.status::text AS status, s.container_number AS "containerNumber", s.vehicle_id AS "vehicleId", s.scanned_at AS "scannedAt",
       s.created_at AS "receivedAt", s.operator, s.scanner_type AS "scannerType", s.energy_kev AS "energyKeV", s.metadata::text AS metadata,
       s.metadata_canonical AS "metadataCanonical", s.metadata_sha256 AS "metadataSha256", to_char(s.scanned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS scanned_key,
       json_build_object('code', st.code, 'name', st.name, 'kind', st.kind, 'country', st.country, 'locode', st.locode) AS station,
       json_build_object('originLocode', sh.origin_locode, 'destinationLocode', sh.destination_locode,
         'stops', COALESCE((SELECT json_agg(r.locode ORDER BY r.sequence) FROM route_stop r WHERE r.shipment_id = sh.id), '[]')) AS route,
       (SELECT json_agg(json_build_object('sequence', i.sequence, 'format', i.format, 'view', i.view, 'width', i.width, 'height', i.height, 'bits', i.bits,
               'sha256', i.sha256, 'ledgerLeafHash', i.ledger_leaf_hash) ORDER BY i.sequence) FROM scan_image i WHERE i.scan_id = s.id) AS images,
       -- In the order, and with the members, decideScan hashed them into the verdict record.
       COALESCE((SELECT json_agg(json_build_object('source', a.source, 'label', a.label, 'x', a.x, 'y', a.y, 'width', a.width, 'height', a.height, 'note', a.note,
               'image', i.sha256, 'imageSequence', i.sequence, 'imageSha256', i.sha256, 'confidence', a.confidence) ORDER BY a.created_at, a.id)
          FROM scan_annotation a JOIN scan_image i ON i.id = a.image_id WHERE a.scan_id = s.id), '[]') AS annotations,
       CASE WHEN v.id IS NULL THEN NULL ELSE json_build_object('verdict', v.verdict, 'note', v.note, 'decidedAt', v.decided_at, 'recordSha256', v.record_sha256,
            'ledgerLeafHash', v.ledger_leaf_hash, 'inspectedAt', v.inspected_at, 'decidedBy', vu.email) END AS verdict
  FROM scan s
  JOIN shipment sh ON sh.id = s.shipment_id
  JOIN scan_station st ON st.id = s.station_id
  LEFT JOIN scan_verdict v ON v.scan_id = s.id LEFT JOIN app_user vu ON vu.id = v.decided_by_id
 WHERE ${ROUTED_THROUGH}
   -- Our stations' scans only: what we pulled from another partner is that partner's to give (and two
   -- administrations linked both ways would otherwise hand each other's scans back and forth).
   AND s.source = 'STATION'
   AND ($2::text IS NULL OR s.container_number = $2)
   AND ($3::timestamptz IS NULL OR s.scanned_at >= $3)
   AND ($4::timestamptz IS NULL OR (s.scanned_at, s.id) > ($4::timestamptz, $5::uuid))
 ORDER BY s.scanned_at, s.id
 LIMIT $6`;

/**
 * The verdict record exactly as decideScan hashed and anchored it, rebuilt from the rows; null if it no
 * longer hashes to the anchored SHA-256 (e.g. the analyst's e-mail address changed since).
 */
function verdictRecord(row: Row): string | null {
  const v = row.verdict;
  if (!v) return null;
  const regions = row.annotations.map((a) => ({ source: a.source, label: a.label, x: a.x, y: a.y, width: a.width, height: a.height, note: a.note, image: a.image }));
  const record = JSON.stringify({
    scanId: row.id,
    verdict: v.verdict,
    note: v.note,
    images: row.images.map((i) => i.sha256),
    regions,
    decidedBy: v.decidedBy,
    decidedAt: new Date(v.decidedAt).toISOString(),
  });
  return createHash('sha256').update(record).digest('hex') === v.recordSha256 ? record : null;
}

async function auditPull(partner: ScanPartnerPrincipal, pull: { scans: number; containerNumber: string | null; since: Date | null; scanIds: string[]; refused?: string }): Promise<void> {
  await sqlTransaction((tx) =>
    recordAudit(tx, {
      actor: null,
      action: 'scan.partner_pull',
      targetType: 'scan_partner',
      targetId: partner.id,
      requestId: partner.request.id,
      details: {
        scans: pull.scans,
        country: partner.country,
        keyId: partner.keyId,
        containerNumber: pull.containerNumber,
        since: pull.since?.toISOString() ?? null,
        scanIds: pull.scanIds,
        ip: partner.request.ip,
        ...(pull.refused ? { refused: pull.refused } : {}),
      },
    }),
  );
}

export async function listPartnerScans(options: {
  partner: ScanPartnerPrincipal;
  containerNumber?: string | null;
  since?: Date | null;
  first?: number | null;
  after?: string | null;
}): Promise<PartnerScanPage> {
  const { partner } = options;
  const first = options.first ?? 10;
  if (!Number.isInteger(first) || first < 1 || first > 50) {
    throw new AppError('BAD_USER_INPUT', 'Ask for 1 to 50 scans a page.', { fieldErrors: [{ path: ['first'], code: 'INVALID', message: 'Between 1 and 50.' }] });
  }
  const containerNumber = options.containerNumber?.trim().toUpperCase() || null;
  if (containerNumber) {
    const problem = containerProblem(containerNumber);
    if (problem) throw new AppError('BAD_USER_INPUT', problem, { fieldErrors: [{ path: ['containerNumber'], code: 'INVALID', message: problem }] });
  }
  const since = options.since ?? null;
  if (since && Number.isNaN(since.getTime())) throw new AppError('BAD_USER_INPUT', 'Give `since` as an ISO 8601 time.', { fieldErrors: [{ path: ['since'], code: 'INVALID', message: 'Not a time.' }] });
  let afterTime: string | null = null;
  let afterId: string | null = null;
  if (options.after) [afterTime, afterId] = decodeCursor(options.after, CURSOR, CURSOR_KEY.timeAndUuid).split('|') as [string, string];

  const sql = sqlOfClient(getPool());
  if (containerNumber) {
    const [routed] = await sql(`SELECT 1 FROM shipment sh WHERE sh.container_number = $2 AND ${ROUTED_THROUGH} LIMIT 1`, [partner.country, containerNumber]);
    if (!routed) {
      // Kept too: a partner asking for containers not bound to it is what an auditor looks for.
      await auditPull(partner, { scans: 0, containerNumber, since, scanIds: [], refused: 'not routed through the partner country' });
      throw new AppError('NOT_FOUND', `No shipment of container ${containerNumber} is routed through ${partner.country}: a partner administration sees only the scans of containers bound to or through its country.`, {
        field: 'containerNumber',
      });
    }
  }
  const rows = await sql<Row>(SELECT, [partner.country, containerNumber, since, afterTime, afterId, first + 1]);
  const page = rows.slice(0, first);
  const edges = page.map((row) => {
    const { scanned_key, verdict, annotations, ...rest } = row;
    const node: PartnerScan = {
      ...rest,
      scannedAt: new Date(rest.scannedAt),
      receivedAt: new Date(rest.receivedAt),
      annotations: annotations.map(({ image: _image, ...a }) => a),
      verdict: verdict && {
        verdict: verdict.verdict,
        note: verdict.note,
        decidedAt: new Date(verdict.decidedAt),
        recordSha256: verdict.recordSha256,
        ledgerLeafHash: verdict.ledgerLeafHash,
        inspectedAt: verdict.inspectedAt ? new Date(verdict.inspectedAt) : null,
        record: verdictRecord(row),
      },
    };
    return { cursor: encodeCursor(CURSOR, `${scanned_key}|${row.id}`), node };
  });
  await auditPull(partner, { scans: edges.length, containerNumber, since, scanIds: edges.map((e) => e.node.id) });
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
