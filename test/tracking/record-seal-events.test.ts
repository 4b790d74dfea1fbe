import { describe, expect, it } from 'vitest';

import { getSealEventEvidence } from '../../lib/tracking/get-seal-event-evidence';
import { getTrackingTimeline } from '../../lib/tracking/get-tracking-timeline';
import { recordSealEvents } from '../../lib/tracking/record-seal-events';
import { getShipment } from '../../lib/tracking/get-shipment';
import { daysAgo, gateway, newContainer, officer, trackedShipment, trader, withToken } from './fixtures';

describe('recordSealEvents', () => {
  it('stores product-shaped events through the same path as EPCIS capture, idempotent by content when no id is given', async () => {
    const { containerNumber } = await trackedShipment();
    const events = [
      { containerNumber, kind: 'SEALED' as const, eventTime: `${daysAgo(10)}T18:00:00+08:00`, locode: 'CNSHA', sealNumbers: ['cn1234567'], eSeal: { manufacturer: 'acme', serial: 'E1' }, source: 'SHIPPER' as const },
      { eventId: 'urn:uuid:6f0f5b1e-8a53-4c36-9a52-1d2c8b0d0a01', containerNumber, kind: 'POSITION' as const, eventTime: `${daysAgo(9)}T00:00:00Z`, latitude: 22.1, longitude: 115.2, batteryPercent: 88 },
    ];
    expect(await recordSealEvents({ actor: await gateway(), events })).toMatchObject({ storedCount: 2, duplicateCount: 0, alertCount: 0 });
    expect(await recordSealEvents({ actor: await gateway(), events })).toMatchObject({ storedCount: 0, duplicateCount: 2 });
    const timeline = await getTrackingTimeline({ actor: await trader(), containerNumber });
    expect(timeline.edges.map((e) => [e.node.kind, e.node.localTime])).toEqual([
      ['SEALED', `${daysAgo(10)}T18:00:00.000+08:00`],
      ['POSITION', `${daysAgo(9)}T00:00:00.000+00:00`],
    ]);
    expect(timeline.edges[0]!.node).toMatchObject({ sealNumbers: ['CN1234567'], eSeal: 'ACME:E1', source: 'SHIPPER' });
    const evidence = await getSealEventEvidence({ actor: await officer(), sealEventId: timeline.edges[1]!.node.id });
    expect(evidence.event).toMatchObject({ eventId: 'urn:uuid:6f0f5b1e-8a53-4c36-9a52-1d2c8b0d0a01', latitude: 22.1, eventTime: `${daysAgo(9)}T00:00:00.000Z` });
    expect((await getShipment({ actor: await trader(), containerNumber })).seals).toContainEqual(expect.objectContaining({ type: 'ELECTRONIC', identifier: 'ACME:E1' }));
  });

  it('refuses bad input with paths, storing nothing', async () => {
    const { containerNumber } = await trackedShipment();
    const actor = await gateway();
    await expect(
      recordSealEvents({
        actor,
        events: [
          { containerNumber, kind: 'POSITION', eventTime: `${daysAgo(9)}T00:00:00Z`, latitude: 95, longitude: 10 },
          { containerNumber: 'CSQU3054384', kind: 'POSITION', eventTime: `${daysAgo(9)}T00:00:00Z` },
          { containerNumber, kind: 'RESEALED', eventTime: new Date(Date.now() + 86_400_000).toISOString() },
        ],
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { fieldErrors: [{ path: ['events', '0', 'latitude'], message: 'Latitude is between -90 and 90 degrees.' }] } });
    const error = await recordSealEvents({
      actor,
      events: [
        { containerNumber: 'CSQU3054384', kind: 'POSITION', eventTime: `${daysAgo(9)}T00:00:00Z` },
        { containerNumber, kind: 'RESEALED', eventTime: new Date(Date.now() + 86_400_000).toISOString() },
        { containerNumber: newContainer(), kind: 'POSITION', eventTime: `${daysAgo(9)}T00:00:00Z` },
      ],
    }).then(
      () => expect.fail('refused'),
      (e: unknown) => e as { details: { fieldErrors: { path: string[]; code: string }[] } },
    );
    expect(error.details.fieldErrors.map((e) => [e.path.join('/'), e.code])).toEqual([
      ['events/0/containerNumber', 'INVALID'],
      ['events/1/eventTime', 'INVALID'],
      ['events/1/sealNumbers', 'REQUIRED'],
    ]);
    const unknown = newContainer();
    await expect(recordSealEvents({ actor, events: [{ containerNumber: unknown, kind: 'POSITION', eventTime: `${daysAgo(9)}T00:00:00Z` }] })).rejects.toMatchObject({
      details: { fieldErrors: [{ path: ['events', '0', 'containerNumber'], code: 'UNKNOWN', message: `Unknown container ${unknown}: no shipment of it that you may report for (none is registered, or its declarant has not named you as a reporter).` }] },
    });
    expect((await getShipment({ actor: await trader(), containerNumber })).eventCount).toBe(0);
  });

  it('follows the same authorization as capture', async () => {
    const { containerNumber } = await trackedShipment();
    const events = [{ containerNumber, kind: 'VERIFIED' as const, eventTime: `${daysAgo(9)}T00:00:00Z` }];
    await expect(recordSealEvents({ actor: withToken(await trader(), ['tracking:read']), events })).rejects.toMatchObject({ code: 'FORBIDDEN', details: { requiredScope: 'events:write' } });
    await expect(recordSealEvents({ actor: await trader(), events })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await recordSealEvents({ actor: await officer(), events })).storedCount).toBe(1);
  });
});
