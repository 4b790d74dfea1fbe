import { describe, expect, it } from 'vitest';

import { getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { captureEpcisDocument } from '../../lib/tracking/capture-epcis-document';
import { getSealEventEvidence } from '../../lib/tracking/get-seal-event-evidence';
import { getShipment } from '../../lib/tracking/get-shipment';
import { getTrackingTimeline } from '../../lib/tracking/get-tracking-timeline';
import { closeTrackingListener, onTrackingUpdate, trackingListenerReady, trackingUpdates, type TrackingUpdate } from '../../lib/tracking/tracking-events';
import { epcisDocument, gateway, kampala, minutesAgo, newContainer, notTracked, objectEvent, officer, trackedShipment, trader, withToken } from './fixtures';

const count = async (table: string, where = 'true', params: unknown[] = []) =>
  (await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params)).rows[0]!.n;
const eventsOf = (shipmentId: string) => count('seal_event', 'shipment_id = $1', [shipmentId]);

describe('captureEpcisDocument: what it stores', () => {
  it('stores the events of a valid document, with position, seal state and battery', async () => {
    const { shipmentId, containerNumber } = await trackedShipment();
    const outcome = await captureEpcisDocument({
      actor: await gateway(),
      document: epcisDocument([
        objectEvent({ container: containerNumber, action: 'ADD', bizStep: 'commissioning', disposition: 'container_closed', readPoint: 'urn:epc:id:sgln:4012345.00001.CNSHA', seals: ['CN1234567'], eventTime: minutesAgo(120) }),
        objectEvent({ container: containerNumber, bizStep: 'departing', disposition: 'in_transit', position: [31.2, 121.6], sealState: 'CLOSED', battery: 97, eventTime: minutesAgo(60) }),
      ]),
    });
    // A gateway reports; it does not read the shipment: no id, no status in its answer.
    expect(outcome).toMatchObject({ eventCount: 2, storedCount: 2, duplicateCount: 0, alertCount: 0, shipments: [{ shipmentId: null, containerNumber, status: null, storedCount: 2 }] });
    // Customs reads what it reports.
    const byCustoms = await captureEpcisDocument({ actor: await officer(), document: epcisDocument([objectEvent({ container: containerNumber, bizStep: 'inspecting', eventTime: minutesAgo(30) })]) });
    expect(byCustoms.shipments).toEqual([{ shipmentId, containerNumber, status: 'SEALED_INTACT', storedCount: 1 }]);
    const timeline = await getTrackingTimeline({ actor: await trader(), containerNumber });
    expect(timeline.edges.map((e) => e.node.kind)).toEqual(['SEALED', 'VERIFIED', 'VERIFIED']);
    expect(timeline.edges[0]!.node).toMatchObject({ locode: 'CNSHA', sealNumbers: ['CN1234567'] });
    expect(timeline.edges[1]!.node).toMatchObject({ latitude: 31.2, longitude: 121.6, batteryPercent: 97, captureId: outcome.captureId });
    // The event as sent is kept with its capture.
    const evidence = await getSealEventEvidence({ actor: await trader(), sealEventId: timeline.edges[1]!.node.id });
    expect(evidence).toMatchObject({ captureId: outcome.captureId, event: { bizStep: 'departing', sensorElementList: [{ sensorReport: expect.arrayContaining([{ type: 'cw:BatteryLevel', value: 97 }]) }] } });
    await expect(getSealEventEvidence({ actor: await kampala(), sealEventId: timeline.edges[1]!.node.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const shipment = await getShipment({ actor: await trader(), containerNumber });
    expect(shipment.lastPosition).toMatchObject({ latitude: 31.2, longitude: 121.6 });
    expect(shipment.eventCount).toBe(3);
  });

  it('accepts a document as text, containers as urn:iso:std:iso:6346 in quantityList, and places by plain UN/LOCODE URN', async () => {
    const { containerNumber } = await trackedShipment();
    const event = objectEvent({ container: containerNumber, bizStep: 'arriving', readPoint: 'urn:unece:locode:SGSIN' });
    delete event.epcList;
    event.quantityList = [{ epcClass: `urn:iso:std:iso:6346:${containerNumber}` }];
    const outcome = await captureEpcisDocument({ actor: await gateway(), document: JSON.stringify(epcisDocument([event])) });
    expect(outcome.storedCount).toBe(1);
    const shipment = await getShipment({ actor: await trader(), containerNumber });
    expect(shipment.lastPosition).toMatchObject({ locode: 'SGSIN', latitude: 1.2644 });
  });

  it('counts a resent event as a duplicate, by eventID and, without one, by the EPCIS event hash', async () => {
    const { shipmentId, containerNumber } = await trackedShipment();
    const actor = await gateway();
    const withId = objectEvent({ container: containerNumber, bizStep: 'departing' });
    const withoutId = objectEvent({ container: containerNumber, bizStep: 'transporting', eventID: null, position: [10, 110] });
    const first = await captureEpcisDocument({ actor, document: epcisDocument([withId, withoutId]) });
    expect(first).toMatchObject({ storedCount: 2, duplicateCount: 0 });
    const again = await captureEpcisDocument({ actor, document: epcisDocument([withId, withoutId, withId]) });
    expect(again).toMatchObject({ eventCount: 3, storedCount: 0, duplicateCount: 3 });
    expect(await eventsOf(shipmentId)).toBe(2);
    const ids = (await getTrackingTimeline({ actor: await trader(), containerNumber })).edges.map((e) => e.node.eventId);
    expect(ids).toContainEqual(expect.stringMatching(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/));
    expect((await getShipment({ actor: await trader(), containerNumber })).eventCount).toBe(2);
  });

  it('orders the timeline by event time, not arrival, honouring time-zone offsets', async () => {
    const { containerNumber } = await trackedShipment();
    const actor = await gateway();
    // 10:00 at +08:00 is 02:00Z; 04:00Z; and a local time without offset at -05:00 (21:00 the day before = 02:00Z + 1h).
    const day = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const prev = new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
    await captureEpcisDocument({ actor, document: epcisDocument([objectEvent({ container: containerNumber, eventID: 'urn:uuid:00000000-0000-4000-8000-000000000003', eventTime: `${day}T04:00:00Z`, bizStep: 'transporting' })]) });
    await captureEpcisDocument({ actor, document: epcisDocument([objectEvent({ container: containerNumber, eventID: 'urn:uuid:00000000-0000-4000-8000-000000000001', eventTime: `${day}T10:00:00+08:00`, offset: '+08:00', bizStep: 'departing' })]) });
    await captureEpcisDocument({ actor, document: epcisDocument([objectEvent({ container: containerNumber, eventID: 'urn:uuid:00000000-0000-4000-8000-000000000002', eventTime: `${prev}T22:00:00`, offset: '-05:00', bizStep: 'transporting' })]) });
    const timeline = await getTrackingTimeline({ actor: await trader(), containerNumber });
    expect(timeline.edges.map((e) => e.node.eventId.slice(-1))).toEqual(['1', '2', '3']);
    expect(timeline.edges.map((e) => e.node.eventTime.toISOString())).toEqual([`${day}T02:00:00.000Z`, `${day}T03:00:00.000Z`, `${day}T04:00:00.000Z`]);
    expect(timeline.edges[0]!.node.localTime).toBe(`${day}T10:00:00.000+08:00`);
    expect(timeline.edges[1]!.node.localTime).toBe(`${prev}T22:00:00.000-05:00`);
    const newest = await getTrackingTimeline({ actor: await trader(), containerNumber, newestFirst: true, first: 2 });
    expect(newest.edges.map((e) => e.node.eventId.slice(-1))).toEqual(['3', '2']);
    const rest = await getTrackingTimeline({ actor: await trader(), containerNumber, newestFirst: true, first: 2, after: newest.pageInfo.endCursor! });
    expect(rest.edges.map((e) => e.node.eventId.slice(-1))).toEqual(['1']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('publishes an update after the commit', async () => {
    const { shipmentId, containerNumber } = await trackedShipment();
    const received: TrackingUpdate[] = [];
    const stop = onTrackingUpdate((u) => received.push(u));
    try {
      await trackingListenerReady();
      await captureEpcisDocument({ actor: await gateway(), document: epcisDocument([objectEvent({ container: containerNumber, bizStep: 'departing' })]) });
      await expect.poll(() => received.filter((u) => u.shipmentId === shipmentId)).toEqual([{ shipmentId, containerNumber, status: 'SEALED_INTACT', newEvents: 1, newAlerts: 0 }]);
    } finally {
      stop();
      await closeTrackingListener();
    }
  });

  it('iterates updates for one container (what a subscription consumes)', async () => {
    const [a, b] = [await trackedShipment(), await trackedShipment()];
    const controller = new AbortController();
    const iterator = trackingUpdates({ containerNumber: b.containerNumber, signal: controller.signal });
    const next = iterator.next();
    await trackingListenerReady();
    await captureEpcisDocument({ actor: await gateway(), document: epcisDocument([objectEvent({ container: a.containerNumber }), objectEvent({ container: b.containerNumber, sealState: 'TAMPERED' })]) });
    expect((await next).value).toEqual({ shipmentId: b.shipmentId, containerNumber: b.containerNumber, status: 'TAMPER_SUSPECTED', newEvents: 1, newAlerts: 1 });
    controller.abort();
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });
});

describe('captureEpcisDocument: what it refuses (and then stores nothing)', () => {
  const refused = async (document: unknown, actor?: Awaited<ReturnType<typeof gateway>>) => {
    const error = await captureEpcisDocument({ actor: actor ?? (await gateway()), document }).then(
      () => null,
      (e: unknown) => e as { code: string; message: string; details: { fieldErrors?: { path: string[]; code: string; message: string }[] } },
    );
    expect(error).not.toBeNull();
    return error!;
  };

  it('refuses malformed JSON', async () => {
    const error = await refused('{"type": "EPCISDocument", "epcisBody": ');
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { fieldErrors: [{ path: [], code: 'INVALID' }] } });
    expect(error.message).toMatch(/not JSON/);
  });

  it('refuses a document that is not EPCIS JSON-LD (no @context)', async () => {
    const doc = epcisDocument([]);
    delete doc['@context'];
    const error = await refused(doc);
    expect(error.details.fieldErrors).toContainEqual({ path: [], code: 'INVALID', message: "The document should have required property '@context'" });
  });

  it('refuses a schema-invalid event with its path, naming every bad event', async () => {
    const c = newContainer();
    const error = await refused(
      epcisDocument([
        objectEvent({ container: c }),
        objectEvent({ container: c, eventTime: 'yesterday' }),
        objectEvent({ container: c, offset: '+25:00' }),
      ]),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details.fieldErrors).toEqual([
      { path: ['epcisBody', 'eventList', '1', 'eventTime'], code: 'INVALID', message: 'eventTime should match format "date-time"' },
      { path: ['epcisBody', 'eventList', '2', 'eventTimeZoneOffset'], code: 'INVALID', message: expect.stringMatching(/^eventTimeZoneOffset should match pattern/) },
    ]);
  });

  it('refuses an unknown container, naming it', async () => {
    const c = newContainer();
    const error = await refused(epcisDocument([objectEvent({ container: c })]));
    expect(error.details.fieldErrors).toEqual([{ path: ['epcisBody', 'eventList', '0', 'epcList', '0'], code: 'UNKNOWN', message: notTracked(c) }]);
    expect(await count('epcis_capture')).toBe(await count('epcis_capture', `status = 'SUCCEEDED'`));
  });

  it('refuses a wrong ISO 6346 check digit, naming the expected digit', async () => {
    const error = await refused(epcisDocument([objectEvent({ container: 'CSQU3054384' })]));
    expect(error.details.fieldErrors).toEqual([
      { path: ['epcisBody', 'eventList', '0', 'epcList', '0'], code: 'INVALID', message: 'Container CSQU3054384: check digit should be 3, not 4: is a character mistyped?' },
    ]);
  });

  it('refuses a token without events:write (FORBIDDEN naming the scope), and signed-in traders', async () => {
    const { containerNumber } = await trackedShipment();
    const doc = epcisDocument([objectEvent({ container: containerNumber })]);
    await expect(captureEpcisDocument({ actor: withToken(await trader(), ['tracking:read', 'declarations:write']), document: doc })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'This API token lacks the scope "events:write".',
    });
    await expect(captureEpcisDocument({ actor: await trader(), document: doc })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A signed-in officer may.
    expect((await captureEpcisDocument({ actor: await officer(), document: doc })).storedCount).toBe(1);
  });

  it('refuses positions outside valid ranges', async () => {
    const { shipmentId, containerNumber } = await trackedShipment();
    const error = await refused(epcisDocument([objectEvent({ container: containerNumber, position: [91.5, 4] }), objectEvent({ container: containerNumber, position: [51, -180.01] })]));
    expect(error.details.fieldErrors).toEqual([
      { path: ['epcisBody', 'eventList', '0', 'sensorElementList', '0', 'sensorReport', '0', 'value'], code: 'INVALID', message: 'Latitude 91.5 is outside -90..90 degrees.' },
      { path: ['epcisBody', 'eventList', '1', 'sensorElementList', '0', 'sensorReport', '1', 'value'], code: 'INVALID', message: 'Longitude -180.01 is outside -180..180 degrees.' },
    ]);
    expect(await eventsOf(shipmentId)).toBe(0);
  });

  it('refuses a future-dated event beyond the clock-skew tolerance (TRACKING_CLOCK_SKEW_SECONDS)', async () => {
    const { shipmentId, containerNumber } = await trackedShipment();
    const soon = new Date(Date.now() + 120_000).toISOString();
    const later = new Date(Date.now() + 3 * 3_600_000).toISOString();
    expect((await captureEpcisDocument({ actor: await gateway(), document: epcisDocument([objectEvent({ container: containerNumber, eventTime: soon })]) })).storedCount).toBe(1);
    const error = await refused(epcisDocument([objectEvent({ container: containerNumber, eventTime: later })]));
    expect(error.details.fieldErrors).toEqual([{ path: ['epcisBody', 'eventList', '0', 'eventTime'], code: 'INVALID', message: expect.stringMatching(/is 3\.0 h ahead of the server clock .* at most 300 s ahead/) }]);
    process.env.TRACKING_CLOCK_SKEW_SECONDS = '30';
    resetEnvCache();
    try {
      await refused(epcisDocument([objectEvent({ container: containerNumber, eventTime: new Date(Date.now() + 120_000).toISOString() })]));
    } finally {
      delete process.env.TRACKING_CLOCK_SKEW_SECONDS;
      resetEnvCache();
    }
    expect(await eventsOf(shipmentId)).toBe(1);
  });

  it('refuses a 50,000-event document with a size message, storing nothing', async () => {
    const { shipmentId, containerNumber } = await trackedShipment();
    const event = objectEvent({ container: containerNumber, bizStep: 'transporting' });
    const doc = epcisDocument(Array.from({ length: 50_000 }, (_, i) => ({ ...event, eventID: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}` })));
    const captures = await count('epcis_capture');
    await expect(captureEpcisDocument({ actor: await gateway(), document: doc })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The document holds 50,000 events; Clearway accepts at most 10,000 per document (EPCIS_MAX_EVENTS). Nothing was stored: split it into smaller documents.',
    });
    expect(await eventsOf(shipmentId)).toBe(0);
    expect(await count('epcis_capture')).toBe(captures);
  });

  it('stores nothing of a document with one bad event among good ones', async () => {
    const { shipmentId, containerNumber } = await trackedShipment();
    const unknown = newContainer();
    const events = Array.from({ length: 20 }, () => objectEvent({ container: containerNumber, bizStep: 'transporting' }));
    events[13] = objectEvent({ container: unknown });
    const error = await refused(epcisDocument(events));
    expect(error.details.fieldErrors).toEqual([expect.objectContaining({ path: ['epcisBody', 'eventList', '13', 'epcList', '0'], code: 'UNKNOWN' })]);
    expect(await eventsOf(shipmentId)).toBe(0);
    expect((await getShipment({ actor: await trader(), containerNumber })).eventCount).toBe(0);
  });

  it('refuses events naming no container or several, and other event types', async () => {
    const [a, b] = [newContainer(), newContainer()];
    const none = objectEvent({ container: a });
    none.epcList = ['urn:epc:id:sgtin:0614141.107346.2017'];
    const two = objectEvent({ container: a });
    two.epcList = [`urn:epc:id:bic:${a}`, `urn:epc:id:bic:${b}`];
    const aggregation = { type: 'AggregationEvent', eventTime: minutesAgo(1), eventTimeZoneOffset: '+00:00', action: 'OBSERVE', parentID: `urn:epc:id:bic:${a}`, childEPCs: ['urn:epc:id:sgtin:0614141.107346.2017'] };
    const error = await refused(epcisDocument([none, two, aggregation]));
    expect(error.details.fieldErrors!.map((e) => [e.path.join('/'), e.code])).toEqual([
      ['epcisBody/eventList/0/epcList', 'REQUIRED'],
      ['epcisBody/eventList/1/epcList', 'INVALID'],
      ['epcisBody/eventList/2/type', 'INVALID'],
    ]);
  });
});

describe('captureEpcisDocument: input gaps (issue 12, item 15)', () => {
  const refusedWith = async (document: unknown) =>
    captureEpcisDocument({ actor: await gateway(), document }).then(
      () => expect.fail('refused'),
      (e: unknown) => e as { code: string; message: string; details: { fieldErrors: { path: string[]; code: string; message: string }[]; errorCount?: number } },
    );

  it('refuses events dated year 0001 or older than TRACKING_MAX_EVENT_AGE_DAYS, with their path', async () => {
    const { shipmentId, containerNumber } = await trackedShipment();
    const error = await refusedWith(
      epcisDocument([
        objectEvent({ container: containerNumber, eventTime: '0001-01-01T00:00:00Z' }),
        objectEvent({ container: containerNumber, eventTime: new Date(Date.now() - 400 * 86_400_000).toISOString() }),
        objectEvent({ container: containerNumber, eventTime: new Date(Date.now() - 300 * 86_400_000).toISOString() }),
      ]),
    );
    expect(error.details.fieldErrors.map((e) => [e.path.join('/'), e.code])).toEqual([
      ['epcisBody/eventList/0/eventTime', 'INVALID'],
      ['epcisBody/eventList/1/eventTime', 'INVALID'],
    ]);
    expect(error.details.fieldErrors[0]!.message).toMatch(/^eventTime 0001-01-01T00:00:00\.000Z is [\d,]+ days before the server clock .* at most 365 days old \(TRACKING_MAX_EVENT_AGE_DAYS\)/);
    process.env.TRACKING_MAX_EVENT_AGE_DAYS = '30';
    resetEnvCache();
    try {
      const tighter = await refusedWith(epcisDocument([objectEvent({ container: containerNumber, eventTime: new Date(Date.now() - 31 * 86_400_000).toISOString() })]));
      expect(tighter.details.fieldErrors[0]).toMatchObject({ path: ['epcisBody', 'eventList', '0', 'eventTime'], code: 'INVALID' });
    } finally {
      delete process.env.TRACKING_MAX_EVENT_AGE_DAYS;
      resetEnvCache();
    }
    expect(await eventsOf(shipmentId)).toBe(0);
  });

  it('refuses places it cannot read (malformed UN/LOCODE or SGLN, unknown country, other URIs), with their path; reads the forms it documents', async () => {
    const { shipmentId, containerNumber } = await trackedShipment();
    const at = (readPoint: string | null, bizLocation?: string) => {
      const e = objectEvent({ container: containerNumber, ...(readPoint ? { readPoint } : {}) });
      return bizLocation ? { ...e, bizLocation: { id: bizLocation } } : e;
    };
    const error = await refusedWith(
      epcisDocument([
        at('urn:unece:locode:NL1'),
        at('urn:unece:locode:XXRTM'),
        at('urn:epc:id:sgln:123.45.NLRTM'),
        at('urn:epc:id:sgln:4012345.00001.XXABC'),
        at('https://id.gs1.org/414/4012345000001'),
        at(null, 'urn:example:dock-7'),
        at('urn:unece:locode:NLRTM', 'warehouse:5'),
      ]),
    );
    expect(error.details.fieldErrors.map((e) => [e.path.join('/'), e.code])).toEqual([
      ['epcisBody/eventList/0/readPoint/id', 'UNKNOWN'],
      ['epcisBody/eventList/1/readPoint/id', 'UNKNOWN'],
      ['epcisBody/eventList/2/readPoint/id', 'UNKNOWN'],
      ['epcisBody/eventList/3/readPoint/id', 'UNKNOWN'],
      ['epcisBody/eventList/4/readPoint/id', 'UNKNOWN'],
      ['epcisBody/eventList/5/bizLocation/id', 'UNKNOWN'],
      ['epcisBody/eventList/6/bizLocation/id', 'UNKNOWN'],
    ]);
    expect(error.details.fieldErrors[1]!.message).toBe('urn:unece:locode:XXRTM: XXRTM is not a UN/LOCODE: XX is not an ISO 3166-1 country code.');
    expect(error.details.fieldErrors[4]!.message).toContain('GS1 check digit (9)');
    expect(error.details.fieldErrors[5]!.message).toMatch(/^urn:example:dock-7 is not a place Clearway reads: use urn:unece:locode:NLRTM, an SGLN/);
    expect(await eventsOf(shipmentId)).toBe(0);

    const ok = await captureEpcisDocument({
      actor: await gateway(),
      document: epcisDocument([at('urn:epc:id:sgln:4012345.00001.0'), at('https://id.gs1.org/414/4012345000009/254/BEANR'), at(null, 'urn:unece:locode:degha')]),
    });
    expect(ok.storedCount).toBe(3);
    const timeline = await getTrackingTimeline({ actor: await trader(), containerNumber });
    expect(timeline.edges.map((e) => e.node.locode).sort()).toEqual(['BEANR', 'DEGHA', null]);
  });

  it('refuses a document without events', async () => {
    const error = await refusedWith(epcisDocument([]));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { fieldErrors: [{ path: ['epcisBody', 'eventList'], code: 'REQUIRED' }], errorCount: 1 } });
  });

  it('gives the total in errorCount when it lists only the first 100 problems', async () => {
    const events = Array.from({ length: 150 }, () => objectEvent({ container: 'CSQU3054384' }));
    const error = await refusedWith(epcisDocument(events));
    expect(error.details.fieldErrors).toHaveLength(100);
    expect(error.details.errorCount).toBe(150);
    expect(error.message).toMatch(/^The document was refused and nothing of it was stored: 150 problems \(the first 100 are listed\)/);
  });
});
