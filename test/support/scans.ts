// Shared set-up for the scan tests: a registered scanning station (its real token), a tracked container,
// synthetic images, and posting a scan to the real server's POST /api/scans as multipart.
import { randomUUID } from 'node:crypto';

import { loadUserActor } from '../../lib/auth/actor';
import { encodeDicosImage } from '../../lib/scans/encode-dicos-image';
import { encodeGreyImage, type GreyImage } from '../../lib/scans/encode-grey-image';
import { generateSyntheticScan, type SyntheticScanOptions } from '../../lib/scans/generate-synthetic-scan';
import { registerScanStation } from '../../lib/scans/register-scan-station';

export async function newStation(options: { country?: string; kind?: 'FIXED_PORTAL' | 'MOBILE' | 'RAIL' } = {}): Promise<{ id: string; code: string; token: string }> {
  const admin = await loadUserActor({ email: 'admin@clearway.example' });
  const code = `ST-${randomUUID().slice(0, 8).toUpperCase()}`;
  return registerScanStation({ actor: admin, input: { code, name: `Portal ${code}`, kind: options.kind ?? 'FIXED_PORTAL', country: options.country ?? 'NL', locode: 'NLRTM' } });
}

export function syntheticImage(format: 'png' | 'tiff' | 'dicos', options: SyntheticScanOptions = {}): { image: GreyImage; bytes: Buffer } {
  const image = generateSyntheticScan({ width: 600, height: 200, ...options });
  const bytes = format === 'dicos' ? encodeDicosImage(image, { stationName: 'X', kvp: 6000 }) : encodeGreyImage(image, format);
  return { image, bytes };
}

export function scanMetadata(station: string, containerNumber: string | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    containerNumber,
    stationName: station,
    acquisitionDateTime: new Date().toISOString(),
    operatorsName: 'Operator J. Smit',
    manufacturerModelName: 'Synthetic Portal 6 MeV',
    energyKeV: 6000,
    images: [{ part: 'top', view: 'TOP' }],
    ...extra,
  };
}

/** POST /api/scans: metadata as a JSON part, each image as a file part of that name. */
export async function postScan(url: string, token: string, metadata: unknown, images: Record<string, Buffer>): Promise<{ status: number; json: any }> {
  const form = new FormData();
  form.append('metadata', typeof metadata === 'string' ? metadata : JSON.stringify(metadata));
  for (const [part, bytes] of Object.entries(images)) form.append(part, new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }), `${part}.bin`);
  const res = await fetch(`${url}/api/scans`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, json: await res.json().catch(() => null) };
}
