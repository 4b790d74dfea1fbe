// Reading shipments: who sees what (declaration visibility, broker delegations, API token scopes), and
// the paged lists.
import { describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { getPool } from '../../lib/db';
import { captureEpcisDocument } from '../../lib/tracking/capture-epcis-document';
import { getShipment } from '../../lib/tracking/get-shipment';
import { getTrackingTimeline } from '../../lib/tracking/get-tracking-timeline';
import { listShipments } from '../../lib/tracking/list-shipments';
import { validImport } from '../declarations/fixtures';
import { broker, epcisDocument, gateway, kampala, newContainer, objectEvent, officer, trackedShipment, trader, withToken } from './fixtures';

/** A valid import grant from the Rotterdam importer to Delta brokers (the demo data may hold one already). */
async function grantBroker(): Promise<void> {
  await getPool().query(
    `INSERT INTO delegation (id, client_id, broker_id, representation, scope, valid_from, granted_by_id)
     SELECT gen_random_uuid(), c.id, b.id, 'DIRECT', 'IMPORT', now() - interval '1 day', u.id
       FROM company c, company b, app_user u
      WHERE c.eori = 'NL123456789' AND b.eori = 'NL987654321' AND u.email = 'trader@rotterdam-importers.example'
`,
  );
}

async function revokeBrokerGrants(): Promise<void> {
  await getPool().query(`UPDATE delegation SET revoked_at = now() WHERE revoked_at IS NULL AND broker_id = (SELECT id FROM company WHERE eori = 'NL987654321')`);
}

describe('who sees a shipment', () => {
  it('shows a broker its clients’ shipments only while the delegation is valid', async () => {
    await grantBroker();
    const filedByBroker = await trackedShipment({ actor: await broker(), input: { representativeEori: 'NL987654321', representationStatus: 'DIRECT' } });
    const filedByClient = await trackedShipment();

    const withGrant = await broker();
    const seen = await listShipments({ actor: withGrant, first: 100 });
    expect(seen.edges.map((e) => e.node.id)).toEqual([filedByBroker.shipmentId]);
    expect(seen.totalCount).toBe(1);
    expect((await getShipment({ actor: withGrant, id: filedByBroker.shipmentId })).declaration.id).toBe(filedByBroker.declarationId);
    await expect(getShipment({ actor: withGrant, id: filedByClient.shipmentId })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // The client sees both, the one its broker filed too.
    const client = (await listShipments({ actor: await trader(), first: 100 })).edges.map((e) => e.node.id);
    expect(client).toEqual(expect.arrayContaining([filedByBroker.shipmentId, filedByClient.shipmentId]));

    await revokeBrokerGrants();
    const revoked = await broker();
    expect((await listShipments({ actor: revoked })).totalCount).toBe(0);
    await expect(getShipment({ actor: revoked, id: filedByBroker.shipmentId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getTrackingTimeline({ actor: revoked, containerNumber: filedByBroker.containerNumber })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers NOT_FOUND for another company’s shipment, by id and by container', async () => {
    const { shipmentId, containerNumber } = await trackedShipment();
    const other = await kampala();
    await expect(getShipment({ actor: other, id: shipmentId })).rejects.toMatchObject({ code: 'NOT_FOUND', message: `No shipment ${shipmentId} that you can see.` });
    await expect(getShipment({ actor: other, containerNumber })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getTrackingTimeline({ actor: other, shipmentId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getShipment({ actor: other, id: 'not-a-uuid' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listShipments({ actor: other })).edges.map((e) => e.node.id)).not.toContain(shipmentId);
    // Officers see every shipment.
    expect((await getShipment({ actor: await officer(), id: shipmentId })).id).toBe(shipmentId);
  });

  it('lets an API token read with tracking:read (without declarations:read), and refuses one without it', async () => {
    const { shipmentId } = await trackedShipment();
    const reader = withToken(await trader(), ['tracking:read']);
    expect((await getShipment({ actor: reader, id: shipmentId })).id).toBe(shipmentId);
    expect((await listShipments({ actor: reader, first: 100 })).edges.map((e) => e.node.id)).toContain(shipmentId);
    const writer = withToken(await trader(), ['events:write', 'declarations:read']);
    await expect(getShipment({ actor: writer, id: shipmentId })).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'This API token lacks the scope "tracking:read".' });
  });
});

describe('listShipments', () => {
  it('filters and pages newest first without skipping or repeating', async () => {
    const actor = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await trackedShipment({ actor }));
    const tampered = made[2]!;
    await captureEpcisDocument({ actor: await gateway(), document: epcisDocument([objectEvent({ container: tampered.containerNumber, sealState: 'TAMPERED' })]) });

    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listShipments({ actor, first: 2, after });
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 5)).toEqual(made.map((m) => m.shipmentId).reverse());

    const alerted = await listShipments({ actor, filter: { withOpenAlerts: true } });
    expect(alerted.edges.map((e) => e.node.id)).toEqual([tampered.shipmentId]);
    expect(alerted.edges[0]!.node).toMatchObject({ status: 'TAMPER_SUSPECTED', openAlertCount: 1, declaration: { id: tampered.declarationId, lane: 'RED' } });
    expect((await listShipments({ actor, filter: { status: ['TAMPER_SUSPECTED'], containerNumber: tampered.containerNumber } })).totalCount).toBe(1);
    await expect(listShipments({ actor, first: 0 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(listShipments({ actor, after: Buffer.from('declarations:x').toString('base64url') })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('getTrackingTimeline', () => {
  it('pages a long timeline by event time with stable cursors and the total from the counter', async () => {
    const { containerNumber } = await trackedShipment();
    const start = Date.now() - 10 * 3_600_000;
    // 120 events in two documents, the later half sent first.
    const events = Array.from({ length: 120 }, (_, i) => objectEvent({ container: containerNumber, bizStep: 'transporting', eventTime: new Date(start + i * 60_000).toISOString(), position: [10 + i / 100, 100] }));
    await captureEpcisDocument({ actor: await gateway(), document: epcisDocument(events.slice(60)) });
    await captureEpcisDocument({ actor: await gateway(), document: epcisDocument(events.slice(0, 60)) });
    const times: number[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await getTrackingTimeline({ actor: await trader(), containerNumber, first: 50, after });
      expect(page.totalCount).toBe(120);
      times.push(...page.edges.map((e) => e.node.eventTime.getTime()));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(times).toEqual(events.map((e) => Date.parse(e.eventTime as string)));
    const shipment = await getShipment({ actor: await trader(), containerNumber });
    expect(shipment.lastPosition).toMatchObject({ latitude: 11.19, longitude: 100 });
  });

  it('refuses a cursor of another list and a missing container', async () => {
    const { containerNumber } = await trackedShipment();
    const actor = await trader();
    const desc = await getTrackingTimeline({ actor, containerNumber, newestFirst: true });
    expect(desc.edges).toEqual([]);
    await expect(getTrackingTimeline({ actor, containerNumber, after: Buffer.from('timeline-desc:x|1').toString('base64url') })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(getTrackingTimeline({ actor })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(getTrackingTimeline({ actor, containerNumber: newContainer() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('a container on several declarations', () => {
  it('shows each party the journey of its own declaration', async () => {
    const containerNumber = newContainer();
    const first = await trackedShipment({ container: containerNumber });
    // The journey ends (seal removed at the destination), and the container is declared again by another importer.
    await captureEpcisDocument({ actor: await officer(), document: epcisDocument([objectEvent({ container: containerNumber, action: 'DELETE', bizStep: 'removing', readPoint: 'urn:unece:locode:NLRTM' })]) });
    const second = await trackedShipment({
      actor: await kampala(),
      container: containerNumber,
      input: { ...validImport(), importerEori: 'UG100200300', exporterEori: 'KE000111222', containers: [{ containerNumber, seals: ['CN1234567'] }] },
    });
    expect((await getShipment({ actor: await trader(), containerNumber })).id).toBe(first.shipmentId);
    expect((await getShipment({ actor: await kampala(), containerNumber })).id).toBe(second.shipmentId);
    expect((await getShipment({ actor: await officer(), containerNumber })).id).toBe(second.shipmentId);
  });
});
