// Who may report seal events for a shipment (issue 12, item 2) and whose event ids they are (item 3),
// through the entry points that share storeSealEvents: EPCIS capture and recordSealEvents.
import { describe, expect, it } from 'vitest';

import { getDb, getPool } from '../../lib/db';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { submitDeclaration } from '../../lib/declarations/submit-declaration';
import { captureEpcisDocument } from '../../lib/tracking/capture-epcis-document';
import { getShipment } from '../../lib/tracking/get-shipment';
import { recordSealEvents } from '../../lib/tracking/record-seal-events';
import { registerSealDevice } from '../../lib/tracking/register-seal-device';
import { registerShipment } from '../../lib/tracking/register-shipment';
import { validImport } from '../declarations/fixtures';
import { epcisDocument, gateway, kampala, newContainer, notTracked, objectEvent, officer, trackedShipment, trader, withToken } from './fixtures';

const eventsOf = async (shipmentId: string) => (await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM seal_event WHERE shipment_id = $1`, [shipmentId])).rows[0]!.n;
const declarationOf = (id: string) => getDb().declaration.findUniqueOrThrow({ where: { id }, include: { riskFindings: true } });
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => expect.fail('refused'),
    (e: unknown) => e as { code: string; message: string; details: Record<string, unknown> & { fieldErrors?: { path: string[]; code: string; message: string }[] } },
  );
/** A shipment of Kampala Trading's own (declarant and importer), which a Kampala token may report for. */
const kampalaShipment = async () => trackedShipment({ actor: await kampala(), input: { importerEori: 'UG100200300', exporterEori: 'KE000111222' }, reporters: [] });

describe('who may report for a shipment', () => {
  it('refuses a forged TAMPER from another company’s events:write token exactly as for an untracked container, and nothing moves', async () => {
    const { shipmentId, containerNumber, declarationId } = await trackedShipment();
    const before = await declarationOf(declarationId);
    const stranger = withToken(await kampala());
    const forged = await refusal(captureEpcisDocument({ actor: stranger, document: epcisDocument([objectEvent({ container: containerNumber, sealState: 'TAMPERED' })]) }));
    const untracked = newContainer();
    const nobody = await refusal(captureEpcisDocument({ actor: stranger, document: epcisDocument([objectEvent({ container: untracked, sealState: 'TAMPERED' })]) }));
    // The same answer, word for word but the container: no shipment id, no status, not whether it is tracked.
    expect(forged.details.fieldErrors).toEqual([{ path: ['epcisBody', 'eventList', '0', 'epcList', '0'], code: 'UNKNOWN', message: notTracked(containerNumber) }]);
    expect(JSON.stringify(forged).replaceAll(containerNumber, 'C')).toBe(JSON.stringify(nobody).replaceAll(untracked, 'C'));
    expect(JSON.stringify(forged)).not.toContain(shipmentId);

    expect(await eventsOf(shipmentId)).toBe(0);
    const shipment = await getShipment({ actor: await officer(), id: shipmentId });
    expect([shipment.status, shipment.alerts]).toEqual(['SEALED_INTACT', []]);
    const after = await declarationOf(declarationId);
    expect([after.status, after.lane, after.riskFindings.length]).toEqual([before.status, before.lane, before.riskFindings.length]);

    // recordSealEvents goes the same way.
    const viaGraphql = await refusal(recordSealEvents({ actor: stranger, events: [{ containerNumber, kind: 'TAMPER', eventTime: new Date(Date.now() - 60_000).toISOString() }] }));
    expect(viaGraphql.details.fieldErrors).toEqual([{ path: ['events', '0', 'containerNumber'], code: 'UNKNOWN', message: notTracked(containerNumber) }]);
    expect(await eventsOf(shipmentId)).toBe(0);
  });

  it('accepts the declarant’s own gateway, the reporters named at registration, and customs', async () => {
    const { shipmentId, containerNumber } = await trackedShipment();
    const event = () => epcisDocument([objectEvent({ container: containerNumber, bizStep: 'transporting' })]);
    // The declarant (Rotterdam) reports for its own shipment; the named carrier (the gateway's company) too.
    expect((await captureEpcisDocument({ actor: withToken(await trader()), document: event() })).storedCount).toBe(1);
    expect((await captureEpcisDocument({ actor: await gateway(), document: event() })).storedCount).toBe(1);
    // Customs, signed in or through a customs gateway.
    expect((await captureEpcisDocument({ actor: await officer(), document: event() })).storedCount).toBe(1);
    expect((await captureEpcisDocument({ actor: withToken(await officer()), document: event() })).storedCount).toBe(1);
    expect(await eventsOf(shipmentId)).toBe(4);
    // Without naming the carrier, its gateway is a stranger.
    const unnamed = await trackedShipment({ reporters: [] });
    const refused = await refusal(captureEpcisDocument({ actor: await gateway(), document: epcisDocument([objectEvent({ container: unnamed.containerNumber })]) }));
    expect(refused.details.fieldErrors![0]!.message).toBe(notTracked(unnamed.containerNumber));
  });

  it('binds an e-seal’s device: that signed device may report, not its company’s other gateways', async () => {
    const admin = await kampala();
    const device = await registerSealDevice({ actor: admin, name: 'e-seal reader 7' });
    const other = await registerSealDevice({ actor: admin, name: 'yard reader' });
    const c = newContainer();
    const t = await trader();
    const { id: declarationId } = await createDeclarationDraft({ actor: t, input: validImport({ containers: [{ containerNumber: c, seals: ['CN1234567'] }] }) });
    await submitDeclaration({ actor: t, id: declarationId });
    const { id } = await registerShipment({
      actor: t,
      input: { declarationId, containerNumber: c, route: { origin: { locode: 'CNSHA' }, destination: { locode: 'NLRTM' } }, seals: [{ type: 'ELECTRONIC', manufacturer: 'NEXUS', serial: 'KE7731', source: 'CARRIER', deviceId: device.id }] },
    });
    const { rows } = await getPool().query(`SELECT company_id AS "companyId", device_id AS "deviceId", role::text AS role FROM shipment_reporter WHERE shipment_id = $1`, [id]);
    expect(rows).toEqual([{ companyId: admin.companyId, deviceId: device.id, role: 'CARRIER' }]);

    // The device as verifyDeviceSignature makes it: its company's actor with events:write, and its id.
    const asDevice = (deviceId: string) => ({ actor: { ...admin, isCompanyAdmin: false, token: { id: deviceId, name: 'device', scopes: ['events:write' as const] } }, deviceId });
    const doc = () => epcisDocument([objectEvent({ container: c, bizStep: 'transporting' })]);
    expect((await captureEpcisDocument({ ...asDevice(device.id), document: doc() })).storedCount).toBe(1);
    expect((await refusal(captureEpcisDocument({ ...asDevice(other.id), document: doc() }))).details.fieldErrors![0]!.message).toBe(notTracked(c));
    expect((await refusal(captureEpcisDocument({ actor: withToken(admin), document: doc() }))).details.fieldErrors![0]!.message).toBe(notTracked(c));
    expect(await eventsOf(id)).toBe(1);
  });
});

describe('event ids belong to their reporter', () => {
  it('does not let another company take a genuine event’s id first', async () => {
    const id = 'urn:uuid:5d1c8a52-0b7e-4f7e-9c3a-6f4e2a9b1c01';
    // The attacker uses the id first, on a shipment it may report for (its own).
    const own = await kampalaShipment();
    expect((await captureEpcisDocument({ actor: withToken(await kampala()), document: epcisDocument([objectEvent({ container: own.containerNumber, eventID: id })]) })).storedCount).toBe(1);
    // The genuine TAMPER under that id is stored, alerts and moves the declaration.
    const { shipmentId, containerNumber, declarationId } = await trackedShipment();
    const genuine = await captureEpcisDocument({ actor: await gateway(), document: epcisDocument([objectEvent({ container: containerNumber, eventID: id, sealState: 'TAMPERED' })]) });
    expect(genuine).toMatchObject({ storedCount: 1, duplicateCount: 0, alertCount: 1 });
    expect((await getShipment({ actor: await officer(), id: shipmentId })).status).toBe('TAMPER_SUSPECTED');
    expect((await declarationOf(declarationId)).lane).toBe('RED');
  });

  it('counts the same id with the same content as a duplicate, and refuses it with other content (CONFLICT naming the id), storing nothing', async () => {
    const { shipmentId, containerNumber } = await trackedShipment();
    const actor = await gateway();
    const id = 'urn:uuid:5d1c8a52-0b7e-4f7e-9c3a-6f4e2a9b1c02';
    const position = objectEvent({ container: containerNumber, eventID: id, bizStep: 'transporting', position: [10, 110], eventTime: new Date(Date.now() - 3_600_000).toISOString() });
    expect(await captureEpcisDocument({ actor, document: epcisDocument([position]) })).toMatchObject({ storedCount: 1 });
    // Resent as it was, by another token of the same company: a duplicate.
    expect(await captureEpcisDocument({ actor: withToken({ ...actor, token: null }), document: epcisDocument([position]) })).toMatchObject({ storedCount: 0, duplicateCount: 1 });

    const tamper = { ...position, sensorElementList: [{ sensorReport: [{ type: 'cw:SealState', stringValue: 'TAMPERED' }] }] };
    const fresh = objectEvent({ container: containerNumber, bizStep: 'transporting' });
    const conflict = await refusal(captureEpcisDocument({ actor, document: epcisDocument([fresh, tamper]) }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toContain(`Event id ${id} was already received from you with different content (kind, latitude, longitude)`);
    expect(conflict.details).toMatchObject({ eventId: id, errorCount: 1, fieldErrors: [{ path: ['epcisBody', 'eventList', '1', 'eventID'], code: 'CONFLICT' }] });
    expect(await eventsOf(shipmentId)).toBe(1);

    // The same id twice within one input, with different content.
    const twice = await refusal(captureEpcisDocument({ actor, document: epcisDocument([fresh, { ...fresh, bizStep: 'arriving' }]) }));
    expect(twice).toMatchObject({ code: 'CONFLICT', details: { eventId: fresh.eventID, fieldErrors: [{ path: ['epcisBody', 'eventList', '1', 'eventID'], code: 'CONFLICT' }] } });
    expect(twice.message).toContain('is used twice in this input with different content (bizStep)');
    // recordSealEvents: the same rule.
    const recorded = await refusal(recordSealEvents({ actor, events: [{ eventId: id, containerNumber, kind: 'TAMPER', eventTime: new Date(Date.now() - 3_600_000).toISOString() }] }));
    expect(recorded).toMatchObject({ code: 'CONFLICT', details: { eventId: id, fieldErrors: [{ path: ['events', '0', 'eventId'] }] } });
    expect(await eventsOf(shipmentId)).toBe(1);
  });
});
