// A scanning station posts a scan: its metadata (JSON) and one or more images. Everything is checked
// before anything is kept — the metadata, that the station named is the token's, that the container
// is one Clearway tracks, that every image decodes completely — then the images are stored in the blob
// store under their SHA-256 and, in one transaction, the scan, its images (each anchored in the ledger),
// the vendor's ATR regions (annotations of source SCANNER), the audit row and the tiling job are written.
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';

import canonicalize from 'canonicalize';
import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import { sqlTransaction } from '../database/sql';
import { getBlobStore } from '../documents/get-blob-store';
import { AppError } from '../errors';
import { enqueueJob } from '../jobs/enqueue-job';
import { anchorItem } from '../ledger/anchor-item';
import { containerProblem } from '../tracking/identifiers';
import { parseInput } from '../validation';
import type { ScanStationIdentity } from './authenticate-scan-station';
import { decodeScanImage, type DecodedScanImage } from './decode-scan-image';
import { SCAN_LABELS } from './scan-labels';

export const SCAN_VIEWS = ['TOP', 'SIDE', 'DUAL', 'OTHER'] as const;

const box = { x: z.number().int().min(0), y: z.number().int().min(0), width: z.number().int().positive(), height: z.number().int().positive() };

// Names follow DICOS/DICOM keywords where the WCO Unified File Format's own field list could not be
// consulted (docs/scans.md says which is which).
const scanMetadata = z
  .object({
    containerNumber: z.string().trim().toUpperCase().optional(),
    vehicleId: z.string().trim().min(1).max(35).optional(),
    /** DICOM StationName: the station's registered code. */
    stationName: z.string().trim().toUpperCase().min(1, 'Name the station (its registered code).'),
    /** DICOM AcquisitionDateTime, as ISO 8601. */
    acquisitionDateTime: z.iso.datetime({ offset: true, message: 'Give the scan time as ISO 8601 with a zone, e.g. 2026-12-07T08:30:00Z.' }),
    /** DICOM OperatorsName. */
    operatorsName: z.string().trim().min(1).max(100).optional(),
    /** DICOM ManufacturerModelName (scanner type). */
    manufacturerModelName: z.string().trim().min(1, 'Name the scanner type.').max(100),
    /** Source energy in keV (DICOM KVP is in kV: the same number). */
    energyKeV: z.number().int().positive().max(20_000).optional(),
    images: z.array(z.object({ part: z.string().min(1).max(100), view: z.enum(SCAN_VIEWS).default('OTHER') })).min(1, 'List the image parts.').max(8),
    /** The vendor's automatic threat recognition regions. */
    atr: z
      .array(z.object({ part: z.string().min(1).max(100), label: z.enum(SCAN_LABELS), confidence: z.number().min(0).max(1), ...box }))
      .max(100)
      .default([]),
  })
  .refine((m) => m.containerNumber || m.vehicleId, { message: 'Name the container (containerNumber) or the vehicle (vehicleId).', path: ['containerNumber'] });

export interface IngestedScan {
  id: string;
  shipmentId: string | null;
  declarationId: string | null;
  images: { sequence: number; sha256: string; format: string; width: number; height: number; bits: number; ledgerLeafHash: string }[];
}

const CONTENT_TYPE = { PNG: 'image/png', TIFF: 'image/tiff', DICOS: 'application/dicom' } as const;

/** A scan pulled from a partner administration and verified (pull-partner-scans.ts): filed under the link's station. */
export interface PartnerScanOrigin {
  linkId: string;
  /** The scan's id in the partner's Clearway: a second pull of it stores nothing. */
  remoteScanId: string;
  /** The partner's anchored metadata hash, for the audit row. */
  remoteMetadataSha256: string;
}

/**
 * The metadata as anchored: RFC 8785 (JCS) canonical JSON of the validated metadata, so anyone holding the
 * text — or the parsed JSON, re-serialised by any JSON library — can recompute the anchored SHA-256.
 */
export function canonicalScanMetadata(meta: unknown): string {
  const text = canonicalize(meta);
  if (text === undefined) throw new Error('Scan metadata must be a JSON object.');
  return text;
}

export async function ingestScan(options: {
  station: ScanStationIdentity;
  actor: Actor;
  metadata: unknown;
  images: { part: string; bytes: Buffer }[];
  requestId?: string;
  /** Set when the scan comes from a partner: the metadata names the partner's station, not ours. */
  partner?: PartnerScanOrigin;
}): Promise<IngestedScan> {
  const { station, actor, partner } = options;
  const meta = parseInput(scanMetadata, options.metadata, 'The scan metadata needs correcting.');
  if (!partner && meta.stationName !== station.code) {
    throw new AppError('FORBIDDEN', `The metadata names station ${meta.stationName}, but this token is station ${station.code}'s.`, { field: 'stationName' });
  }
  if (meta.containerNumber) {
    const problem = containerProblem(meta.containerNumber);
    if (problem) throw new AppError('BAD_USER_INPUT', problem, { field: 'containerNumber' });
  }
  const parts = new Map(options.images.map((i) => [i.part, i.bytes]));
  for (const listed of meta.images) if (!parts.has(listed.part)) throw new AppError('BAD_USER_INPUT', `The metadata lists image part "${listed.part}", which was not sent.`, { field: 'images' });
  for (const sent of parts.keys()) if (!meta.images.some((i) => i.part === sent)) throw new AppError('BAD_USER_INPUT', `Image part "${sent}" is not listed in the metadata's images.`, { field: 'images' });

  const decoded: (DecodedScanImage & { part: string; view: string; bytes: Buffer })[] = [];
  for (const listed of meta.images) {
    const bytes = parts.get(listed.part)!;
    const image = await decodeScanImage(bytes, listed.part);
    decoded.push({ ...image, part: listed.part, view: listed.view, bytes, pixels: new Uint8Array(0) });
  }
  for (const region of meta.atr) {
    const image = decoded.find((d) => d.part === region.part);
    if (!image) throw new AppError('BAD_USER_INPUT', `An ATR region names image part "${region.part}", which is not listed.`, { field: 'atr' });
    if (region.x + region.width > image.width || region.y + region.height > image.height) {
      throw new AppError('BAD_USER_INPUT', `An ATR region (${region.label}) lies outside image "${region.part}" (${image.width} × ${image.height}).`, { field: 'atr' });
    }
  }

  // The journey the container is on: its latest shipment (lib/tracking: one open shipment at a time).
  const shipment = meta.containerNumber
    ? (
        await sqlTransaction((sql) =>
          sql<{ id: string; declaration_id: string }>(`SELECT id, declaration_id FROM shipment WHERE container_number = $1 ORDER BY created_at DESC LIMIT 1`, [meta.containerNumber]),
        )
      )[0]
    : undefined;
  if (meta.containerNumber && !shipment) {
    throw new AppError('BAD_USER_INPUT', `Unknown container ${meta.containerNumber}: no shipment of it is registered, so the scan cannot be linked to a declaration.`, { field: 'containerNumber' });
  }

  // Stored before the transaction (content-addressed: a retry stores nothing twice); a failure after
  // this leaves only bytes no row names, as for documents.
  const store = getBlobStore();
  const blobs: Awaited<ReturnType<typeof store.put>>[] = [];
  for (const image of decoded) blobs.push(await store.put(Readable.from([image.bytes])));

  const id = randomUUID();
  // Anchored in canonical form (kept as text: jsonb re-serialises); scans before this kept no canonical
  // text and their hash covers the text as posted (docs/scans.md).
  const metadataText = canonicalScanMetadata(meta);
  const metadataSha256 = createHash('sha256').update(metadataText).digest('hex');
  return sqlTransaction(async (sql) => {
    const inserted = await sql<{ id: string }>(
      `INSERT INTO scan (id, station_id, shipment_id, declaration_id, container_number, vehicle_id, scanned_at, operator, scanner_type, energy_kev, metadata, metadata_sha256,
                         metadata_canonical, source, partner_link_id, remote_scan_id)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5, $6, $7, $8, $9, $10, $11::text::jsonb, $12, $11::text, $13::scan_source, $14::uuid, $15)
       ON CONFLICT (partner_link_id, remote_scan_id) DO NOTHING RETURNING id`,
      [id, station.id, shipment?.id ?? null, shipment?.declaration_id ?? null, meta.containerNumber ?? null, meta.vehicleId ?? null, new Date(meta.acquisitionDateTime), meta.operatorsName ?? null, meta.manufacturerModelName, meta.energyKeV ?? null, metadataText, metadataSha256,
        partner ? 'PARTNER' : 'STATION', partner?.linkId ?? null, partner?.remoteScanId ?? null],
    );
    // Only a partner scan can conflict (station scans have no remote id): pulled already, nothing to store.
    if (!inserted.length) throw new AppError('CONFLICT', `Scan ${partner?.remoteScanId} of this partner was ingested already.`);
    const images: IngestedScan['images'] = [];
    for (const [i, image] of decoded.entries()) {
      const blob = blobs[i]!;
      await sql(`INSERT INTO blob (sha256, size, content_type) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING`, [blob.sha256, blob.size, CONTENT_TYPE[image.format]]);
      const leaf = await anchorItem(sql, { kind: 'scan-image', sha256: blob.sha256, ref: `scan/${id}/${i + 1}` });
      const imageId = randomUUID();
      await sql(
        `INSERT INTO scan_image (id, scan_id, sequence, sha256, format, view, width, height, bits, ledger_leaf_hash)
         VALUES ($1::uuid, $2::uuid, $3, $4, $5::scan_image_format, $6, $7, $8, $9, $10)`,
        [imageId, id, i + 1, blob.sha256, image.format, image.view, image.width, image.height, image.bits, leaf.leafHash],
      );
      for (const r of meta.atr.filter((a) => a.part === image.part)) {
        await sql(
          `INSERT INTO scan_annotation (id, scan_id, image_id, source, label, confidence, x, y, width, height) VALUES (gen_random_uuid(), $1::uuid, $2::uuid, 'SCANNER', $3, $4, $5, $6, $7, $8)`,
          [id, imageId, r.label, r.confidence, r.x, r.y, r.width, r.height],
        );
      }
      images.push({ sequence: i + 1, sha256: blob.sha256, format: image.format, width: image.width, height: image.height, bits: image.bits, ledgerLeafHash: leaf.leafHash });
    }
    await anchorItem(sql, { kind: 'scan-image', sha256: metadataSha256, ref: `scan/${id}/metadata` });
    await enqueueJob(sql, 'process-scan-images', { scanId: id }, { jobKey: `process-scan-images:${id}` });
    await recordAudit(sql, {
      actor,
      action: 'scan.ingest',
      targetType: 'scan',
      targetId: id,
      requestId: options.requestId,
      details: {
        station: station.code,
        containerNumber: meta.containerNumber ?? null,
        vehicleId: meta.vehicleId ?? null,
        images: images.map((i) => i.sha256),
        ...(partner ? { partnerLinkId: partner.linkId, remoteScanId: partner.remoteScanId, remoteMetadataSha256: partner.remoteMetadataSha256, remoteStation: meta.stationName } : {}),
      },
    });
    return { id, shipmentId: shipment?.id ?? null, declarationId: shipment?.declaration_id ?? null, images };
  });
}
