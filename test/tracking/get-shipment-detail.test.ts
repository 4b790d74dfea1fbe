// The shipment page's loader: the journey, a page of its timeline, what goes on the map (positions, and
// breaches located by position or place), who acknowledged the alerts, and null for what the actor may
// not see.
import { describe, expect, it } from 'vitest';

import { acknowledgeAlert } from '../../lib/tracking/acknowledge-alert';
import { captureEpcisDocument } from '../../lib/tracking/capture-epcis-document';
import { getShipmentDetail } from '../../lib/tracking/get-shipment-detail';
import { epcisDocument, gateway, kampala, objectEvent, officer, trackedShipment, trader, type EventOptions } from './fixtures';

const capture = async (events: EventOptions[]) => captureEpcisDocument({ actor: await gateway(), document: epcisDocument(events.map(objectEvent)) });

describe('getShipmentDetail', () => {
  it('gives the shipment, the newest events, the map’s points and who acknowledged each alert', async () => {
    const { containerNumber, shipmentId } = await trackedShipment();
    await capture([
      { container: containerNumber, bizStep: 'departing', position: [31.36, 121.6], eventTime: '2026-01-05T08:00:00Z', offset: '+08:00' },
      { container: containerNumber, bizStep: 'transporting', position: [1.26, 103.82], eventTime: '2026-01-12T08:00:00Z' },
      // Opened at Rotterdam, reported without a position: placed on the map at the UN/LOCODE (authorized there, no alert).
      { container: containerNumber, sealState: 'OPEN', readPoint: 'urn:unece:locode:NLRTM', eventTime: '2026-02-01T08:00:00Z' },
      // Tampering at sea, with a position: an alert.
      { container: containerNumber, bizStep: 'transporting', position: [36.5, -4.9], sealState: 'TAMPERED', eventTime: '2026-01-20T08:00:00Z' },
    ]);
    const customs = await officer();
    const { alerts } = (await getShipmentDetail({ actor: customs, containerNumber, first: 20 }))!.shipment;
    expect(alerts.map((a) => a.kind)).toEqual(['TAMPER']);
    await acknowledgeAlert({ actor: customs, alertId: alerts[0]!.id, note: 'Checked in Algeciras.' });

    const detail = (await getShipmentDetail({ actor: await trader(), containerNumber: containerNumber.toLowerCase(), first: 2 }))!;
    expect(detail.shipment.id).toBe(shipmentId);
    expect(detail.acknowledgedBy).toEqual({ [detail.shipment.alerts[0]!.acknowledgedById!]: 'officer@customs.example' });

    // The timeline's page: newest first, two of four, with a cursor for the next.
    expect(detail.timeline.error).toBeNull();
    expect(detail.timeline.page!.totalCount).toBe(4);
    expect(detail.timeline.page!.edges.map((e) => e.node.eventTime.toISOString())).toEqual(['2026-02-01T08:00:00.000Z', '2026-01-20T08:00:00.000Z']);
    expect(detail.timeline.page!.pageInfo.hasNextPage).toBe(true);

    // The map: every event, oldest first; positions only where reported; breaches located either way.
    expect(detail.map.eventsShown).toBe(4);
    expect(detail.map.positions.map((p) => [p.latitude, p.longitude, p.kind])).toEqual([
      [31.36, 121.6, 'POSITION'],
      [1.26, 103.82, 'POSITION'],
      [36.5, -4.9, 'TAMPER'],
    ]);
    expect(detail.map.positions.map((p) => p.alerted)).toEqual([false, false, true]);
    expect(detail.map.breaches).toEqual([
      { latitude: 36.5, longitude: -4.9, at: new Date('2026-01-20T08:00:00Z'), kind: 'TAMPER', alerted: true },
      expect.objectContaining({ latitude: 51.949, longitude: 4.1453, kind: 'OPENED', alerted: false }),
    ]);
    expect(detail.map.last).toMatchObject({ at: detail.shipment.lastPosition!.at });
  });

  it('says why a timeline page cannot be read instead of failing the page', async () => {
    const { containerNumber } = await trackedShipment();
    const detail = (await getShipmentDetail({ actor: await trader(), containerNumber, after: 'not-a-cursor', first: 20 }))!;
    expect(detail.timeline.page).toBeNull();
    expect(detail.timeline.error).toMatch(/cursor/i);
    expect(detail.shipment.containerNumber).toBe(containerNumber);
  });

  it('answers null for a shipment the actor may not see, and for a journey of another container', async () => {
    const mine = await trackedShipment();
    const other = await trackedShipment();
    expect(await getShipmentDetail({ actor: await kampala(), containerNumber: mine.containerNumber, first: 20 })).toBeNull();
    expect(await getShipmentDetail({ actor: await trader(), containerNumber: mine.containerNumber, shipmentId: other.shipmentId, first: 20 })).toBeNull();
    expect((await getShipmentDetail({ actor: await trader(), containerNumber: mine.containerNumber, shipmentId: mine.shipmentId, first: 20 }))!.shipment.id).toBe(mine.shipmentId);
  });
});
