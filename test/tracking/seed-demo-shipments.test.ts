import { describe, expect, it } from 'vitest';

import { getDb } from '../../lib/db';
import { listShipments } from '../../lib/tracking/list-shipments';
import { seedDemoShipments } from '../../lib/tracking/seed-demo-shipments';
import { kampala, officer, trader } from './fixtures';

describe('seedDemoShipments', () => {
  it('creates three journeys once: under way, inspected and resealed by customs, tampered with on the road', async () => {
    expect(await seedDemoShipments()).toBe(3);
    expect(await seedDemoShipments()).toBe(0);
    const all = (await listShipments({ actor: await officer(), first: 10 })).edges.map((e) => e.node);
    expect(all.map((s) => [s.declaration.lrn, s.status, s.openAlertCount])).toEqual([
      ['TRACK-ROAD-0001', 'TAMPER_SUSPECTED', 1],
      ['TRACK-SEA-0002', 'SEALED_INTACT', 0],
      ['TRACK-SEA-0001', 'SEALED_INTACT', 0],
    ]);
    expect(all.every((s) => s.lastPosition !== null && s.eventCount > 0)).toBe(true);
    const road = all[0]!;
    expect((await getDb().declaration.findUniqueOrThrow({ where: { id: road.declaration.id } })).lane).toBe('RED');
    // Each importer sees its own.
    expect((await listShipments({ actor: await kampala() })).edges.map((e) => e.node.declaration.lrn)).toEqual(['TRACK-ROAD-0001']);
    expect((await listShipments({ actor: await trader() })).totalCount).toBe(2);
  });
});
