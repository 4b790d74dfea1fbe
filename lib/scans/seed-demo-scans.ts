// Demo X-ray scans (SEED_DEMO), so the analysts' queue and viewer have work offline: three demo
// stations (Shanghai and Rotterdam fixed portals, a mobile scanner at Mombasa) and four synthetic scans
// (generate-synthetic-scan.ts, 600 × 200 pixels so the start stays quick) of the demo journeys'
// containers (seed-demo-shipments.ts), posted through the stations' own path (their token,
// authenticateScanStation, ingestScan), so the tiles job, the ledger and the audit follow as for a real
// station:
//   1. TRACK-SEA-0002's container at departure in Shanghai;
//   2. the same container on arrival in Rotterdam, shifted by the other scanner's framing and with an
//      object added on the way (the before/after comparison finds it);
//   3. TRACK-SEA-0001's container with a dense block planted in the floor and the vendor's ATR region;
//   4. TRACK-ROAD-0001's container at Mombasa, nothing planted.
// Once: the Rotterdam demo station is the marker (a station's token is shown only at registration, so
// a run that registered it does all the rest).
import { loadUserActor } from '../auth/actor';
import { getPool } from '../db';
import { authenticateScanStation } from './authenticate-scan-station';
import { encodeGreyImage } from './encode-grey-image';
import { generateSyntheticScan, type SyntheticScanOptions } from './generate-synthetic-scan';
import { ingestScan } from './ingest-scan';
import { registerScanStation } from './register-scan-station';

export const DEMO_SCAN_STATIONS = [
  { code: 'DEMO-CNSHA-PORTAL-1', name: 'Shanghai Yangshan portal 1 (demo)', kind: 'FIXED_PORTAL', country: 'CN', locode: 'CNSHA' },
  { code: 'DEMO-NLRTM-PORTAL-1', name: 'Rotterdam Maasvlakte portal 1 (demo)', kind: 'FIXED_PORTAL', country: 'NL', locode: 'NLRTM' },
  { code: 'DEMO-KEMBA-MOBILE-1', name: 'Mombasa mobile scanner 1 (demo)', kind: 'MOBILE', country: 'KE', locode: 'KEMBA' },
] as const;

type StationCode = (typeof DEMO_SCAN_STATIONS)[number]['code'];
const MARKER: StationCode = 'DEMO-NLRTM-PORTAL-1';
const DAY = 86_400_000;
const SIZE = { width: 600, height: 200 };

interface DemoScan {
  lrn: string;
  station: StationCode;
  daysAgo: number;
  image: SyntheticScanOptions;
  atr?: { label: string; confidence: number; x: number; y: number; width: number; height: number }[];
}

const DEMO_SCANS: DemoScan[] = [
  { lrn: 'TRACK-SEA-0002', station: 'DEMO-CNSHA-PORTAL-1', daysAgo: 30, image: { seed: 17 } },
  { lrn: 'TRACK-SEA-0002', station: 'DEMO-NLRTM-PORTAL-1', daysAgo: 0, image: { seed: 17, noiseSeed: 4242, shift: { x: 5, y: -3 }, addedObject: { x: 380, y: 70, width: 40, height: 30 } } },
  {
    lrn: 'TRACK-SEA-0001',
    station: 'DEMO-CNSHA-PORTAL-1',
    daysAgo: 0,
    image: { seed: 23, concealment: { x: 240, y: 160, width: 48, height: 8 } },
    atr: [{ label: 'CONCEALMENT_IN_STRUCTURE', confidence: 0.77, x: 232, y: 154, width: 64, height: 18 }],
  },
  { lrn: 'TRACK-ROAD-0001', station: 'DEMO-KEMBA-MOBILE-1', daysAgo: 0, image: { seed: 31 } },
];

/** How many demo scans were posted (0 when they exist, or when the demo journeys do not). */
export async function seedDemoScans(options: { now?: Date } = {}): Promise<number> {
  const pool = getPool();
  if ((await pool.query(`SELECT 1 FROM scan_station WHERE code = $1`, [MARKER])).rowCount) return 0;
  const containers = new Map(
    (
      await pool.query<{ lrn: string; container_number: string }>(
        `SELECT d.lrn, s.container_number FROM shipment s JOIN declaration d ON d.id = s.declaration_id WHERE d.lrn = ANY($1::text[])`,
        [[...new Set(DEMO_SCANS.map((s) => s.lrn))]],
      )
    ).rows.map((r) => [r.lrn, r.container_number.trim()]),
  );
  if (DEMO_SCANS.some((s) => !containers.has(s.lrn))) return 0;

  const admin = await loadUserActor({ email: 'admin@clearway.example' });
  const stations = new Map<string, Awaited<ReturnType<typeof authenticateScanStation>>>();
  // The marker last, so that a failure before it leaves the seed to be run again.
  for (const s of [...DEMO_SCAN_STATIONS].sort((a, b) => Number(a.code === MARKER) - Number(b.code === MARKER))) {
    const existing = await pool.query(`SELECT 1 FROM scan_station WHERE code = $1`, [s.code]);
    if (existing.rowCount) await pool.query(`DELETE FROM scan_station WHERE code = $1 AND NOT EXISTS (SELECT 1 FROM scan WHERE station_id = scan_station.id)`, [s.code]);
    const { token } = await registerScanStation({ actor: admin, input: s });
    stations.set(s.code, await authenticateScanStation(`Bearer ${token}`, { id: null, ip: null }));
  }

  const now = options.now ?? new Date();
  for (const [i, demo] of DEMO_SCANS.entries()) {
    const { station, actor } = stations.get(demo.station)!;
    const at = new Date(now.getTime() - demo.daysAgo * DAY - (DEMO_SCANS.length - i) * 60_000);
    const bytes = encodeGreyImage(generateSyntheticScan({ ...SIZE, ...demo.image }), 'png');
    await ingestScan({
      station,
      actor,
      images: [{ part: 'top', bytes }],
      metadata: {
        containerNumber: containers.get(demo.lrn),
        stationName: station.code,
        acquisitionDateTime: at.toISOString(),
        operatorsName: 'Demo operator',
        manufacturerModelName: 'Synthetic portal 6 MeV (demo)',
        energyKeV: 6000,
        images: [{ part: 'top', view: 'TOP' }],
        atr: (demo.atr ?? []).map((r) => ({ part: 'top', ...r })),
      },
    });
  }
  return DEMO_SCANS.length;
}
