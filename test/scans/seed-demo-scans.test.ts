// The demo X-ray scans: posted once through the stations' path, tiled by the job, one with the vendor's
// ATR region over a planted concealment, and a departure/arrival pair whose comparison finds the object
// added on the way.
import { describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { getPool } from '../../lib/db';
import { runPendingJobs } from '../../lib/jobs/run-pending-jobs';
import { compareScans } from '../../lib/scans/compare-scans';
import { getScan } from '../../lib/scans/get-scan';
import { listScanQueue } from '../../lib/scans/list-scan-queue';
import { seedDemoScans } from '../../lib/scans/seed-demo-scans';
import { seedDemoShipments } from '../../lib/tracking/seed-demo-shipments';

describe('seedDemoScans', () => {
  it('does nothing without the demo journeys', async () => {
    expect(await seedDemoScans()).toBe(0);
    expect((await getPool().query(`SELECT count(*)::int AS n FROM scan_station WHERE code LIKE 'DEMO-%'`)).rows[0].n).toBe(0);
  });

  it('posts four scans once, tiled, with a concealment and a departure/arrival pair that differs', async () => {
    await seedDemoShipments();
    const started = Date.now();
    expect(await seedDemoScans()).toBe(4);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await seedDemoScans()).toBe(0);
    await runPendingJobs();

    const analyst = await loadUserActor({ email: 'imaging@customs.example' });
    const queue = await listScanQueue({ actor: analyst, first: 10 });
    expect(queue.totalCount).toBe(4);
    expect(queue.byStation.filter((s) => s.stationCode.startsWith('DEMO-')).map((s) => [s.stationCode, s.awaiting])).toEqual(
      expect.arrayContaining([
        ['DEMO-CNSHA-PORTAL-1', 2],
        ['DEMO-NLRTM-PORTAL-1', 1],
        ['DEMO-KEMBA-MOBILE-1', 1],
      ]),
    );
    const scans = await Promise.all(queue.edges.map((e) => getScan({ actor: analyst, id: e.node.scanId })));
    expect(scans.every((s) => s.processing === 'DONE' && s.images[0]!.tiles.length === 3 && s.declaration !== null)).toBe(true);

    const concealed = scans.find((s) => s.annotations.length > 0)!;
    expect(concealed.declaration!.lrn).toBe('TRACK-SEA-0001');
    expect(concealed.annotations).toMatchObject([{ source: 'SCANNER', label: 'CONCEALMENT_IN_STRUCTURE' }]);

    const arrival = scans.find((s) => s.station.code === 'DEMO-NLRTM-PORTAL-1')!;
    const comparison = await compareScans({ actor: analyst, scanId: arrival.id });
    expect(scans.find((s) => s.id === comparison.departureScanId)!.station.code).toBe('DEMO-CNSHA-PORTAL-1');
    // Found on the downsampled images (2 × here), so within a pixel of the planted (5, −3).
    expect(Math.abs(comparison.shift.x - 5)).toBeLessThanOrEqual(1);
    expect(Math.abs(comparison.shift.y + 3)).toBeLessThanOrEqual(1);
    // The added object (380, 70, 40 × 30 before the shift) is found where it lies in the arrival image.
    const found = comparison.regions.find((r) => r.x < 385 + 40 && r.x + r.width > 385 && r.y < 67 + 30 && r.y + r.height > 67);
    expect(found, JSON.stringify(comparison.regions)).toBeDefined();
  }, 120_000);
});
