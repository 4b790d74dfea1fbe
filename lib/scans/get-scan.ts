// One scan as the analyst's viewer shows it: station, images (with their tile addresses), regions,
// claim, verdict, and beside it the declaration's goods, quantities and weights.
import type { Actor } from '../auth/actor';
import { getEnv } from '../env';
import { getPool } from '../db';
import { AppError } from '../errors';
import { assertScanReader } from './scan-access';
import { RAW_TILES, SCAN_PRESET_NAMES } from './scan-presets';

export interface ScanView {
  id: string;
  status: 'AWAITING_ANALYSIS' | 'CLEAR' | 'SUSPECT' | 'INCONCLUSIVE';
  processing: 'PENDING' | 'DONE' | 'FAILED';
  containerNumber: string | null;
  vehicleId: string | null;
  scannedAt: Date;
  receivedAt: Date;
  operator: string | null;
  scannerType: string;
  energyKeV: number | null;
  rescanRequestedAt: Date | null;
  station: { id: string; code: string; name: string; kind: string; country: string; locode: string | null };
  declaration: { id: string; lrn: string; mrn: string | null; status: string; lane: string | null; riskScore: number | null } | null;
  shipmentId: string | null;
  goods: { sequence: number; commodityCode: string; description: string; packageKind: string; packageCount: number; grossMassKg: string; netMassKg: string }[];
  images: { id: string; sequence: number; format: string; view: string; width: number; height: number; bits: number; sha256: string; ledgerLeafHash: string; tileSize: number | null; tileOverlap: number | null; /** Raw tiles exist (processed since free window/level): the viewer can window freely. */ freeWindow: boolean; thumbnailUrl: string | null; tiles: { preset: string; dziUrl: string }[] }[];
  annotations: { id: string; imageId: string; source: 'SCANNER' | 'ANALYST' | 'COMPARISON'; label: string; confidence: number | null; x: number; y: number; width: number; height: number; note: string | null; createdAt: Date; createdByName: string | null }[];
  claim: { analystId: string; analystName: string; analystEmail: string; claimedAt: Date; expiresAt: Date } | null;
  verdict: { verdict: 'CLEAR' | 'SUSPECT' | 'INCONCLUSIVE'; note: string | null; decidedAt: Date; analystName: string; recordSha256: string; ledgerLeafHash: string; inspectedAt: Date | null; inspectionNote: string | null } | null;
}

const SELECT = `
SELECT s.id, s.status::text AS status, s.processing::text AS processing, s.container_number AS "containerNumber", s.vehicle_id AS "vehicleId",
       s.scanned_at AS "scannedAt", s.created_at AS "receivedAt", s.operator, s.scanner_type AS "scannerType", s.energy_kev AS "energyKeV",
       s.rescan_requested_at AS "rescanRequestedAt", s.shipment_id AS "shipmentId",
       json_build_object('id', st.id, 'code', st.code, 'name', st.name, 'kind', st.kind, 'country', st.country, 'locode', st.locode) AS station,
       CASE WHEN d.id IS NULL THEN NULL ELSE json_build_object('id', d.id, 'lrn', d.lrn, 'mrn', d.mrn, 'status', d.status, 'lane', d.lane, 'riskScore', d.risk_score) END AS declaration,
       COALESCE((SELECT json_agg(json_build_object('sequence', g.sequence, 'commodityCode', g.commodity_code, 'description', g.description, 'packageKind', g.package_kind,
                 'packageCount', g.package_count, 'grossMassKg', g.gross_mass::text, 'netMassKg', g.net_mass::text) ORDER BY g.sequence)
                 FROM goods_item g WHERE g.declaration_id = d.id), '[]') AS goods,
       (SELECT json_agg(json_build_object('id', i.id, 'sequence', i.sequence, 'format', i.format, 'view', i.view, 'width', i.width, 'height', i.height, 'bits', i.bits,
               'sha256', i.sha256, 'ledgerLeafHash', i.ledger_leaf_hash, 'thumbnail', i.thumbnail_sha256, 'tiled', i.tile_size IS NOT NULL, 'tileSize', i.tile_size, 'tileOverlap', i.tile_overlap,
               'freeWindow', EXISTS (SELECT 1 FROM scan_tile t WHERE t.image_id = i.id AND t.preset = '${RAW_TILES}')) ORDER BY i.sequence)
          FROM scan_image i WHERE i.scan_id = s.id) AS images,
       COALESCE((SELECT json_agg(json_build_object('id', a.id, 'imageId', a.image_id, 'source', a.source, 'label', a.label, 'confidence', a.confidence, 'x', a.x, 'y', a.y,
               'width', a.width, 'height', a.height, 'note', a.note, 'createdAt', a.created_at, 'createdByName', u.name) ORDER BY a.created_at, a.id)
          FROM scan_annotation a LEFT JOIN app_user u ON u.id = a.created_by_id WHERE a.scan_id = s.id), '[]') AS annotations,
       CASE WHEN c.scan_id IS NULL OR c.claimed_at <= now() - make_interval(mins => $2) THEN NULL
            ELSE json_build_object('analystId', c.analyst_id, 'analystName', cu.name, 'analystEmail', cu.email, 'claimedAt', c.claimed_at, 'expiresAt', c.claimed_at + make_interval(mins => $2)) END AS claim,
       CASE WHEN v.id IS NULL THEN NULL ELSE json_build_object('verdict', v.verdict, 'note', v.note, 'decidedAt', v.decided_at, 'analystName', vu.name, 'recordSha256', v.record_sha256,
            'ledgerLeafHash', v.ledger_leaf_hash, 'inspectedAt', v.inspected_at, 'inspectionNote', v.inspection_note) END AS verdict
  FROM scan s
  JOIN scan_station st ON st.id = s.station_id
  LEFT JOIN declaration d ON d.id = s.declaration_id
  LEFT JOIN scan_claim c ON c.scan_id = s.id LEFT JOIN app_user cu ON cu.id = c.analyst_id
  LEFT JOIN scan_verdict v ON v.scan_id = s.id LEFT JOIN app_user vu ON vu.id = v.decided_by_id
 WHERE s.id = $1::uuid`;

type Row = Omit<ScanView, 'images'> & { images: (Omit<ScanView['images'][number], 'thumbnailUrl' | 'tiles'> & { thumbnail: string | null; tiled: boolean })[] };

const dates = <T extends Record<string, unknown>>(o: T, keys: string[]): T => {
  for (const k of keys) if (typeof o[k] === 'string') (o as Record<string, unknown>)[k] = new Date(o[k] as string);
  return o;
};

export async function getScan(options: { actor: Actor; id: string }): Promise<ScanView> {
  assertScanReader(options.actor);
  if (!/^[0-9a-f-]{36}$/i.test(options.id)) throw new AppError('NOT_FOUND', 'No such scan.');
  const { rows } = await getPool().query<Row>(SELECT, [options.id, getEnv().SCAN_CLAIM_MINUTES]);
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', 'No such scan.');
  return {
    ...row,
    images: (row.images ?? []).map(({ thumbnail, tiled, ...i }) => ({
      ...i,
      thumbnailUrl: thumbnail ? `/api/scans/images/${i.id}/thumbnail.png` : null,
      tiles: tiled ? SCAN_PRESET_NAMES.map((preset) => ({ preset, dziUrl: `/api/scans/images/${i.id}/${preset}.dzi` })) : [],
    })),
    annotations: row.annotations.map((a) => dates(a, ['createdAt'])),
    claim: row.claim && dates(row.claim, ['claimedAt', 'expiresAt']),
    verdict: row.verdict && dates(row.verdict, ['decidedAt', 'inspectedAt']),
  };
}
